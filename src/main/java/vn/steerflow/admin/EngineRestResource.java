package vn.steerflow.admin;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.CountResultDto;
import org.camunda.bpm.engine.rest.dto.ProcessEngineDto;
import org.camunda.bpm.engine.rest.dto.VersionDto;
import org.camunda.bpm.engine.rest.dto.history.UserOperationLogEntryDto;
import org.camunda.bpm.engine.rest.dto.repository.DeploymentDto;
import org.camunda.bpm.engine.rest.dto.repository.DeploymentResourceDto;
import org.camunda.bpm.engine.rest.dto.repository.DeploymentWithDefinitionsDto;
import org.camunda.bpm.engine.rest.dto.repository.ProcessDefinitionDiagramDto;
import org.camunda.bpm.engine.rest.dto.repository.ProcessDefinitionDto;
import org.camunda.bpm.engine.rest.dto.runtime.ActivityInstanceDto;
import org.camunda.bpm.engine.rest.dto.runtime.ProcessInstanceDto;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.impl.AbstractProcessEngineRestServiceImpl;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.camunda.bpm.engine.rest.mapper.MultipartFormData;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import vn.steerflow.workflow.ModelDeployed;
import vn.steerflow.workflow.model.ModelGuardPlugin;

/**
 * The operations of Camunda's REST API that steerflow offers, each delegating to Camunda's own
 * implementation; every other path of Camunda's API does not exist here (404), and another method
 * on an offered path answers 405. What Camunda Modeler needs to deploy (deployment create and list,
 * version), what an admin needs to see what was deployed by whom and where running instances wait
 * before migrating them, and nothing that changes a running instance, a task or a variable: those
 * change only through steerflow's API, which keeps the domain in step.
 *
 * <p>Each operation runs as the caller in the engine, so the engine's operation log names the admin
 * who deployed.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class EngineRestResource extends AbstractProcessEngineRestServiceImpl {

  /** The offered operations, for the 404 of any other path and for the README. */
  static final String OFFERED =
      "POST /deployment/create, GET /deployment, GET /deployment/count, GET /deployment/{id},"
          + " GET /deployment/{id}/resources, GET /process-definition, GET /process-definition/count,"
          + " GET /process-definition/{id}, GET /process-definition/{id}/xml,"
          + " GET /process-definition/key/{key}, GET /process-definition/key/{key}/xml,"
          + " GET /process-instance, GET /process-instance/count, GET /process-instance/{id},"
          + " GET /process-instance/{id}/activity-instances,"
          + " GET /history/user-operation?entityType=Deployment, GET /version, GET /engine";

  /** Camunda's code for a resource it could not read as XML ("Could not parse 'x.bpmn'"). */
  static final String UNREADABLE_XML = "ENGINE-09003";

  /** The only entity type whose operation log is offered: who deployed what, and when. */
  static final String DEPLOYMENT_ENTITY_TYPE = "Deployment";

  @Context private SecurityContext security;

  @Inject private Event<ModelDeployed> deployed;

  // ---------------------------------------------------------------------------------- deployments

  /**
   * What Camunda Modeler's Deploy button posts. A model that is not even well-formed XML is the
   * admin's mistake, not the server's: 400 (Camunda answers 500), with Camunda's message.
   */
  @POST
  @Path("deployment/create")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public DeploymentDto createDeployment(@Context UriInfo uriInfo, MultipartFormData payload) {
    try {
      return announce(
          asCaller(() -> getDeploymentRestService(null).createDeployment(uriInfo, payload)));
    } catch (ProcessEngineException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(UNREADABLE_XML)) {
        throw new InvalidRequestException(Response.Status.BAD_REQUEST, e, e.getMessage());
      }
      throw e;
    }
  }

  /** Modeler checks its connection with {@code ?maxResults=0}. */
  @GET
  @Path("deployment")
  public List<DeploymentDto> deployments(
      @Context UriInfo uriInfo,
      @QueryParam("firstResult") Integer firstResult,
      @QueryParam("maxResults") Integer maxResults) {
    return asCaller(
        () ->
            getDeploymentRestService(null).getDeployments(uriInfo, firstResult, page(maxResults)));
  }

  @GET
  @Path("deployment/count")
  public CountResultDto deploymentCount(@Context UriInfo uriInfo) {
    return asCaller(() -> getDeploymentRestService(null).getDeploymentsCount(uriInfo));
  }

  @GET
  @Path("deployment/{id}")
  public DeploymentDto deployment(@PathParam("id") String id) {
    return asCaller(() -> getDeploymentRestService(null).getDeployment(id).getDeployment());
  }

  @GET
  @Path("deployment/{id}/resources")
  public List<DeploymentResourceDto> deploymentResources(@PathParam("id") String id) {
    return asCaller(
        () ->
            getDeploymentRestService(null)
                .getDeployment(id)
                .getDeploymentResources()
                .getDeploymentResources());
  }

  // ---------------------------------------------------------------------------------- definitions

  @GET
  @Path("process-definition")
  public List<ProcessDefinitionDto> definitions(
      @Context UriInfo uriInfo,
      @QueryParam("firstResult") Integer firstResult,
      @QueryParam("maxResults") Integer maxResults) {
    return asCaller(
        () ->
            getProcessDefinitionService(null)
                .getProcessDefinitions(uriInfo, firstResult, page(maxResults)));
  }

  @GET
  @Path("process-definition/count")
  public CountResultDto definitionCount(@Context UriInfo uriInfo) {
    return asCaller(() -> getProcessDefinitionService(null).getProcessDefinitionsCount(uriInfo));
  }

  @GET
  @Path("process-definition/{id}")
  public ProcessDefinitionDto definition(@PathParam("id") String id) {
    return asCaller(
        () ->
            getProcessDefinitionService(null).getProcessDefinitionById(id).getProcessDefinition());
  }

  @GET
  @Path("process-definition/{id}/xml")
  public ProcessDefinitionDiagramDto definitionXml(@PathParam("id") String id) {
    return asCaller(
        () ->
            getProcessDefinitionService(null)
                .getProcessDefinitionById(id)
                .getProcessDefinitionBpmn20Xml());
  }

  /** The latest version of the key. */
  @GET
  @Path("process-definition/key/{key}")
  public ProcessDefinitionDto latestDefinition(@PathParam("key") String key) {
    return asCaller(
        () ->
            getProcessDefinitionService(null)
                .getProcessDefinitionByKey(key)
                .getProcessDefinition());
  }

  @GET
  @Path("process-definition/key/{key}/xml")
  public ProcessDefinitionDiagramDto latestDefinitionXml(@PathParam("key") String key) {
    return asCaller(
        () ->
            getProcessDefinitionService(null)
                .getProcessDefinitionByKey(key)
                .getProcessDefinitionBpmn20Xml());
  }

  // ---------------------------------------------------------------------------------- instances

  /**
   * Which instances run on which version ({@code ?processDefinitionId=}, {@code ?businessKey=}).
   */
  @GET
  @Path("process-instance")
  public List<ProcessInstanceDto> instances(
      @Context UriInfo uriInfo,
      @QueryParam("firstResult") Integer firstResult,
      @QueryParam("maxResults") Integer maxResults) {
    return asCaller(
        () ->
            getProcessInstanceService(null)
                .getProcessInstances(uriInfo, firstResult, page(maxResults)));
  }

  @GET
  @Path("process-instance/count")
  public CountResultDto instanceCount(@Context UriInfo uriInfo) {
    return asCaller(() -> getProcessInstanceService(null).getProcessInstancesCount(uriInfo));
  }

  @GET
  @Path("process-instance/{id}")
  public ProcessInstanceDto instance(@PathParam("id") String id) {
    return asCaller(
        () -> getProcessInstanceService(null).getProcessInstance(id).getProcessInstance());
  }

  /** Where the instance waits: what a migration has to place in the target model. */
  @GET
  @Path("process-instance/{id}/activity-instances")
  public ActivityInstanceDto activityInstances(@PathParam("id") String id) {
    return asCaller(
        () -> getProcessInstanceService(null).getProcessInstance(id).getActivityInstanceTree());
  }

  // ---------------------------------------------------------------------------------- audit

  /** Who deployed what, and when: the operation log of deployments only. */
  @GET
  @Path("history/user-operation")
  public List<UserOperationLogEntryDto> deploymentOperations(
      @Context UriInfo uriInfo,
      @QueryParam("entityType") String entityType,
      @QueryParam("firstResult") Integer firstResult,
      @QueryParam("maxResults") Integer maxResults) {
    if (!DEPLOYMENT_ENTITY_TYPE.equals(entityType)
        || uriInfo.getQueryParameters().get("entityType").size() != 1
        || uriInfo.getQueryParameters().containsKey("entityTypeIn")) {
      throw new InvalidRequestException(
          Response.Status.BAD_REQUEST,
          "steerflow offers the operation log of deployments only: add entityType=Deployment.");
    }
    return asCaller(
        () ->
            getHistoryRestService(null)
                .getUserOperationLogRestService()
                .queryUserOperationEntries(uriInfo, firstResult, page(maxResults)));
  }

  // ---------------------------------------------------------------------------------- engine

  /** Modeler shows the engine's version. */
  @GET
  @Path("version")
  public VersionDto version() {
    return getVersionRestService(null).getVersion();
  }

  @GET
  @Path("engine")
  public List<ProcessEngineDto> engines() {
    return new NamedProcessEngineRestServiceImpl().getProcessEngineNames();
  }

  /**
   * The engine answers an authenticated user at most {@link ModelGuardPlugin#QUERY_MAX_RESULTS}
   * rows per query and refuses a list with no bound: a list asked without {@code maxResults} is its
   * first page of that size, so Modeler and curl work unchanged; more than that answers 400.
   */
  static Integer page(Integer maxResults) {
    return maxResults == null ? ModelGuardPlugin.QUERY_MAX_RESULTS : maxResults;
  }

  @Override
  protected URI getRelativeEngineUri(String engineName) {
    // the default engine, at the application's root (links Camunda builds start here)
    return URI.create("/");
  }

  /**
   * Runs the call as the logged-in admin in the engine, so that what it records (a deployment's
   * operation log entry) names them; the engine's authentication is per thread and is cleared
   * whatever happens.
   */
  /**
   * A deployment that added process definitions (not one duplicate filtering found unchanged) is
   * announced, for the audit trail: after the engine committed it, since Camunda's REST service
   * runs its own transaction.
   */
  private DeploymentDto announce(DeploymentDto deployment) {
    if (deployment instanceof DeploymentWithDefinitionsDto added
        && added.getDeployedProcessDefinitions() != null
        && !added.getDeployedProcessDefinitions().isEmpty()) {
      Collection<ProcessDefinitionDto> definitions = added.getDeployedProcessDefinitions().values();
      deployed.fire(
          new ModelDeployed(
              added.getId(),
              added.getName(),
              added.getSource(),
              added.getDeploymentTime().toInstant(),
              definitions.stream().map(ProcessDefinitionDto::getResource).sorted().toList(),
              definitions.stream().map(d -> d.getKey() + ":" + d.getVersion()).sorted().toList()));
    }
    return deployment;
  }

  private <T> T asCaller(Supplier<T> call) {
    IdentityService identity = EngineUtil.lookupProcessEngine(null).getIdentityService();
    identity.setAuthenticatedUserId(security.getUserPrincipal().getName());
    try {
      return call.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
