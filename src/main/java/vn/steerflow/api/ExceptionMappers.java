package vn.steerflow.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * Turns every failure into problem+json. Conflicts (the engine's optimistic locking, JPA's, a
 * duplicate decision) become 409; malformed JSON names the field; anything unexpected is logged
 * with its stack trace on the server and answered with a bare 500.
 */
public final class ExceptionMappers {

  private static final Logger LOG = Logger.getLogger(ExceptionMappers.class.getName());

  private ExceptionMappers() {}

  @Provider
  public static class ApiExceptionMapper implements ExceptionMapper<ApiException> {
    @Override
    public Response toResponse(ApiException e) {
      return Problem.response(e.status(), e.title(), e.getMessage(), e.errors());
    }
  }

  @Provider
  public static class ConstraintViolationMapper
      implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public Response toResponse(ConstraintViolationException e) {
      List<FieldError> errors =
          e.getConstraintViolations().stream()
              .map(v -> new FieldError(fieldName(v.getPropertyPath().toString()), v.getMessage()))
              .sorted(java.util.Comparator.comparing(FieldError::field))
              .toList();
      String detail =
          "Fix these fields: "
              + errors.stream()
                  .map(f -> f.field() + " (" + f.message() + ")")
                  .collect(Collectors.joining(", "));
      return Problem.response(400, "Invalid request", detail, errors);
    }

    /**
     * The name every resource method gives its body parameter (the build keeps names, so not arg0).
     */
    static final String BODY_PARAMETER = "request";

