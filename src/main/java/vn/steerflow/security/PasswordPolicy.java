package vn.steerflow.security;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * What a new password must be (OWASP ASVS 4.0 V2.1, NIST SP 800-63B §5.1.1.2): 12 to 128 characters
 * (Unicode code points, spaces allowed, nothing truncated, no composition rules), and not a common
 * one: not on the shipped list of common passwords, not such a password with digits or symbols put
 * before or after it ("password2026!"), not the member's username or the application's name, and
 * not one character or two repeated. Checked wherever a password is set: admins creating or
 * changing a member, a member changing their own, the first admin's start-up password.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;

  /** Words of this application that make a guessable password on their own. */
  private static final String[] CONTEXT_WORDS = {"steerflow"};

  private static final SecureRandom RANDOM = new SecureRandom();

  /** No 0/O, 1/l/I: a temporary password is read out or copied by hand. */
  private static final String TEMPORARY_ALPHABET =
      "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private PasswordPolicy() {}

  /**
   * What is wrong with the password, if anything, as a message naming no secret; {@code username}
   * may be null when not known yet.
   */
  public static Optional<String> problem(String password, String username) {
    if (password == null) {
      return Optional.of("give a password");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      return Optional.of(
          "a password has " + MIN_LENGTH + " to " + MAX_LENGTH + " characters; this has " + length);
    }
    if (password.codePoints().distinct().count() < 3) {
      return Optional.of("a password of one or two repeated characters is too easy to guess");
    }
    if (CommonPasswords.contains(password)) {
      return Optional.of("this password is on the list of common passwords; choose another");
    }
    String core = core(password);
    if (!core.isEmpty() && CommonPasswords.contains(core)) {
      return Optional.of("this is a common password with digits or symbols added; choose another");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    for (String word : CONTEXT_WORDS) {
      if (lower.equals(word) || core.toLowerCase(Locale.ROOT).equals(word)) {
        return Optional.of("the application's name is too easy to guess");
      }
    }
    if (username != null
        && !username.isBlank()
        && (lower.equals(username.toLowerCase(Locale.ROOT))
            || core.toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT)))) {
      return Optional.of("a password must not be the username");
    }
    return Optional.empty();
  }

  /**
   * A random password that passes the policy: 16 characters (about 93 bits) in groups of four, for
   * an admin to hand over once.
   */
  public static String temporary() {
    while (true) {
      StringBuilder password = new StringBuilder(19);
      for (int i = 0; i < 16; i++) {
        if (i > 0 && i % 4 == 0) {
          password.append('-');
        }
        password.append(TEMPORARY_ALPHABET.charAt(RANDOM.nextInt(TEMPORARY_ALPHABET.length())));
      }
      if (problem(password.toString(), null).isEmpty()) {
        return password.toString();
      }
    }
  }

  /** The password without the digits, symbols and spaces before and after its letters. */
  static String core(String password) {
    int start = 0;
    int end = password.length();
    while (start < end && !Character.isLetter(password.charAt(start))) {
      start++;
    }
    while (end > start && !Character.isLetter(password.charAt(end - 1))) {
      end--;
    }
    return password.substring(start, end);
  }
}
