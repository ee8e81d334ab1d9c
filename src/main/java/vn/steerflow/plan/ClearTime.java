package vn.steerflow.plan;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import vn.steerflow.workflow.ReportingCalendar;

/**
 * Clear time, by kind: a ONE_OFF task has a deadline; a REGULAR task has a reporting period and the
 * end of its reporting instead, and no deadline of its own. Each missing or extra field is named,
 * like the other clears' fields.
 */
@Documented
@Constraint(validatedBy = ClearTime.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ClearTime {

  String message() default "clear time";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /**
   * Names each field at fault on the field itself, so the client sees "deadline", not the object.
   */
  final class Validator implements ConstraintValidator<ClearTime, Assignment> {

    @Override
    public boolean isValid(Assignment assignment, ConstraintValidatorContext context) {
      context.disableDefaultConstraintViolation();
      boolean valid = true;
      if (assignment.kindOrDefault() == TaskKind.ONE_OFF) {
        valid &=
            require(
                assignment.deadline() != null,
                "deadline",
                "clear time: give a deadline (ISO-8601 with offset)",
                context);
        valid &=
            require(
                assignment.reportingPeriod() == null,
                "reportingPeriod",
                "only a REGULAR task reports by period",
                context);
        valid &=
            require(
                assignment.reportingUntil() == null,
                "reportingUntil",
                "only a REGULAR task reports until a date",
                context);
      } else {
        valid &=
            require(
                assignment.deadline() == null,
                "deadline",
                "a REGULAR task has no single deadline: each period's report is due at the period's end",
                context);
        valid &=
            require(
                assignment.reportingPeriod() != null,
                "reportingPeriod",
                "clear time: give the reporting period (MONTHLY, QUARTERLY or ISO-8601 like P2W)",
                context);
        valid &=
            require(
                assignment.reportingPeriod() == null
                    || ReportingCalendar.period(assignment.reportingPeriod()).isPresent(),
                "reportingPeriod",
                "not a reporting period: use MONTHLY, QUARTERLY or a positive ISO-8601 period like P2W, of at least "
                    + ReportingCalendar.SHORTEST_PERIOD.toSeconds()
                    + " seconds",
                context);
        // Within a plan the end of reporting defaults to the plan's end, which only the service
        // can look up.
        valid &=
            require(
                assignment.reportingUntil() != null || assignment.plan() != null,
                "reportingUntil",
                "clear time: give the end of reporting (ISO-8601 with offset), or put the task in a plan",
                context);
      }
      return valid;
    }

    private static boolean require(
        boolean holds, String field, String message, ConstraintValidatorContext context) {
      if (!holds) {
        context
            .buildConstraintViolationWithTemplate(escape(message))
            .addPropertyNode(field)
            .addConstraintViolation();
      }
      return holds;
    }

    /** The messages are literal text, not templates. */
    private static String escape(String message) {
      return message
          .replace("\\", "\\\\")
          .replace("{", "\\{")
          .replace("}", "\\}")
          .replace("$", "\\$");
    }
  }
}
