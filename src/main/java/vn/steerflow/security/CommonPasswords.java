package vn.steerflow.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The list of common passwords shipped in the application ({@code common-passwords.txt} beside this
 * class: zxcvbn's list, MIT, source noted in the file). Loaded once, on first use, and never
 * fetched from anywhere at run time.
 */
final class CommonPasswords {

  static final String RESOURCE = "common-passwords.txt";

  private CommonPasswords() {}

  /** Whether the password, ignoring case, is on the list. */
  static boolean contains(String password) {
    return Holder.PASSWORDS.contains(password.toLowerCase(Locale.ROOT));
  }

  static int size() {
    return Holder.PASSWORDS.size();
  }

  private static final class Holder {
    static final Set<String> PASSWORDS = load();
  }

  private static Set<String> load() {
    try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the application");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Set<String> passwords = new HashSet<>(65_536);
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isEmpty() && !line.equals("#") && !line.startsWith("# ")) {
          passwords.add(line.toLowerCase(Locale.ROOT));
        }
      }
      return Set.copyOf(passwords);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
