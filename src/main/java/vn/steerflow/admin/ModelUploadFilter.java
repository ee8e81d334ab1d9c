package vn.steerflow.admin;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.FieldError;
import vn.steerflow.api.Problem;
import vn.steerflow.committee.Role;
import vn.steerflow.workflow.EngineBootstrap;
import vn.steerflow.workflow.model.ModelGuardPlugin;
import vn.steerflow.workflow.model.Models;

/**
 * Runs before an upload's body is read, since reading a multipart body stores it: only an admin may
 * send one (else 403), and a body larger than {@link Models#MAX_FILES} files of the size limit
 * answers 413 unread. A body of unknown length is cut off at the same limit while it is read.
 */
@Provider
@ModelUpload
@Priority(Priorities.AUTHORIZATION)
public class ModelUploadFilter implements ContainerRequestFilter {

  /** Room for the multipart headers and boundaries around the files. */
  static final long ENVELOPE_BYTES = 64 * 1024;

  @Context private SecurityContext security;

  @Override
  public void filter(ContainerRequestContext request) {
    if (security.getUserPrincipal() == null || !security.isUserInRole(Role.ADMIN.name())) {
      throw ApiException.forbidden(ModelResource.ADMINS_ONLY);
    }
    long limit = maxRequestBytes();
    if (request.getLength() > limit) {
      throw tooLarge(limit);
    }
    if (request.getLength() < 0) {
      request.setEntityStream(new Limited(request.getEntityStream(), limit));
    }
  }

  static long maxFileBytes() {
    return ConfigProvider.getConfig()
        .getOptionalValue(EngineBootstrap.MAX_MODEL_BYTES, Long.class)
        .orElse(ModelGuardPlugin.DEFAULT_MAX_BYTES);
  }

  static long maxRequestBytes() {
    return Models.MAX_FILES * maxFileBytes() + ENVELOPE_BYTES;
  }

  static ApiException tooLarge(long limit) {
    return new ApiException(
        413,
        "Content Too Large",
        "The upload is larger than "
            + limit
            + " bytes: send at most "
            + Models.MAX_FILES
            + " files of at most "
            + maxFileBytes()
            + " bytes each.",
        List.of(new FieldError("file", "at most " + maxFileBytes() + " bytes per file")));
  }

  /** A body of unknown length, read up to the limit and answered 413 past it. */
  private static final class Limited extends FilterInputStream {
    private final long limit;
    private long read;

    Limited(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(long n) {
      read += n;
      if (read > limit) {
        ApiException e = tooLarge(limit);
        throw new WebApplicationException(
            e.getMessage(), Problem.response(e.status(), e.title(), e.getMessage(), e.errors()));
      }
    }
  }
}
