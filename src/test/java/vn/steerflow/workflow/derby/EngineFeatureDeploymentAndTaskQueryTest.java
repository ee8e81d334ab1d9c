package vn.steerflow.workflow.derby;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.steerflow.workflow.derby.EngineFeatureSupport.at;

import java.nio.file.Path;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deployment with duplicate filtering and the task query on Derby. The task queries are where most
 * of the dialect's fragments meet: OFFSET/FETCH paging, ORDER BY, the LIKE escape character,
 * candidate-group IN lists, variable joins on typed columns, and OR groups.
 */
class EngineFeatureDeploymentAndTaskQueryTest {

  private static final Path FOLDER = DerbyTestEngines.newDatabaseFolder("deployment-taskquery");
  // Not final: the extension injects its engine (this same one) into every field of type
  // ProcessEngine.
  private static ProcessEngine ENGINE = DerbyTestEngines.build("engine-feature-taskquery", FOLDER);

  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  private static final String TICKET = "ticket";

  /** Task name to its task id; the fixture below creates one task per name. */
  private static final Map<String, String> TASK_IDS = new HashMap<>();

  private final RepositoryService repositoryService = ENGINE.getRepositoryService();
  private final TaskService taskService = ENGINE.getTaskService();

  /**
   * Six tickets whose task attributes are spread so that every sort order differs from the others:
   * creation order (Delta, Alpha, Foxtrot, Charlie, Echo, Bravo) is neither name, priority nor
   * due-date order.
   */
  @BeforeAll
  static void createTickets() {
    IdentityService identity = ENGINE.getIdentityService();
    for (String userId : List.of("alice", "bob", "carol")) {
      User user = identity.newUser(userId);
      identity.saveUser(user);
    }
    for (String groupId : List.of("sales", "support", "legal")) {
      Group group = identity.newGroup(groupId);
      identity.saveGroup(group);
    }
    // alice may claim legal's tasks: candidate-user queries must find them through her membership.
    identity.createMembership("alice", "legal");

    BpmnModelInstance ticket =
        Bpmn.createExecutableProcess(TICKET)
            .camundaHistoryTimeToLive(30)
            .startEvent()
            .userTask("handle")
            .name("${title}")
            .camundaPriority("${priority}")
            .camundaDueDate("${due}")
            .camundaCandidateGroups("${group}")
            .camundaCandidateUsers("${candidate}")
            .endEvent()
            .done();
    ENGINE
        .getRepositoryService()
        .createDeployment()
        .name("tickets")
        .addModelInstance("ticket.bpmn", ticket)
        .deploy();

    try {
      //      title, priority, due day, group, candidate, customer, amount, deadline, score,
      // reviewed, created minute
      ticket(
          "Delta",
          90,
          1,
          "support",
          "carol",
          "Crane",
          1200,
          at(2030, 4, 1, 0, 0),
          9,
          at(2030, 2, 4, 0, 0),
          1);
      ticket(
          "Alpha",
          10,
          5,
          "sales",
          "alice",
          "Acme Corp",
          100,
          at(2030, 2, 1, 0, 0),
          3,
          at(2030, 2, 1, 0, 0),
          2);
      ticket(
          "Foxtrot",
          20,
          2,
          "legal",
          "carol",
          "Dyno",
          900,
          at(2030, 6, 1, 0, 0),
          7,
          at(2030, 2, 6, 0, 0),
          3);
      ticket(
          "Charlie",
          30,
          6,
          "sales",
          "bob",
          "Bolt",
          250,
          at(2030, 1, 15, 0, 0),
          5,
          at(2030, 2, 3, 0, 0),
          4);
      ticket(
          "Echo",
          70,
          4,
          "legal",
          "alice",
          "Acme Inc",
          50,
          at(2030, 5, 1, 0, 0),
          1,
          at(2030, 2, 5, 0, 0),
          5);
      ticket(
          "Bravo",
          50,
          3,
          "support",
          "bob",
          "Acme Ltd",
          700,
          at(2030, 3, 1, 0, 0),
          8,
          at(2030, 2, 2, 0, 0),
          6);
    } finally {
      ClockUtil.reset();
    }
  }

