package vn.steerflow.workflow.derby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Authorization on Derby. Every query below carries the engine's authorization check, which
 * compares permission bit masks with BITAND, a Java function on Derby, and joins the grants and
 * revokes of the user and its groups through the dialect's IN-list fragments. A user is
 * authenticated only around the calls made on its behalf; set-up runs unauthenticated, which the
 * engine does not check.
 */
class EngineFeatureAuthorizationTest {

  private static final Path FOLDER = DerbyTestEngines.newDatabaseFolder("authorization");
  // Not final: the extension injects its engine (this same one) into every field of type
  // ProcessEngine.
  private static ProcessEngine ENGINE = buildEngine();

  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  private static final String REVIEWERS = "reviewers";

  private final RepositoryService repositoryService = ENGINE.getRepositoryService();
  private final RuntimeService runtimeService = ENGINE.getRuntimeService();
  private final TaskService taskService = ENGINE.getTaskService();
  private final IdentityService identityService = ENGINE.getIdentityService();
  private final AuthorizationService authorizationService = ENGINE.getAuthorizationService();

  private static ProcessEngine buildEngine() {
    StandaloneProcessEngineConfiguration configuration =
        DerbyTestEngines.configuration("engine-feature-authorization", FOLDER);
    configuration.setAuthorizationEnabled(true);
    return configuration.buildProcessEngine();
  }

  @BeforeAll
  static void createUsersAndProcesses() {
    IdentityService identity = ENGINE.getIdentityService();
    for (String userId : List.of("alice", "bob", "carol", "dave")) {
      identity.saveUser(identity.newUser(userId));
    }
    identity.saveGroup(identity.newGroup(REVIEWERS));
    identity.createMembership("bob", REVIEWERS);
    identity.createMembership("dave", REVIEWERS);

    ENGINE
        .getRepositoryService()
        .createDeployment()
        // Candidate group "reviewers": the engine grants that group READ and UPDATE on each task it
        // creates.
        .addModelInstance(
            "authA.bpmn",
            Bpmn.createExecutableProcess("authA")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("review")
                .camundaCandidateGroups(REVIEWERS)
                .endEvent()
                .done())
        .addModelInstance(
            "authB.bpmn",
            Bpmn.createExecutableProcess("authB")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("file")
                .endEvent()
                .done())
        .deploy();
  }

  @AfterEach
  void logOut() {
    identityService.clearAuthentication();
  }

  @AfterAll
  static void closeEngine() {
    ENGINE.close();
  }

  @Test
  void readGrantOnAProcessDefinitionShowsItToItsHolderAndNobodyElse() {
    grantUser("alice", Resources.PROCESS_DEFINITION, "authA", Permissions.READ);
    grantGroup(REVIEWERS, Resources.PROCESS_DEFINITION, "authB", Permissions.READ);

    assertThat(as("alice", () -> definitionKeys())).containsExactly("authA");
    assertThat(as("bob", () -> definitionKeys())).containsExactly("authB");
    assertThat(as("carol", () -> definitionKeys())).isEmpty();
    assertThat(as("carol", () -> repositoryService.createProcessDefinitionQuery().count()))
        .isZero();
    assertThat(as("alice", () -> repositoryService.createProcessDefinitionQuery().count()))
        .isEqualTo(1);

    assertThat(
            authorizationService.isUserAuthorized(
                "alice", null, Permissions.READ, Resources.PROCESS_DEFINITION, "authA"))
        .isTrue();
    assertThat(
            authorizationService.isUserAuthorized(
                "alice", null, Permissions.READ, Resources.PROCESS_DEFINITION, "authB"))
        .isFalse();
    assertThat(
            authorizationService.isUserAuthorized(
                "dave",
                List.of(REVIEWERS),
                Permissions.READ,
                Resources.PROCESS_DEFINITION,
                "authB"))
        .isTrue();
    // READ (2) was granted, not UPDATE (4): the bit test must tell them apart.
    assertThat(
            authorizationService.isUserAuthorized(
                "dave",
                List.of(REVIEWERS),
                Permissions.UPDATE,
                Resources.PROCESS_DEFINITION,
                "authB"))
        .isFalse();
  }

