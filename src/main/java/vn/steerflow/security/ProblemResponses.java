package vn.steerflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import vn.steerflow.api.Problem;

/** Writes problem+json from servlet filters, which answer before JAX-RS is reached. */
final class ProblemResponses {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProblemResponses() {}

  static void write(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(
        response.getWriter(), new Problem("about:blank", title, status, detail, List.of()));
  }
}
