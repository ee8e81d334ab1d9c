package vn.steerflow.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.steerflow.testing.Poll;

/**
 * Base of the client-side integration tests: the WAR the build produced, deployed unchanged to a
 * real Payara Micro on loopback, called over HTTP as the demo members.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class DeployedSteerflow {

  @ArquillianResource protected URL deploymentUrl;

  @Deployment(testable = false)
  public static WebArchive steerflowWar() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("steerflow.war", "target/steerflow.war")));
  }

  protected URI base() {
    try {
      return deploymentUrl.toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  protected ApiClient as(String username) {
    return ApiClient.as(base(), username, Demo.PASSWORD);
  }

  /**
   * A valid assignment to the given lead unit, due at the deadline; tests change what they test.
   */
  protected static Map<String, Object> assignment(String leadUnit, OffsetDateTime deadline) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", "Số hoá hồ sơ hộ tịch");
    body.put("content", "Số hoá toàn bộ sổ hộ tịch lưu trữ và cập nhật vào cơ sở dữ liệu.");
    body.put("leadUnit", leadUnit);
    body.put("responsibleLeader", "Giám đốc");
    body.put("deadline", deadline.toString());
    body.put("expectedResult", "100% sổ hộ tịch được số hoá");
    body.put("committee", Demo.COMMITTEE);
    return body;
  }

  protected static OffsetDateTime inDays(int days) {
    return OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(days).withNano(0);
  }

  /** Assigns a task as the supervisor and returns its code. */
  protected String assignTo(String leadUnit, OffsetDateTime deadline) {
    ApiClient.Reply reply =
        as(Demo.SUPERVISOR).post("api/v1/tasks", assignment(leadUnit, deadline));
    if (reply.status() != 201) {
      throw new AssertionError("assignment failed: " + reply);
    }
    return reply.json().get("code").asText();
  }

  protected static Map<String, Object> report(String status, int progress, String narrative) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("progress", progress);
    body.put("narrative", narrative);
    return body;
  }

  protected static Map<String, Object> decision(String decision, String comment) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("decision", decision);
    if (comment != null) {
      body.put("comment", comment);
    }
    return body;
  }

  /** The id of the report the supervisor is asked to review for the task. */
  protected long reportUnderReview(String taskCode) {
    for (JsonNode item : as(Demo.SUPERVISOR).get("api/v1/work?size=200").json()) {
      if (item.get("taskCode").asText().equals(taskCode)
          && item.get("formKey").asText().equals("steerflow:review")) {
        return item.get("reportId").asLong();
      }
    }
    throw new AssertionError("no review step for " + taskCode + " in the supervisor's work");
  }

  /**
   * Polls until the condition holds or the time-out passes; the server's timers run on their own
   * clock.
   */
  protected static <T> T await(
      Supplier<T> probe, Predicate<T> condition, Duration timeout, String what) {
    return Poll.until(what, timeout, Duration.ofMillis(250), probe, condition);
  }
}
