package vn.steerflow.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.RequestValidation;
import vn.steerflow.committee.Role;
import vn.steerflow.workflow.admin.MigrationReport;
import vn.steerflow.workflow.admin.MigrationRequest;
import vn.steerflow.workflow.admin.Migrations;

/**
 * Admins move running task cycles from one model version to another, or see first what would move
 * ({@code dryRun}). The answer reports each instance; a failed one stays on its version.
 */
@Path("admin/migrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MigrationResource {

  @Inject private Migrations migrations;

  @Inject private RequestValidation validation;

  @Context private SecurityContext security;

  @POST
  public MigrationReport migrate(MigrationRequest request) {
    if (security.getUserPrincipal() == null || !security.isUserInRole(Role.ADMIN.name())) {
      throw ApiException.forbidden("Only admins migrate running tasks to another model version.");
    }
    return migrations.migrate(
        validation.check(request, "migration"), security.getUserPrincipal().getName());
  }
}