  private static void ticket(
      String title,
      int priority,
      int dueDay,
      String group,
      String candidate,
      String customer,
      int amount,
      Date deadline,
      int score,
      Date reviewedAt,
      int createdMinute) {
    // The task's create time is the engine clock's time: fixed, so create-time order is known.
    ClockUtil.setCurrentTime(at(2030, 1, 1, 8, createdMinute));
    ProcessInstance instance =
        ENGINE
            .getRuntimeService()
            .startProcessInstanceByKey(
                TICKET,
                "T-" + title,
                Variables.createVariables()
                    .putValue("title", title)
                    .putValue("priority", priority)
                    .putValue("due", at(2030, 1, dueDay, 12, 0))
                    .putValue("group", group)
                    .putValue("candidate", candidate)
                    .putValue("customer", customer)
                    .putValue("amount", amount)
                    .putValue("deadline", deadline));
    Task task =
        ENGINE
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .singleResult();
    ENGINE.getTaskService().setVariableLocal(task.getId(), "score", score);
    ENGINE.getTaskService().setVariableLocal(task.getId(), "reviewedAt", reviewedAt);
    ENGINE.getTaskService().setVariableLocal(task.getId(), "note", "checked by " + candidate);
    TASK_IDS.put(title, task.getId());
  }

  @AfterAll
  static void closeEngine() {
    ENGINE.close();
  }

  // ---------------------------------------------------------------------------------------------------------
  // deployment

