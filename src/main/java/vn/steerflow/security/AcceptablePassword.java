package vn.steerflow.security;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A new password must pass {@link PasswordPolicy}; null passes (pair with {@code @NotNull} where
 * the password is required). The message says what is wrong without repeating the password.
 */
@Documented
@Constraint(validatedBy = AcceptablePassword.Validator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface AcceptablePassword {

  String message() default "choose a password that passes the password policy";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the value against the policy and reports the policy's own message. */
  class Validator implements ConstraintValidator<AcceptablePassword, String> {
    @Override
    public boolean isValid(String password, ConstraintValidatorContext context) {
      if (password == null) {
        return true;
      }
      return PasswordPolicy.problem(password, null)
          .map(
              problem -> {
                context.disableDefaultConstraintViolation();
                context
                    .buildConstraintViolationWithTemplate(escape(problem))
                    .addConstraintViolation();
                return false;
              })
          .orElse(true);
    }

    /** The policy's message is plain text, not a message template. */
    private static String escape(String message) {
      return message
          .replace("\\", "\\\\")
          .replace("{", "\\{")
          .replace("}", "\\}")
          .replace("$", "\\$");
    }
  }
}
