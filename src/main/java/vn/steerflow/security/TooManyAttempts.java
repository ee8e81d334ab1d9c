package vn.steerflow.security;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import vn.steerflow.api.Problem;

/** Too many failed logins for the account or the address: 429 with Retry-After. */
public class TooManyAttempts extends RuntimeException {

  private final long retryAfterSeconds;

  public TooManyAttempts(LoginResult.Throttled throttled) {
    super(
        "Too many failed logins for this account or from this address; try again in "
            + throttled.retryAfterSeconds()
            + " seconds.");
    this.retryAfterSeconds = throttled.retryAfterSeconds();
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Maps the exception to its answer. */
  @Provider
  public static class Mapper implements ExceptionMapper<TooManyAttempts> {
    @Override
    public Response toResponse(TooManyAttempts e) {
      return Response.fromResponse(
              Problem.response(429, "Too Many Requests", e.getMessage(), List.of()))
          .header("Retry-After", Long.toString(e.retryAfterSeconds()))
          .build();
    }
  }
}