  @Test
  void deployingTheSameResourceTwiceKeepsOneDeploymentAndVersionAndAChangeMakesTheNextVersion() {
    // Built once and deployed as text: the fluent API gives generated elements random ids, so two
    // builds
    // of the "same" model would differ byte for byte.
    String original = Bpmn.convertToString(invoiceModel("Invoice"));
    String changed = Bpmn.convertToString(invoiceModel("Invoice, reviewed"));

    Deployment first = deployInvoice(original);
    Deployment again = deployInvoice(original);
    // The duplicate is recognised by comparing with the resources of the latest deployment of that
    // name,
    // which the engine reads under its deployment lock (a Derby-specific statement).
    assertThat(again.getId()).isEqualTo(first.getId());
    assertThat(repositoryService.createDeploymentQuery().deploymentName("invoices").count())
        .isEqualTo(1);
    assertThat(invoiceVersions()).containsExactly(1);

    Deployment second = deployInvoice(changed);
    assertThat(second.getId()).isNotEqualTo(first.getId());
    assertThat(deployInvoice(changed).getId()).isEqualTo(second.getId());
    assertThat(repositoryService.createDeploymentQuery().deploymentName("invoices").count())
        .isEqualTo(2);
    assertThat(invoiceVersions()).containsExactly(1, 2);

    // Going back to the first content is a change against the latest deployment, hence version 3.
    Deployment third = deployInvoice(original);
    assertThat(third.getId()).isNotIn(first.getId(), second.getId());
    assertThat(invoiceVersions()).containsExactly(1, 2, 3);

    ProcessDefinition latest =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("invoice")
            .latestVersion()
            .singleResult();
    assertThat(latest.getVersion()).isEqualTo(3);
    assertThat(latest.getDeploymentId()).isEqualTo(third.getId());
    assertThat(latest.getName()).isEqualTo("Invoice");
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey("invoice")
                .processDefinitionVersion(2)
                .singleResult()
                .getName())
        .isEqualTo("Invoice, reviewed");
  }

  private static BpmnModelInstance invoiceModel(String name) {
    return Bpmn.createExecutableProcess("invoice")
        .name(name)
        .camundaHistoryTimeToLive(30)
        .startEvent()
        .userTask("approve")
        .endEvent()
        .done();
  }

  private Deployment deployInvoice(String xml) {
    return repositoryService
        .createDeployment()
        .name("invoices")
        .enableDuplicateFiltering(false)
        .addString("invoice.bpmn", xml)
        .deploy();
  }

  private List<Integer> invoiceVersions() {
    return repositoryService
        .createProcessDefinitionQuery()
        .processDefinitionKey("invoice")
        .orderByProcessDefinitionVersion()
        .asc()
        .list()
        .stream()
        .map(ProcessDefinition::getVersion)
        .toList();
  }

  // ---------------------------------------------------------------------------------------------------------
  // paging and sorting

  @Test
  void pagesOfTheTaskQueryFollowTheSortOrderAndAnEmptyPageIsAnEmptyList() {
    TaskQuery byName = tickets().orderByTaskName().asc();
    assertThat(names(byName.listPage(0, 4))).containsExactly("Alpha", "Bravo", "Charlie", "Delta");
    assertThat(names(byName.listPage(4, 4))).containsExactly("Echo", "Foxtrot");
    assertThat(names(byName.listPage(2, 2))).containsExactly("Charlie", "Delta");
    assertThat(byName.listPage(6, 4)).isEmpty();
    // Derby refuses FETCH NEXT 0 ROWS (SQLState 2201W); the dialect answers such a page itself.
    assertThat(byName.listPage(0, 0)).isEmpty();
    assertThat(byName.listPage(3, 0)).isEmpty();
    assertThat(tickets().taskCandidateGroup("sales").listPage(1, 0)).isEmpty();
    assertThat(byName.count()).isEqualTo(6);
  }

  @Test
  void tasksSortByNameCreateTimePriorityAndDueDateInBothDirections() {
    assertThat(names(tickets().orderByTaskName().asc().list()))
        .containsExactly("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot");
    assertThat(names(tickets().orderByTaskName().desc().list()))
        .containsExactly("Foxtrot", "Echo", "Delta", "Charlie", "Bravo", "Alpha");

    assertThat(names(tickets().orderByTaskCreateTime().asc().list()))
        .containsExactly("Delta", "Alpha", "Foxtrot", "Charlie", "Echo", "Bravo");
    assertThat(names(tickets().orderByTaskCreateTime().desc().list()))
        .containsExactly("Bravo", "Echo", "Charlie", "Foxtrot", "Alpha", "Delta");

    assertThat(names(tickets().orderByTaskPriority().desc().list()))
        .containsExactly("Delta", "Echo", "Bravo", "Charlie", "Foxtrot", "Alpha");
    assertThat(names(tickets().orderByTaskPriority().asc().list()))
        .containsExactly("Alpha", "Foxtrot", "Charlie", "Bravo", "Echo", "Delta");

    assertThat(names(tickets().orderByDueDate().asc().list()))
        .containsExactly("Delta", "Foxtrot", "Bravo", "Echo", "Alpha", "Charlie");
    assertThat(names(tickets().orderByDueDate().desc().list()))
        .containsExactly("Charlie", "Alpha", "Echo", "Bravo", "Foxtrot", "Delta");

    // A page out of the middle of the priority order.
    assertThat(names(tickets().orderByTaskPriority().desc().listPage(1, 3)))
        .containsExactly("Echo", "Bravo", "Charlie");
    assertThat(tickets().orderByTaskCreateTime().asc().list().get(0).getCreateTime())
        .isEqualTo(at(2030, 1, 1, 8, 1));
    assertThat(tickets().orderByDueDate().asc().list().get(0).getDueDate())
        .isEqualTo(at(2030, 1, 1, 12, 0));
  }

  // ---------------------------------------------------------------------------------------------------------
  // candidates

  @Test
  void candidateGroupAndCandidateUserQueriesFindTheirTasksIncludingThroughGroupMembership() {
    assertQuery(tickets().taskCandidateGroup("sales"), "Alpha", "Charlie");
    assertQuery(
        tickets().taskCandidateGroupIn(List.of("support", "legal")),
        "Bravo",
        "Delta",
        "Echo",
        "Foxtrot");
    assertQuery(tickets().taskCandidateUser("bob"), "Bravo", "Charlie");
    // alice is a candidate on Alpha and Echo and a member of legal, which is candidate on Echo and
    // Foxtrot.
    assertQuery(tickets().taskCandidateUser("alice"), "Alpha", "Echo", "Foxtrot");
    assertQuery(tickets().taskCandidateGroup("nobody"));
    assertQuery(
        tickets().withCandidateGroups().taskCandidateGroup("support").taskPriority(90), "Delta");
  }

  // ---------------------------------------------------------------------------------------------------------
  // variables

  @Test
  void processVariableFiltersCompareStringsNumbersAndDates() {
    assertQuery(tickets().processVariableValueEquals("customer", "Bolt"), "Charlie");
    // LIKE with the dialect's escape character; "Acme%" must not match "Crane" and friends.
    assertQuery(tickets().processVariableValueLike("customer", "Acme%"), "Alpha", "Bravo", "Echo");
    assertQuery(tickets().processVariableValueLike("customer", "%L_d"), "Bravo");
    assertQuery(
        tickets().processVariableValueGreaterThan("amount", 500), "Bravo", "Delta", "Foxtrot");
    assertQuery(tickets().processVariableValueLessThanOrEquals("amount", 100), "Alpha", "Echo");
    assertQuery(
        tickets()
            .processVariableValueNotEquals("amount", 100)
            .processVariableValueLessThan("amount", 300),
        "Charlie",
        "Echo");
    // Dates are stored as milliseconds in the LONG_ column and compared as such.
    assertQuery(
        tickets().processVariableValueGreaterThan("deadline", at(2030, 3, 15, 0, 0)),
        "Delta",
        "Echo",
        "Foxtrot");
    assertQuery(tickets().processVariableValueEquals("deadline", at(2030, 1, 15, 0, 0)), "Charlie");
    assertQuery(
        tickets()
            .processVariableValueLike("customer", "Acme%")
            .processVariableValueGreaterThanOrEquals("amount", 100),
        "Alpha",
        "Bravo");
  }

  @Test
  void taskVariableFiltersCompareStringsNumbersAndDates() {
    assertQuery(tickets().taskVariableValueEquals("score", 5), "Charlie");
    assertQuery(tickets().taskVariableValueGreaterThan("score", 5), "Bravo", "Delta", "Foxtrot");
    assertQuery(tickets().taskVariableValueLessThan("score", 4), "Alpha", "Echo");
    assertQuery(tickets().taskVariableValueLike("note", "%carol"), "Delta", "Foxtrot");
    assertQuery(tickets().taskVariableValueEquals("note", "checked by bob"), "Bravo", "Charlie");
    assertQuery(
        tickets().taskVariableValueGreaterThan("reviewedAt", at(2030, 2, 4, 0, 0)),
        "Echo",
        "Foxtrot");
    assertQuery(
        tickets().taskVariableValueLessThanOrEquals("reviewedAt", at(2030, 2, 2, 0, 0)),
        "Alpha",
        "Bravo");
    // A task variable is not a process variable: the process-variable filter must not see it.
    assertQuery(tickets().processVariableValueEquals("score", 5));
  }

  // ---------------------------------------------------------------------------------------------------------
  // OR queries

  @Test
  void orQueriesUniteTheirCriteriaAndStayAndedWithTheOthers() {
    assertQuery(
        tickets()
            .or()
            .taskCandidateGroup("legal")
            .processVariableValueGreaterThan("amount", 1000)
            .endOr(),
        "Delta",
        "Echo",
        "Foxtrot");
    assertQuery(tickets().or().taskName("Alpha").taskNameLike("Br%").endOr(), "Alpha", "Bravo");
    // The OR group is ANDed with the criteria outside it: only the sales tasks among the OR's
    // matches.
    assertQuery(
        tickets()
            .taskCandidateGroup("sales")
            .or()
            .taskPriority(30)
            .taskVariableValueGreaterThan("score", 8)
            .endOr(),
        "Charlie");
    // Two OR groups are ANDed with each other.
    assertQuery(
        tickets()
            .or()
            .processVariableValueLike("customer", "Acme%")
            .taskCandidateUser("carol")
            .endOr()
            .or()
            .taskPriority(50)
            .dueBefore(at(2030, 1, 2, 23, 0))
            .endOr(),
        "Bravo",
        "Delta",
        "Foxtrot");
    // Paged and sorted: legal's Echo and Foxtrot or bob's Bravo and Charlie; by name, the second
    // and third.
    List<Task> page =
        tickets()
            .or()
            .taskCandidateGroup("legal")
            .taskCandidateUser("bob")
            .endOr()
            .orderByTaskName()
            .asc()
            .listPage(1, 2);
    assertThat(names(page)).containsExactly("Charlie", "Echo");
  }

  @Test
  void dueDateAndCreateTimeRangesSelectTheTasksInTheRange() {
    assertQuery(tickets().dueBefore(at(2030, 1, 3, 0, 0)), "Delta", "Foxtrot");
    assertQuery(tickets().dueAfter(at(2030, 1, 4, 23, 0)), "Alpha", "Charlie");
    assertQuery(tickets().taskCreatedAfter(at(2030, 1, 1, 8, 4)), "Echo", "Bravo");
    assertQuery(tickets().taskCreatedOn(at(2030, 1, 1, 8, 3)), "Foxtrot");
    assertThat(taskService.createTaskQuery().taskId(TASK_IDS.get("Echo")).singleResult().getName())
        .isEqualTo("Echo");
  }

  // ---------------------------------------------------------------------------------------------------------
  // filters

  @Test
  void savedTaskFilterIsFoundByItsPropertiesAndRunsItsStoredQuery() {
    FilterService filterService = ENGINE.getFilterService();
    Filter filter =
        filterService
            .newTaskFilter("Acme tickets")
            .setOwner("alice")
            .setQuery(
                tickets().processVariableValueLike("customer", "Acme%").orderByTaskName().asc());
    filterService.saveFilter(filter);
    try {
      // The filter query selects rows with CLOB columns, which Derby cannot DISTINCT: DB2's
      // statement is used.
      assertThat(
              filterService.createFilterQuery().filterName("Acme tickets").singleResult().getId())
          .isEqualTo(filter.getId());
      assertThat(filterService.createFilterQuery().filterOwner("alice").list())
          .extracting(Filter::getName)
          .containsExactly("Acme tickets");
      // The stored query, read back from its JSON, runs with its variable filter and its order.
      assertThat(names(filterService.<Task>list(filter.getId())))
          .containsExactly("Alpha", "Bravo", "Echo");
      assertThat(filterService.count(filter.getId())).isEqualTo(3);
      assertThat(names(filterService.<Task>listPage(filter.getId(), 1, 1)))
          .containsExactly("Bravo");
      assertThat(
              names(
                  filterService.list(
                      filter.getId(), taskService.createTaskQuery().taskCandidateGroup("legal"))))
          .containsExactly("Echo");
    } finally {
      filterService.deleteFilter(filter.getId());
    }
  }

  private TaskQuery tickets() {
    return taskService.createTaskQuery().processDefinitionKey(TICKET);
  }

  /** The query finds exactly the named tickets, and its count agrees with its list. */
  private static void assertQuery(TaskQuery query, String... expectedNames) {
    List<Task> tasks = query.list();
    assertThat(names(tasks)).containsExactlyInAnyOrder(expectedNames);
    assertThat(query.count()).isEqualTo(expectedNames.length);
  }

  private static List<String> names(List<Task> tasks) {
    return tasks.stream().map(Task::getName).toList();
  }
}