    /**
     * "assign.request.title" → "title", "assign.request" → "body", "list.size" → "size",
     * "assign.request.coordinatingUnits[0].&lt;list element&gt;" → "coordinatingUnits[0]": the
     * client knows its body and query, not our method names.
     */
    static String fieldName(String path) {
      String[] parts = path.replaceAll("\\.<[a-z ]+>", "").split("\\.");
      return parts.length <= 2
          ? (parts.length == 2 && (parts[1].equals(BODY_PARAMETER) || parts[1].startsWith("arg"))
              ? "body"
              : parts[parts.length - 1])
          : String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
    }
  }

  @Provider
  public static class JsonMapper implements ExceptionMapper<JsonProcessingException> {
    @Override
    public Response toResponse(JsonProcessingException e) {
      if (e instanceof UnrecognizedPropertyException unknown) {
        String field = path(unknown);
        return Problem.response(
            400,
            "Invalid request",
            "Unknown field '" + field + "': remove it or check its spelling.",
            List.of(new FieldError(field, "unknown field")));
      }
      if (e instanceof JsonMappingException mapping
          && mapping.getCause() instanceof InputCoercionException
          && !path(mapping).isEmpty()) {
        // Valid JSON whose number does not fit the field (a progress of 9223372036854775807).
        String field = path(mapping);
        String message = "Wrong type or format: the number is out of range";
        return Problem.response(
            400,
            "Invalid request",
            "Field '" + field + "': " + message,
            List.of(new FieldError(field, message)));
      }
      if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
        JsonMappingException mapping = (JsonMappingException) e;
        String field = path(mapping);
        Class<?> target = mapping instanceof MismatchedInputException m ? m.getTargetType() : null;
        String expected = target != null ? target.getSimpleName() : "another type";
        String message =
            field.isEmpty()
                ? "The body must be a JSON object."
                : "Wrong type or format: expected "
                    + (target != null && target.isEnum() ? oneOf(target) : describe(expected));
        return Problem.response(
            400,
            "Invalid request",
            field.isEmpty() ? message : "Field '" + field + "': " + message,
            field.isEmpty() ? List.of() : List.of(new FieldError(field, message)));
      }
      return Problem.response(
          400,
          "Invalid request",
          "The body is not valid JSON: " + e.getOriginalMessage(),
          List.of());
    }

    /** "coordinatingUnits[0]", as bean validation names the same element. */
    private static String path(JsonMappingException e) {
      StringBuilder path = new StringBuilder();
      for (JsonMappingException.Reference r : e.getPath()) {
        if (r.getFieldName() != null) {
          path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
        } else {
          path.append('[').append(r.getIndex()).append(']');
        }
      }
      return path.toString();
    }

    /** "one of HIGHER_IS_BETTER, LOWER_IS_BETTER": the client sees what it may send. */
    private static String oneOf(Class<?> enumType) {
      return "one of "
          + java.util.Arrays.stream(enumType.getEnumConstants())
              .map(c -> ((Enum<?>) c).name())
              .collect(Collectors.joining(", "));
    }

    private static String describe(String type) {
      return switch (type) {
        case "OffsetDateTime" ->
            "an ISO-8601 date-time with offset, e.g. 2026-12-31T17:00:00+07:00";
        case "LocalDate" -> "an ISO-8601 date, e.g. 2026-12-31";
        case "Integer", "int", "Long", "long" -> "a whole number";
        case "BigDecimal", "Double", "double" -> "a number";
        case "String" -> "a string";
        case "List", "Set" -> "an array";
        default ->
            type.matches("[A-Z_]+|[A-Z][a-z]+")
                ? "one of the allowed values"
                : "a value of type " + type;
      };
    }
  }

  @Provider
  public static class EngineConflictMapper implements ExceptionMapper<OptimisticLockingException> {
    @Override
    public Response toResponse(OptimisticLockingException e) {
      return conflict();
    }
  }

  @Provider
  public static class JpaConflictMapper implements ExceptionMapper<OptimisticLockException> {
    @Override
    public Response toResponse(OptimisticLockException e) {
      return conflict();
    }
  }

  /** A failed commit: a conflict if a concurrent change caused it, else an unexpected failure. */
  @Provider
  public static class TransactionalMapper implements ExceptionMapper<TransactionalException> {
    @Override
    public Response toResponse(TransactionalException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof ApiException api) {
          return new ApiExceptionMapper().toResponse(api);
        }
        if (t instanceof OptimisticLockingException
            || t instanceof OptimisticLockException
            || t instanceof RollbackException
            || isConflictError(t)) {
          return conflict();
        }
      }
      return unexpected(e);
    }
  }

  @Provider
  public static class PersistenceMapper implements ExceptionMapper<PersistenceException> {
    @Override
    public Response toResponse(PersistenceException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (isConflictError(t)) {
          return conflict();
        }
      }
      return unexpected(e);
    }
  }

  @Provider
  public static class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      String title =
          Response.Status.fromStatusCode(status) != null
              ? Response.Status.fromStatusCode(status).getReasonPhrase()
              : "Error";
      String detail =
          switch (status) {
            case 404 -> "No such resource: check the URL.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "This resource answers application/json only.";
            case 415 -> "Send the body as application/json.";
            default -> title;
          };
      return Problem.response(status, title, detail, List.of());
    }
  }

  @Provider
  public static class UnexpectedMapper implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof ApiException api) {
          return new ApiExceptionMapper().toResponse(api);
        }
        if (t instanceof OptimisticLockingException
            || t instanceof OptimisticLockException
            || isConflictError(t)) {
          return conflict();
        }
      }
      return unexpected(e);
    }
  }

  /**
   * A database error that means another transaction got there first: a duplicate key, a deadlock
   * (Derby 40001, PostgreSQL 40P01 and 40001) or a lock time-out (Derby 40XL1). JPA reports these
   * as plain persistence errors; the client should hear "conflict, try again", not "server error".
   */
  static boolean isConflictError(Throwable t) {
    return t instanceof java.sql.SQLException sql && CONFLICT_STATES.contains(sql.getSQLState());
  }

  private static final java.util.Set<String> CONFLICT_STATES =
      java.util.Set.of("23505", "40001", "40XL1", "40P01");

  static Response conflict() {
    return Problem.response(
        409,
        "Conflict",
        "Someone else changed this first, or the step was already done. Reload and try again.",
        List.of());
  }

  static Response unexpected(Throwable e) {
    LOG.log(Level.SEVERE, "Unexpected failure answering a request", e);
    return Problem.response(
        500,
        "Internal Server Error",
        "The server failed unexpectedly; the failure is logged. Nothing was saved.",
        List.of());
  }
}
