package vn.steerflow.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.inject.Inject;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The engine runs each request as its caller, and a server thread never carries one member into
 * another's request. Many requests from two members at once, over HTTP, on Payara's pool of threads
 * (which serve one request after another); then, inside the server, the engine's own records say
 * who it believed it worked for: the member who started each task's instance (its history) and the
 * member who completed each report step (its user operation log).
 */
@ExtendWith(ArquillianExtension.class)
class EngineIdentityIT {

  /** Requests per member, sent by two client threads per member, all four at once. */
  private static final int PER_MEMBER = 16;

  @Deployment
  static WebArchive steerflowWithThisTest() {
    return ShrinkWrap.createFromZipFile(
            WebArchive.class, new File(System.getProperty("steerflow.war", "target/steerflow.war")))
        .addClasses(EngineIdentityIT.class, Demo.class, ApiClient.class, ApiClient.Reply.class);
  }

  @ArquillianResource private URL deploymentUrl;

  @Inject private ProcessEngine engine;

  @Test
  void interleavedRequestsOfTwoMembersEachRunAsTheirOwnCaller() throws Exception {
    // the supervisor and the leader assign at once, each to both units in turn
    Map<String, String> assignedBy =
        interleaved(
            Demo.SUPERVISOR,
            Demo.LEADER,
            (member, i) -> assign(member, i % 2 == 0 ? Demo.JUSTICE : Demo.POLICE));
    assertEquals(2 * PER_MEMBER, assignedBy.size());
    HistoryService history = engine.getHistoryService();
    Map<String, String> startedBy = new LinkedHashMap<>();
    for (String code : assignedBy.keySet()) {
      HistoricProcessInstance instance =
          history
              .createHistoricProcessInstanceQuery()
              .processInstanceBusinessKey(code)
              .singleResult();
      startedBy.put(code, instance.getStartUserId());
    }
    assertEquals(assignedBy, startedBy, "who started each task's instance");

    // the two units' officers report at once, each on its own unit's tasks
    List<String> justice = codesLedBy(assignedBy, Demo.JUSTICE);
    List<String> police = codesLedBy(assignedBy, Demo.POLICE);
    Map<String, String> reportedBy =
        interleaved(
            Demo.JUSTICE_OFFICER,
            Demo.POLICE_OFFICER,
            (member, i) -> {
              List<String> own = member.equals(Demo.JUSTICE_OFFICER) ? justice : police;
              return report(member, own.get(i % own.size()), i / own.size());
            });
    Map<String, String> completedBy = new LinkedHashMap<>();
    for (String code : reportedBy.keySet()) {
      String instance =
          history
              .createHistoricProcessInstanceQuery()
              .processInstanceBusinessKey(code)
              .singleResult()
              .getId();
      List<String> users =
          history
              .createUserOperationLogQuery()
              .processInstanceId(instance)
              .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
              .list()
              .stream()
              .map(UserOperationLogEntry::getUserId)
              .distinct()
              .toList();
      completedBy.put(code, String.join(",", users));
    }
    assertEquals(2 * PER_MEMBER, reportedBy.size());
    assertEquals(reportedBy, completedBy, "who completed each task's report step");
  }

  private interface Step {
    /** One request as the member; returns the task it acted on. */
    String act(String member, int index) throws Exception;
  }

  /**
   * Two members' requests at once: two client threads per member, each sending its half of the
   * member's requests one after another. Returns the task each request acted on and by whom.
   */
  private Map<String, String> interleaved(String first, String second, Step step) throws Exception {
    Map<String, String> actedBy = new ConcurrentHashMap<>();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (String member : List.of(first, second)) {
        for (int half = 0; half < 2; half++) {
          int from = half * PER_MEMBER / 2;
          Callable<Void> requests =
              () -> {
                for (int i = from; i < from + PER_MEMBER / 2; i++) {
                  String code = step.act(member, i);
                  assertNull(actedBy.put(code + "#" + i, member));
                }
                return null;
              };
          running.add(clients.submit(requests));
        }
      }
      for (Future<?> requests : running) {
        requests.get(5, TimeUnit.MINUTES);
      }
    } finally {
      clients.shutdownNow();
    }
    Map<String, String> byTask = new LinkedHashMap<>();
    actedBy.forEach(
        (key, member) -> {
          String code = key.substring(0, key.indexOf('#'));
          String earlier = byTask.put(code, member);
          if (earlier != null && !earlier.equals(member)) {
            throw new AssertionError(code + " acted on by " + earlier + " and " + member);
          }
        });
    return byTask;
  }

  private final Map<String, String> leadUnits = new ConcurrentHashMap<>();

  private String assign(String member, String leadUnit) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", "Kiểm tra danh tính của máy quy trình");
    body.put("content", "Nhiệm vụ kiểm thử");
    body.put("leadUnit", leadUnit);
    body.put("responsibleLeader", "Giám đốc");
    body.put(
        "deadline", OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(30).withNano(0).toString());
    body.put("expectedResult", "Đúng người");
    body.put("committee", Demo.COMMITTEE);
    ApiClient.Reply reply = client(member).post("api/v1/tasks", body);
    assertEquals(201, reply.status(), () -> "assignment by " + member + ": " + reply);
    String code = reply.json().get("code").asText();
    leadUnits.put(code, leadUnit);
    return code;
  }

  /** The officer's report on the task: the first one as IN_PROGRESS; a task is reported once. */
  private String report(String member, String code, int round) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "IN_PROGRESS");
    body.put("progress", 10 + round);
    body.put("narrative", "Báo cáo của " + member);
    ApiClient.Reply reply = client(member).post("api/v1/tasks/" + code + "/reports", body);
    assertEquals(201, reply.status(), () -> "report by " + member + " on " + code + ": " + reply);
    return code;
  }

  private List<String> codesLedBy(Map<String, String> tasks, String unit) {
    return tasks.keySet().stream()
        .filter(code -> unit.equals(leadUnits.get(code)))
        .sorted()
        .toList();
  }

  private ApiClient client(String member) {
    try {
      return ApiClient.as(deploymentUrl.toURI(), member, Demo.PASSWORD);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
