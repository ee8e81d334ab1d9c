package vn.steerflow.admin;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.steerflow.api.ApiException;
import vn.steerflow.api.FieldError;
import vn.steerflow.api.Problem;
import vn.steerflow.api.RequestValidation;
import vn.steerflow.committee.Role;
import vn.steerflow.plan.PlanModelView;
import vn.steerflow.plan.PlanModels;
import vn.steerflow.security.CurrentCaller;
import vn.steerflow.workflow.ModelDeployed;
import vn.steerflow.workflow.model.DeployedModel;
import vn.steerflow.workflow.model.ModelDeployment;
import vn.steerflow.workflow.model.ModelFile;
import vn.steerflow.workflow.model.ModelVersion;
import vn.steerflow.workflow.model.Models;

/**
 * The models the engine runs, for admins: deploy BPMN files (multipart/form-data, one part per
 * file; {@code ?dryRun=true} checks without deploying), list versions, read a version's XML,
 * suspend or activate a version, and pin plans to a model.
 */
@Path("admin/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

  static final String ADMINS_ONLY = "Only admins deploy and manage models.";

  static final String BPMN_XML = "application/xml";

  @Inject private Event<ModelDeployed> deployed;

  @Inject private Models models;

  @Inject private PlanModels planModels;

  @Inject private CurrentCaller caller;

  @Inject private RequestValidation validation;

  @Context private UriInfo uriInfo;

  /**
   * 201 with the versions created; 200 when every file was unchanged (duplicate filtering) or in a
   * dry run; 400 listing every problem (nothing deployed); 413 for a file over the size limit.
   */
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @ModelUpload
  public Response deploy(List<EntityPart> parts, @QueryParam("dryRun") String dryRun) {
    String admin = requireAdmin();
    boolean dry = flag("dryRun", dryRun);
    List<ModelFile> files = new ArrayList<>();
    long maxBytes = ModelUploadFilter.maxFileBytes();
    for (EntityPart part : parts == null ? List.<EntityPart>of() : parts) {
      String name = fileName(part);
      byte[] content = read(part, maxBytes);
      if (content.length > maxBytes) {
        throw new ApiException(
            413,
            "Content Too Large",
            name + " is larger than " + maxBytes + " bytes, the most a model may be.",
            List.of(new FieldError(name, "at most " + maxBytes + " bytes")));
      }
      files.add(new ModelFile(name, content));
    }
    ModelDeployment deployment = models.deploy(files, admin, dry);
    if (!deployment.dryRun() && deployment.changed()) {
      // on the record like start-up and Modeler deployments (the audit trail observes the event)
      List<DeployedModel> created =
          deployment.models().stream().filter(m -> m.newVersion()).toList();
      deployed.fire(
          new ModelDeployed(
              deployment.deploymentId(),
              Models.DEPLOYMENT_NAME,
              Models.DEPLOYMENT_SOURCE,
              Instant.now(),
              created.stream().map(DeployedModel::file).sorted().toList(),
              created.stream().map(m -> m.key() + ":" + m.version()).sorted().toList()));
    }
    DeploymentView view = DeploymentView.of(deployment);
    if (deployment.dryRun() || !deployment.changed()) {
      return Response.ok(view).build();
    }
    var created =
        deployment.models().stream().filter(m -> m.newVersion()).findFirst().orElseThrow();
    return Response.created(
            uriInfo
                .getBaseUriBuilder()
                .path("admin/models/{key}/versions/{version}")
                .build(created.key(), created.version()))
        .entity(view)
        .build();
  }

  /** Anything but multipart/form-data: say how to send models. */
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response deployNotMultipart() {
    requireAdmin();
    return Problem.response(
        415,
        "Unsupported Media Type",
        "Send the models as multipart/form-data, one part per .bpmn file"
            + " (curl -F file=@task-cycle.bpmn ...).",
        List.of());
  }

  @GET
  public List<ProcessModelView> list() {
    requireAdmin();
    List<PlanModelView> pins = planModels.pinned();
    return models.list().stream().map(m -> ProcessModelView.of(m, pins)).toList();
  }

  @GET
  @Path("pins")
  public List<PlanModelView> pins() {
    requireAdmin();
    return planModels.pinned();
  }

  /** Pins a plan's new tasks to a model (a version, or the key's latest active version). */
  @PUT
  @Path("pins/{plan}")
  @Consumes(MediaType.APPLICATION_JSON)
  public PlanModelView pin(@PathParam("plan") String plan, PinRequest request) {
    requireAdmin();
    PinRequest pin = validation.check(request, "pin");
    return planModels.pin(plan, pin.key(), pin.version(), pin.planVersion());
  }

  /** The plan's new tasks run on the default process again. */
  @DELETE
  @Path("pins/{plan}")
  public PlanModelView unpin(
      @PathParam("plan") String plan, @QueryParam("planVersion") String planVersion) {
    requireAdmin();
    return planModels.unpin(plan, number("planVersion", planVersion));
  }

  /** The BPMN XML of a version, as deployed. */
  @GET
  @Path("{key}/versions/{version}")
  @Produces(BPMN_XML)
  public Response xml(@PathParam("key") String key, @PathParam("version") String version) {
    requireAdmin();
    int number = versionNumber(version);
    byte[] xml = models.xml(key, number).orElseThrow(() -> noVersion(key, version));
    return Response.ok(xml, BPMN_XML)
        .header("Content-Disposition", "inline; filename=\"" + key + "-v" + number + ".bpmn\"")
        .build();
  }

  /** Suspends a version (no new tasks start on it; running ones go on) or activates it again. */
  @PUT
  @Path("{key}/versions/{version}/state")
  @Consumes(MediaType.APPLICATION_JSON)
  public ModelVersion state(
      @PathParam("key") String key,
      @PathParam("version") String version,
      ModelStateRequest request) {
    String admin = requireAdmin();
    ModelStateRequest state = validation.check(request, "state");
    return models
        .suspend(key, versionNumber(version), state.suspended(), admin)
        .orElseThrow(() -> noVersion(key, version));
  }

  private String requireAdmin() {
    if (!caller.get().has(Role.ADMIN)) {
      throw ApiException.forbidden(ADMINS_ONLY);
    }
    return caller.get().username();
  }

  private static String fileName(EntityPart part) {
    String name = part.getFileName().orElse(part.getName());
    // a browser may send a path; the file's own name is what counts
    return name == null
        ? ""
        : name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  }

  /** Reads at most one byte more than the limit, so a larger file is known without reading it. */
  private static byte[] read(EntityPart part, long maxBytes) {
    try (InputStream in = part.getContent()) {
      return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean flag(String name, String value) {
    if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw ApiException.badRequest(name, name + " is true or false");
  }

  private static Long number(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name, name + " is a whole number");
    }
  }

  private static int versionNumber(String version) {
    try {
      int number = Integer.parseInt(version);
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest("version", "a version is a whole number from 1");
  }

  private static ApiException noVersion(String key, String version) {
    return ApiException.notFound("No version " + version + " of model " + key + ".");
  }
}
