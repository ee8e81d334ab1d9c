package vn.steerflow.api;

import java.util.List;

/** A failure a client can act on; mapped to problem+json with its status. */
public class ApiException extends RuntimeException {

  private final int status;
  private final String title;
  private final List<FieldError> errors;

  public ApiException(int status, String title, String detail, List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public static ApiException badRequest(String detail, List<FieldError> errors) {
    return new ApiException(400, "Invalid request", detail, errors);
  }

  public static ApiException badRequest(String field, String message) {
    return badRequest(message, List.of(new FieldError(field, message)));
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, "Not found", detail, List.of());
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(403, "Forbidden", detail, List.of());
  }

  public static ApiException conflict(String detail) {
    return new ApiException(409, "Conflict", detail, List.of());
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
