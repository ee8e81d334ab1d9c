package vn.steerflow.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import vn.steerflow.api.FieldError;
import vn.steerflow.api.Problem;
import vn.steerflow.workflow.model.ModelProblem;
import vn.steerflow.workflow.model.ModelRejectedException;

/**
 * A refused model: 400 problem+json listing every problem, as {@code errors} (field: the file and
 * element) like any other 400, and as {@code problems} with file, element id, line and column.
 */
@Provider
public class ModelRejectedMapper implements ExceptionMapper<ModelRejectedException> {

  /** RFC 9457 problem with the extension members {@code errors} and {@code problems}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record ModelRejectedProblem(
      String type,
      String title,
      int status,
      String detail,
      List<FieldError> errors,
      List<ModelProblem> problems) {}

  @Override
  public Response toResponse(ModelRejectedException e) {
    List<FieldError> errors =
        e.problems().stream().map(p -> new FieldError(field(p), message(p))).toList();
    return Response.status(400)
        .type(Problem.MEDIA_TYPE)
        .entity(
            new ModelRejectedProblem(
                "about:blank", "Invalid model", 400, e.getMessage(), errors, e.problems()))
        .build();
  }

  private static String field(ModelProblem p) {
    String file = p.file() == null ? "file" : p.file();
    return p.elementId() == null ? file : file + "#" + p.elementId();
  }

  private static String message(ModelProblem p) {
    return p.line() == null
        ? p.message()
        : "line " + p.line() + ", column " + p.column() + ": " + p.message();
  }
}