  @Test
  void processInstancesAreVisibleThroughAnInstanceGrantOrTheDefinitionsReadInstanceGrant() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(runtimeService.startProcessInstanceByKey("authB").getId());
    }
    grantUser("alice", Resources.PROCESS_INSTANCE, ids.get(0), Permissions.READ);
    grantGroup(REVIEWERS, Resources.PROCESS_DEFINITION, "authB", Permissions.READ_INSTANCE);

    assertThat(as("alice", () -> instanceIds(ids))).containsExactly(ids.get(0));
    assertThat(as("bob", () -> instanceIds(ids))).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(
            as(
                "bob",
                () ->
                    runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceIds(new HashSet<>(ids))
                        .count()))
        .isEqualTo(3);
    assertThat(
            as(
                "bob",
                () ->
                    runtimeService
                        .createProcessInstanceQuery()
                        .processInstanceIds(new HashSet<>(ids))
                        .listPage(1, 1)))
        .hasSize(1);
    assertThat(as("carol", () -> instanceIds(ids))).isEmpty();
    // The instance's tasks are not covered by a process-instance grant.
    assertThat(
            as("alice", () -> taskService.createTaskQuery().processInstanceId(ids.get(0)).count()))
        .isZero();
  }

  @Test
  void taskQueryShowsOnlyTasksTheUserMayReadAndAUserRevokeBeatsItsGroupsGrant() {
    List<String> instanceIds = startReviews(4);
    List<String> tasks = taskIds(instanceIds);
    grantUser("alice", Resources.TASK, tasks.get(0), Permissions.READ);
    revokeUser("dave", Resources.TASK, tasks.get(1), Permissions.READ);

    // bob reads all four through the default grant to his group.
    assertThat(as("bob", () -> visibleTaskIds(instanceIds)))
        .containsExactlyInAnyOrderElementsOf(tasks);
    assertThat(
            as(
                "bob",
                () ->
                    taskService
                        .createTaskQuery()
                        .processInstanceIdIn(instanceIds.toArray(String[]::new))
                        .count()))
        .isEqualTo(4);
    assertThat(
            as(
                "bob",
                () ->
                    taskService
                        .createTaskQuery()
                        .processInstanceIdIn(instanceIds.toArray(String[]::new))
                        .taskCandidateGroup(REVIEWERS)
                        .orderByTaskId()
                        .asc()
                        .listPage(2, 2)))
        .extracting(Task::getId)
        .containsExactlyElementsOf(tasks.stream().sorted().toList().subList(2, 4));
    // dave is a reviewer too, but his own revoke of task 2 wins over the group's grant.
    assertThat(as("dave", () -> visibleTaskIds(instanceIds)))
        .containsExactlyInAnyOrder(tasks.get(0), tasks.get(2), tasks.get(3));
    assertThat(
            as(
                "dave",
                () ->
                    taskService
                        .createTaskQuery()
                        .processInstanceIdIn(instanceIds.toArray(String[]::new))
                        .count()))
        .isEqualTo(3);
    assertThat(as("alice", () -> visibleTaskIds(instanceIds))).containsExactly(tasks.get(0));
    assertThat(as("carol", () -> visibleTaskIds(instanceIds))).isEmpty();
    assertThat(
            as(
                "carol",
                () ->
                    taskService
                        .createTaskQuery()
                        .processInstanceIdIn(instanceIds.toArray(String[]::new))
                        .count()))
        .isZero();
  }

  @Test
  void operationsWithoutPermissionRaiseAuthorizationExceptionAndAGrantAllowsThem() {
    List<String> instanceIds = startReviews(1);
    String task = taskIds(instanceIds).get(0);

    assertThatThrownBy(() -> as("carol", () -> runtimeService.startProcessInstanceByKey("authA")))
        .isInstanceOf(AuthorizationException.class)
        .satisfies(e -> assertThat(((AuthorizationException) e).getUserId()).isEqualTo("carol"));
    assertThatThrownBy(() -> as("carol", () -> complete(task)))
        .isInstanceOf(AuthorizationException.class)
        .satisfies(e -> assertThat(((AuthorizationException) e).getUserId()).isEqualTo("carol"));
    assertThat(taskService.createTaskQuery().taskId(task).count())
        .as("the refused completion changed nothing")
        .isEqualTo(1);

    // bob's group may update the task (the engine's default grant for candidate groups).
    as("bob", () -> complete(task));
    assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();

    grantUser("carol", Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
    grantUser("carol", Resources.PROCESS_DEFINITION, "authA", Permissions.CREATE_INSTANCE);
    ProcessInstance started = as("carol", () -> runtimeService.startProcessInstanceByKey("authA"));
    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceId(started.getId()).count())
        .isEqualTo(1);
  }

  private List<String> startReviews(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(runtimeService.startProcessInstanceByKey("authA").getId());
    }
    return ids;
  }

  /** The tasks of the instances, in the instances' order; read unauthenticated, so unfiltered. */
  private List<String> taskIds(List<String> instanceIds) {
    return instanceIds.stream()
        .map(id -> taskService.createTaskQuery().processInstanceId(id).singleResult().getId())
        .toList();
  }

  private List<String> visibleTaskIds(List<String> instanceIds) {
    return taskService
        .createTaskQuery()
        .processInstanceIdIn(instanceIds.toArray(String[]::new))
        .list()
        .stream()
        .map(Task::getId)
        .toList();
  }

  private List<String> definitionKeys() {
    return repositoryService
        .createProcessDefinitionQuery()
        .orderByProcessDefinitionKey()
        .asc()
        .list()
        .stream()
        .map(ProcessDefinition::getKey)
        .toList();
  }

  private List<String> instanceIds(List<String> among) {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceIds(new HashSet<>(among))
        .list()
        .stream()
        .map(ProcessInstance::getId)
        .toList();
  }

  private Void complete(String taskId) {
    taskService.complete(taskId);
    return null;
  }

  /** Runs the call authenticated as the user with its groups from the identity service. */
  private <T> T as(String userId, Supplier<T> call) {
    List<String> groups =
        identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .toList();
    identityService.setAuthentication(userId, groups);
    try {
      return call.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void grantUser(
      String userId, Resource resource, String resourceId, Permission... permissions) {
    save(Authorization.AUTH_TYPE_GRANT, userId, null, resource, resourceId, permissions);
  }

  private void grantGroup(
      String groupId, Resource resource, String resourceId, Permission... permissions) {
    save(Authorization.AUTH_TYPE_GRANT, null, groupId, resource, resourceId, permissions);
  }

  private void revokeUser(
      String userId, Resource resource, String resourceId, Permission... permissions) {
    save(Authorization.AUTH_TYPE_REVOKE, userId, null, resource, resourceId, permissions);
  }

  /**
   * Adds the permissions to the user's or group's authorization of that type on the resource,
   * creating it if absent: the schema allows one authorization per user or group, resource and
   * resource id.
   */
  private void save(
      int type,
      String userId,
      String groupId,
      Resource resource,
      String resourceId,
      Permission... permissions) {
    AuthorizationQuery existing =
        authorizationService
            .createAuthorizationQuery()
            .authorizationType(type)
            .resourceType(resource)
            .resourceId(resourceId);
    Authorization authorization =
        (userId != null ? existing.userIdIn(userId) : existing.groupIdIn(groupId)).singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(type);
      if (userId != null) {
        authorization.setUserId(userId);
      } else {
        authorization.setGroupId(groupId);
      }
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    for (Permission permission : permissions) {
      if (type == Authorization.AUTH_TYPE_REVOKE) {
        authorization.removePermission(permission);
      } else {
        authorization.addPermission(permission);
      }
    }
    authorizationService.saveAuthorization(authorization);
  }
}
