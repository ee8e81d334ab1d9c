package vn.steerflow.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a request body against its Bean Validation constraints and answers 400 naming every field
 * at fault. Resources call it instead of putting {@code @Valid} on the body parameter, because
 * Payara's OpenAPI generator fails on constraint annotations on resource parameters
 * (payara/Payara#7649).
 */
@ApplicationScoped
public class RequestValidation {

  @Inject private Validator validator;

  /**
   * "coordinatingUnits[1].&lt;list element&gt;" → "coordinatingUnits[1]": named as the client wrote
   * it.
   */
  static String fieldName(String path) {
    return path.replaceAll("\\.<[a-z ]+>", "");
  }

  public <T> T check(T body, String what) {
    if (body == null) {
      throw ApiException.badRequest(
          "Send the " + what + " as a JSON object.", List.of(new FieldError("body", "missing")));
    }
    Set<ConstraintViolation<T>> violations = validator.validate(body);
    if (violations.isEmpty()) {
      return body;
    }
    List<FieldError> errors =
        violations.stream()
            .map(v -> new FieldError(fieldName(v.getPropertyPath().toString()), v.getMessage()))
            .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
            .toList();
    throw ApiException.badRequest(
        "Fix these fields: "
            + errors.stream()
                .map(f -> f.field() + " (" + f.message() + ")")
                .collect(Collectors.joining(", ")),
        errors);
  }
}
