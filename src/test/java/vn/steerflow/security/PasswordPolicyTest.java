package vn.steerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintValidatorContext;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

  @Test
  void theDemoPasswordAndLongUncommonPasswordsPass() {
    assertThat(PasswordPolicy.problem("Demo@steerflow2026", "admin")).isEmpty();
    assertThat(PasswordPolicy.problem("Mat-khau-du-dai-2026", "cb1")).isEmpty();
    assertThat(PasswordPolicy.problem("ngựa đúng pin kẹp giấy", null)).isEmpty();
  }

  @Test
  void lengthIsTwelveToOneHundredTwentyEightCharactersCountedAsCodePoints() {
    assertThat(PasswordPolicy.problem("Xk7#pQ2!mZ9", null))
        .hasValueSatisfying(m -> assertThat(m).contains("this has 11"));
    assertThat(PasswordPolicy.problem("Xk7#pQ2!mZ9w", null)).isEmpty();
    String longest = "Xk7#pQ2!mZ9w".repeat(10) + "Xk7#pQ2!";
    assertThat(longest).hasSize(128);
    assertThat(PasswordPolicy.problem(longest, null)).isEmpty();
    assertThat(PasswordPolicy.problem(longest + "a", null))
        .hasValueSatisfying(m -> assertThat(m).contains("129"));
    // Twelve emoji are 24 UTF-16 chars but twelve characters to a person.
    String emoji = "🐉🌾🎋🐃🍵🛶🌸🍚🏯🎐🐟🌙";
    assertThat(emoji).hasSize(24);
    assertThat(PasswordPolicy.problem(emoji, null)).isEmpty();
    assertThat(PasswordPolicy.problem(emoji.substring(2), null))
        .hasValueSatisfying(m -> assertThat(m).contains("this has 11"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "qwerty123456", // on the list as it is
        "1qaz2wsx3edc",
        "Administrator", // on the list, whatever the case
        "password1234", // a listed password with digits added
        "!!Baseball2026",
        "  iloveyou  2026",
      })
  void commonPasswordsAreRefused(String password) {
    assertThat(PasswordPolicy.problem(password, null))
        .hasValueSatisfying(m -> assertThat(m).contains("common password"));
  }

  @Test
  void theUsernameTheApplicationsNameAndRepeatsAreRefused() {
    assertThat(PasswordPolicy.problem("nguyenvanbinh", "nguyenvanbinh"))
        .hasValueSatisfying(m -> assertThat(m).contains("username"));
    assertThat(PasswordPolicy.problem("NguyenVanBinh2026", "nguyenvanbinh"))
        .hasValueSatisfying(m -> assertThat(m).contains("username"));
    assertThat(PasswordPolicy.problem("steerflow2026!", null))
        .hasValueSatisfying(m -> assertThat(m).contains("name"));
    assertThat(PasswordPolicy.problem("zzzzzzzzzzzzzz", null)).isPresent();
    assertThat(PasswordPolicy.problem("xyxyxyxyxyxyxy", null)).isPresent();
  }

  @Test
  void theShippedListIsLoadedWholeWithItsHeaderLeftOut() {
    assertThat(CommonPasswords.size()).isEqualTo(49_233);
    assertThat(CommonPasswords.contains("123456")).isTrue();
    // An entry that starts with '#' is a password, not a comment ...
    assertThat(CommonPasswords.contains("#name?")).isTrue();
    // ... while the licence header is not.
    assertThat(CommonPasswords.contains("# Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc."))
        .isFalse();
    assertThat(CommonPasswords.contains("#")).isFalse();
  }

  @Test
  void temporaryPasswordsAreRandomAndPassThePolicy() {
    String first = PasswordPolicy.temporary();
    assertThat(first).matches("([a-km-zA-HJ-NP-Z2-9]{4}-){3}[a-km-zA-HJ-NP-Z2-9]{4}");
    assertThat(PasswordPolicy.problem(first, null)).isEmpty();
    assertThat(PasswordPolicy.temporary()).isNotEqualTo(first);
  }

  @Test
  void theBeanValidationConstraintReportsThePolicysMessage() {
    AcceptablePassword.Validator validator = new AcceptablePassword.Validator();
    List<String> messages = new ArrayList<>();
    ConstraintValidatorContext context = context(messages);

    assertThat(validator.isValid(null, context)).isTrue();
    assertThat(validator.isValid("Demo@steerflow2026", context)).isTrue();
    assertThat(messages).isEmpty();
    assertThat(validator.isValid("qwerty123456", context)).isFalse();
    assertThat(messages).singleElement().asString().contains("common password");
  }

  /** A context that records the messages of the violations built on it. */
  private static ConstraintValidatorContext context(List<String> messages) {
    Object builder =
        Proxy.newProxyInstance(
            PasswordPolicyTest.class.getClassLoader(),
            new Class<?>[] {ConstraintValidatorContext.ConstraintViolationBuilder.class},
            (proxy, method, args) -> null);
    return (ConstraintValidatorContext)
        Proxy.newProxyInstance(
            PasswordPolicyTest.class.getClassLoader(),
            new Class<?>[] {ConstraintValidatorContext.class},
            (proxy, method, args) -> {
              if (method.getName().equals("buildConstraintViolationWithTemplate")) {
                messages.add((String) args[0]);
                return builder;
              }
              return null;
            });
  }
}
