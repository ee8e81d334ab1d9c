package vn.steerflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Acting leaders over HTTP on the real server: a leader names a substitute for a period, the
 * escalations waiting for the committee's leaders reach the substitute's work list, the substitute
 * gives the direction and the timeline records for whom; before and after the period (at its end,
 * or ended early) the substitute has none of it. The database is shared with the other integration
 * tests and with earlier runs, so the members this test creates carry the run's tag.
 */
@RunAsClient
class ActingLeaderIT extends DeployedSteerflow {

  private static final String PROVINCE = "UBND-LC";
  private static final String RUN =
      Long.toString(System.currentTimeMillis(), 36).toLowerCase(Locale.ROOT);
  private static final AtomicInteger SERIAL = new AtomicInteger();
  private static final String SUBSTITUTIONS = "api/v1/substitutions";

  @Test
  void lanhdaosSubstituteGetsTheEscalationGivesTheDirectionForHimAndLosesItWhenEndedEarly() {
    endLeftoversOf(Demo.LEADER);
    String substitute = member("pct", PROVINCE, null, "OFFICER");
    String code = escalatedTask();
    assertThat(workOf(substitute, code)).isEmpty();
    assertThat(as(substitute).get("api/v1/tasks/" + code).status()).isEqualTo(404);

    ApiClient.Reply named =
        as(Demo.LEADER)
            .post(
                SUBSTITUTIONS,
                substitution(null, substitute, null, inMinutes(60), "Đi công tác Trung ương"));
    assertThat(named.status()).as(named.toString()).isEqualTo(201);
    JsonNode s = named.json();
    assertThat(named.location()).endsWith("/api/v1/substitutions/" + s.get("id").asText());
    assertThat(s.get("leader").asText()).isEqualTo(Demo.LEADER);
    assertThat(s.get("substitute").asText()).isEqualTo(substitute);
    assertThat(s.get("committee").asText()).isEqualTo(Demo.COMMITTEE);
    assertThat(s.get("state").asText()).isEqualTo("CURRENT");
    assertThat(s.get("namedBy").asText()).isEqualTo(Demo.LEADER);
    assertThat(s.get("reason").asText()).isEqualTo("Đi công tác Trung ương");
    assertThat(s.get("cancelledAt").isNull()).isTrue();

    // At once, with no cache to wait out: the leaders' step is in the substitute's work.
    assertThat(workOf(substitute, code)).containsExactly("steerflow:direction");
    assertThat(as(substitute).get("api/v1/tasks/" + code).status()).isEqualTo(200);
    assertThat(listedTasks(substitute)).contains(code);
    ApiClient.Reply direction =
        as(substitute)
            .post(
                "api/v1/tasks/" + code + "/direction",
                Map.of("direction", "Sở Tài chính bố trí kinh phí trong quý"));
    assertThat(direction.status()).as(direction.toString()).isEqualTo(200);
    assertThat(direction.json().get("givenBy").asText()).isEqualTo(substitute);
    assertThat(direction.json().get("actingFor").asText()).isEqualTo(Demo.LEADER);

    JsonNode task = as(Demo.SUPERVISOR).get("api/v1/tasks/" + code).json();
    assertThat(formKeys(task.get("currentSteps"))).containsExactly("steerflow:report");
    JsonNode directed = entry(task, "DIRECTED");
    assertThat(directed.get("actor").asText()).isEqualTo(substitute);
    assertThat(directed.get("actingFor").asText()).isEqualTo(Demo.LEADER);
    assertThat(directed.get("detail").asText()).isEqualTo("Sở Tài chính bố trí kinh phí trong quý");
    assertThat(entry(task, "ESCALATED").get("actingFor").isNull()).isTrue();
    assertThat(workOf(Demo.LEADER, code)).isEmpty();

    // Ended early: from the next request on, the substitute sees nothing of the leader's work.
    String second = escalatedTask();
    assertThat(workOf(substitute, second)).containsExactly("steerflow:direction");
    ApiClient.Reply ended =
        as(Demo.LEADER)
            .post(
                SUBSTITUTIONS + "/" + s.get("id").asText() + "/end",
                Map.of("version", s.get("version").asLong()));
    assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
    assertThat(ended.json().get("state").asText()).isEqualTo("CANCELLED");
    assertThat(ended.json().get("cancelledBy").asText()).isEqualTo(Demo.LEADER);
    assertThat(ended.json().get("until").asText()).isEqualTo(s.get("until").asText());

    assertThat(workOf(substitute, second)).isEmpty();
    assertThat(as(substitute).get("api/v1/tasks/" + second).status()).isEqualTo(404);
    assertThat(as(substitute).get("api/v1/tasks/" + code).status()).isEqualTo(404);
    assertThat(listedTasks(substitute)).doesNotContain(code, second);
    assertThat(
            as(substitute)
                .post("api/v1/tasks/" + second + "/direction", Map.of("direction", "Muộn rồi"))
                .status())
        .isEqualTo(404);
    // the leader's own work is untouched, and his own direction names no one
    assertThat(workOf(Demo.LEADER, second)).containsExactly("steerflow:direction");
    ApiClient.Reply own =
        as(Demo.LEADER)
            .post("api/v1/tasks/" + second + "/direction", Map.of("direction", "Tiếp tục"));
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().get("actingFor").isNull()).isTrue();
    JsonNode secondTask = as(Demo.LEADER).get("api/v1/tasks/" + second).json();
    assertThat(entry(secondTask, "DIRECTED").get("actor").asText()).isEqualTo(Demo.LEADER);
    assertThat(entry(secondTask, "DIRECTED").get("actingFor").isNull()).isTrue();

    // Who acted for whom stays readable to those it concerns, and to no one else.
    String id = s.get("id").asText();
    for (String reader : List.of(Demo.LEADER, substitute, Demo.SUPERVISOR, Demo.ADMIN)) {
      JsonNode page = as(reader).get(SUBSTITUTIONS + "?substitute=" + substitute).json();
      assertThat(page.get("total").asLong()).as(reader).isEqualTo(1);
      JsonNode item = page.get("items").get(0);
      assertThat(item.get("id").asText()).isEqualTo(id);
      assertThat(item.get("state").asText()).isEqualTo("CANCELLED");
      assertThat(as(reader).get(SUBSTITUTIONS + "/" + id).status()).as(reader).isEqualTo(200);
    }
    assertThat(
            as(Demo.POLICE_OFFICER)
                .get(SUBSTITUTIONS + "?substitute=" + substitute)
                .json()
                .get("total")
                .asLong())
        .isZero();
    assertRefused(as(Demo.POLICE_OFFICER).get(SUBSTITUTIONS + "/" + id), 404, null);
    // only the leader (or an admin) ends it, and only once
    assertRefused(
        as(substitute).post(SUBSTITUTIONS + "/" + id + "/end", Map.of("version", versionOf(id))),
        403,
        null);
    assertRefused(
        as(Demo.LEADER).post(SUBSTITUTIONS + "/" + id + "/end", Map.of("version", versionOf(id))),
        409,
        null);
  }

  @Test
  void aSubstitutionStopsAtItsUntilWithNoOneEndingIt() {
    String leader = member("ld", PROVINCE, Demo.COMMITTEE, "LEADER");
    String substitute = member("tt", PROVINCE, null, "OFFICER");
    String code = escalatedTask();
    Instant until =
        Instant.now().plusSeconds(20).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    ApiClient.Reply named =
        as(leader)
            .post(
                SUBSTITUTIONS,
                substitution(
                    null, substitute, null, until.atOffset(ZoneOffset.ofHours(7)), "Họp ngắn"));
    assertThat(named.status()).as(named.toString()).isEqualTo(201);
    String id = named.json().get("id").asText();
    assertThat(workOf(substitute, code)).containsExactly("steerflow:direction");

    await(Instant::now, now -> now.isAfter(until), Duration.ofSeconds(60), "the end " + until);

    assertThat(workOf(substitute, code)).isEmpty();
    assertThat(as(substitute).get("api/v1/tasks/" + code).status()).isEqualTo(404);
    assertThat(
            as(substitute)
                .post("api/v1/tasks/" + code + "/direction", Map.of("direction", "Quá hạn"))
                .status())
        .isEqualTo(404);
    JsonNode after = as(leader).get(SUBSTITUTIONS + "/" + id).json();
    assertThat(after.get("state").asText()).isEqualTo("ENDED");
    assertThat(after.get("cancelledAt").isNull()).isTrue();
    assertRefused(
        as(leader).post(SUBSTITUTIONS + "/" + id + "/end", Map.of("version", versionOf(id))),
        409,
        null);
    assertThat(
            as(leader)
                .get(SUBSTITUTIONS + "?leader=" + leader + "&state=ENDED")
                .json()
                .get("total")
                .asLong())
        .isEqualTo(1);
    assertThat(
            as(leader)
                .get(SUBSTITUTIONS + "?state=CURRENT&leader=" + leader)
                .json()
                .get("total")
                .asLong())
        .isZero();
  }

  @Test
  void anAdminNamesOneForALeaderAndAnUpcomingOneGivesNothingUntilItStarts() {
    String leader = member("ld", PROVINCE, Demo.COMMITTEE, "LEADER");
    // a supervisor of the committee may act too; outside the period they keep their own rights
    String supervisor = member("gs", "SKHCN", Demo.COMMITTEE, "SUPERVISOR");
    String code = escalatedTask();

    ApiClient.Reply named =
        as(Demo.ADMIN)
            .post(
                SUBSTITUTIONS,
                substitution(leader, supervisor, inMinutes(60), inMinutes(120), "Nghỉ phép"));
    assertThat(named.status()).as(named.toString()).isEqualTo(201);
    JsonNode s = named.json();
    assertThat(s.get("leader").asText()).isEqualTo(leader);
    assertThat(s.get("namedBy").asText()).isEqualTo(Demo.ADMIN);
    assertThat(s.get("state").asText()).isEqualTo("UPCOMING");

    assertThat(workOf(supervisor, code)).isEmpty();
    assertRefused(
        as(supervisor).post("api/v1/tasks/" + code + "/direction", Map.of("direction", "Sớm")),
        403,
        null);

    ApiClient.Reply calledOff =
        as(leader)
            .post(
                SUBSTITUTIONS + "/" + s.get("id").asText() + "/end",
                Map.of("version", s.get("version").asLong()));
    assertThat(calledOff.status()).as(calledOff.toString()).isEqualTo(200);
    assertThat(calledOff.json().get("state").asText()).isEqualTo("CANCELLED");
    assertThat(
            as(supervisor)
                .get(SUBSTITUTIONS + "?state=CANCELLED&substitute=" + supervisor)
                .json()
                .get("total")
                .asLong())
        .isEqualTo(1);
  }

  @Test
  void onlyALeaderNamesASubstituteAndOnlyForThemselves() {
    String substitute = member("tt", PROVINCE, null, "OFFICER");
    String otherLeader = member("ld", PROVINCE, Demo.COMMITTEE, "LEADER");
    Map<String, Object> body = substitution(null, substitute, null, inMinutes(60), "Đi học");

    assertRefused(as(Demo.JUSTICE_OFFICER).post(SUBSTITUTIONS, body), 403, null);
    assertRefused(as(Demo.SUPERVISOR).post(SUBSTITUTIONS, body), 403, null);
    assertRefused(
        as(Demo.SUPERVISOR)
            .post(
                SUBSTITUTIONS,
                substitution(Demo.LEADER, substitute, null, inMinutes(60), "Đi học")),
        403,
        null);
    assertRefused(
        as(otherLeader)
            .post(
                SUBSTITUTIONS,
                substitution(Demo.LEADER, substitute, null, inMinutes(60), "Đi học")),
        403,
        null);
    assertRefused(as(substitute).post(SUBSTITUTIONS, body), 403, null);

    assertThat(
            as(Demo.ADMIN)
                .get(SUBSTITUTIONS + "?substitute=" + substitute)
                .json()
                .get("total")
                .asLong())
        .isZero();
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
    String leader = member("ld", PROVINCE, Demo.COMMITTEE, "LEADER");
    String substitute = member("tt", PROVINCE, null, "OFFICER");
    ApiClient asLeader = as(leader);
    OffsetDateTime from = inMinutes(24 * 60);
    OffsetDateTime until = inMinutes(2 * 24 * 60);

    assertRefused(
        asLeader.post(SUBSTITUTIONS, substitution(null, substitute, until, from, "x")),
        400,
        "until");
    assertRefused(
        asLeader.post(SUBSTITUTIONS, substitution(null, substitute, from, from, "x")),
        400,
        "until");
    assertRefused(
        asLeader.post(SUBSTITUTIONS, substitution(null, substitute, from, null, "x")),
        400,
        "until");
    assertRefused(
        asLeader.post(SUBSTITUTIONS, substitution(null, substitute, from, from.plusDays(91), "x")),
        400,
        "until");
    assertRefused(
        asLeader.post(
            SUBSTITUTIONS, substitution(null, substitute, inMinutes(-24 * 60), until, "x")),
        400,
        "from");
    assertRefused(
        asLeader.post(SUBSTITUTIONS, substitution(null, leader, from, until, "x")),
        400,
        "substitute");
    assertRefused(
        asLeader.post(SUBSTITUTIONS, substitution(null, "khong-co-ai-" + RUN, from, until, "x")),
        400,
        "substitute");
    assertRefused(
        asLeader.post(
            SUBSTITUTIONS, substitution(null, Demo.POLICE_OFFICER, from, until, "Người ngoài")),
        400,
        "substitute");
    assertRefused(
        asLeader.post(SUBSTITUTIONS, substitution(null, Demo.LEADER, from, until, "Đồng cấp")),
        400,
        "substitute");
    assertRefused(
        asLeader.post(SUBSTITUTIONS, substitution(null, substitute, from, until, null)),
        400,
        "reason");
    assertRefused(
        asLeader.post(SUBSTITUTIONS, substitution(null, substitute, from, until, "   ")),
        400,
        "reason");
    Map<String, Object> notADate = substitution(null, substitute, from, until, "x");
    notADate.put("until", "ngày mai");
    assertRefused(asLeader.post(SUBSTITUTIONS, notADate), 400, "until");
    Map<String, Object> unknownField = substitution(null, substitute, from, until, "x");
    unknownField.put("deputy", substitute);
    assertRefused(asLeader.post(SUBSTITUTIONS, unknownField), 400, "deputy");
    assertRefused(
        as(Demo.ADMIN).post(SUBSTITUTIONS, substitution(null, substitute, from, until, "x")),
        400,
        "leader");
    assertRefused(
        as(Demo.ADMIN)
            .post(SUBSTITUTIONS, substitution(Demo.JUSTICE_OFFICER, substitute, from, until, "x")),
        400,
        "leader");
    assertRefused(
        as(Demo.ADMIN)
            .post(SUBSTITUTIONS, substitution("khong-co-ai-" + RUN, substitute, from, until, "x")),
        400,
        "leader");
    assertThat(listOf(leader).get("total").asLong()).isZero();

    ApiClient.Reply first =
        asLeader.post(SUBSTITUTIONS, substitution(null, substitute, from, until, "Đi công tác"));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    // overlapping the first, in any way: 409 naming the period's fields
    assertRefused(
        asLeader.post(
            SUBSTITUTIONS,
            substitution(null, substitute, from.plusHours(1), until.plusHours(1), "Trùng")),
        409,
        "from");
    assertRefused(
        as(Demo.ADMIN)
            .post(
                SUBSTITUTIONS,
                substitution(leader, substitute, from.minusHours(1), until.plusHours(1), "Trùng")),
        409,
        "until");
    // periods are half-open: the next may start when the first ends
    ApiClient.Reply next =
        asLeader.post(
            SUBSTITUTIONS, substitution(null, substitute, until, until.plusDays(1), "Gia hạn"));
    assertThat(next.status()).as(next.toString()).isEqualTo(201);
    JsonNode stored = listOf(leader);
    assertThat(stored.get("total").asLong()).isEqualTo(2);
    assertThat(stored.get("items"))
        .extracting(i -> i.get("reason").asText())
        .containsExactly("Gia hạn", "Đi công tác");

    String id = first.json().get("id").asText();
    long version = first.json().get("version").asLong();
    assertRefused(asLeader.post(SUBSTITUTIONS + "/" + id + "/end", Map.of()), 400, "version");
    assertRefused(
        asLeader.post(SUBSTITUTIONS + "/" + id + "/end", Map.of("version", version + 1)),
        409,
        null);
    assertRefused(asLeader.post(SUBSTITUTIONS + "/999999999/end", Map.of("version", 0)), 404, null);
    assertRefused(asLeader.get(SUBSTITUTIONS + "?state=SOMETIME"), 400, "state");
    assertRefused(asLeader.get(SUBSTITUTIONS + "?size=0"), 400, "size");
    JsonNode unchanged = asLeader.get(SUBSTITUTIONS + "/" + id).json();
    assertThat(unchanged.get("state").asText()).isEqualTo("UPCOMING");
    assertThat(unchanged.get("version").asLong()).isEqualTo(version);
  }

  @Test
  void twoOverlappingNamingsAtOnceStoreOnlyOne() throws Exception {
    String leader = member("ld", PROVINCE, Demo.COMMITTEE, "LEADER");
    String first = member("tt", PROVINCE, null, "OFFICER");
    String second = member("tt", PROVINCE, null, "OFFICER");
    // logged in once already, so both requests reach the service without the password check
    assertThat(as(leader).get(SUBSTITUTIONS).status()).isEqualTo(200);
    OffsetDateTime from = inMinutes(60);
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<ApiClient.Reply>> replies = new ArrayList<>();
      for (String substitute : List.of(first, second)) {
        replies.add(
            pool.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  return as(leader)
                      .post(
                          SUBSTITUTIONS,
                          substitution(null, substitute, from, from.plusDays(3), "Cùng lúc"));
                }));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<ApiClient.Reply> reply : replies) {
        statuses.add(reply.get(120, TimeUnit.SECONDS).status());
      }
      assertThat(statuses).containsExactlyInAnyOrder(201, 409);
    } finally {
      pool.shutdownNow();
    }
    assertThat(listOf(leader).get("total").asLong()).isEqualTo(1);
  }

  // --- helpers -----------------------------------------------------------------------------------

  /** A new member, tagged with this run; returns the username. */
  private String member(String prefix, String unit, String committee, String... roles) {
    String username = prefix + "-" + RUN + "-" + SERIAL.incrementAndGet();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", username);
    body.put("fullName", "Cán bộ " + username);
    body.put("unit", unit);
    body.put("committee", committee);
    body.put("roles", List.of(roles));
    // the demo password, so that as(username) logs them in like the demo members
    body.put("password", Demo.PASSWORD);
    ApiClient.Reply created = as(Demo.ADMIN).post("api/v1/members", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return username;
  }

  /** A task of the committee whose report the supervisor escalated: it waits for a leader. */
  private String escalatedTask() {
    String code = assignTo(Demo.JUSTICE, inDays(10));
    ApiClient.Reply report =
        as(Demo.JUSTICE_OFFICER)
            .post("api/v1/tasks/" + code + "/reports", report("IN_PROGRESS", 30, "Vướng kinh phí"));
    assertThat(report.status()).as(report.toString()).isEqualTo(201);
    ApiClient.Reply escalated =
        as(Demo.SUPERVISOR)
            .post(
                "api/v1/reports/" + reportUnderReview(code) + "/review",
                decision("ESCALATE", "Đề nghị bố trí kinh phí?"));
    assertThat(escalated.status()).as(escalated.toString()).isEqualTo(200);
    return code;
  }

  /**
   * Ends the leader's current and upcoming substitutions that an earlier, interrupted run of this
   * test left in the shared database; they would overlap this run's.
   */
  private void endLeftoversOf(String leader) {
    for (String state : List.of("CURRENT", "UPCOMING")) {
      for (JsonNode s :
          as(leader)
              .get(SUBSTITUTIONS + "?size=200&state=" + state + "&leader=" + leader)
              .json()
              .get("items")) {
        ApiClient.Reply ended =
            as(leader)
                .post(
                    SUBSTITUTIONS + "/" + s.get("id").asText() + "/end",
                    Map.of("version", s.get("version").asLong()));
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
      }
    }
  }

  /** The codes of the newest tasks in the member's task list. */
  private List<String> listedTasks(String member) {
    ApiClient.Reply reply = as(member).get("api/v1/tasks?size=200&sort=createdAt&dir=desc");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    List<String> codes = new ArrayList<>();
    reply.json().get("items").forEach(t -> codes.add(t.get("code").asText()));
    return codes;
  }

  private static Map<String, Object> substitution(
      String leader, String substitute, OffsetDateTime from, OffsetDateTime until, String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (leader != null) {
      body.put("leader", leader);
    }
    body.put("substitute", substitute);
    if (from != null) {
      body.put("from", from.toString());
    }
    if (until != null) {
      body.put("until", until.toString());
    }
    if (reason != null) {
      body.put("reason", reason);
    }
    return body;
  }

  private static OffsetDateTime inMinutes(long minutes) {
    return OffsetDateTime.now(ZoneOffset.ofHours(7)).plusMinutes(minutes).withNano(0);
  }

  private JsonNode listOf(String leader) {
    return as(Demo.ADMIN).get(SUBSTITUTIONS + "?leader=" + leader).json();
  }

  private long versionOf(String id) {
    return as(Demo.ADMIN).get(SUBSTITUTIONS + "/" + id).json().get("version").asLong();
  }

  private List<String> workOf(String member, String code) {
    return TaskCycleIT.itemsOf(as(member).get("api/v1/work?size=200").json(), code).stream()
        .map(i -> i.get("formKey").asText())
        .toList();
  }

  private static List<String> formKeys(JsonNode steps) {
    List<String> keys = new ArrayList<>();
    steps.forEach(s -> keys.add(s.get("formKey").asText()));
    return keys;
  }

  /** The task's last timeline entry with the action. */
  private static JsonNode entry(JsonNode task, String action) {
    JsonNode found = null;
    for (JsonNode e : task.get("timeline")) {
      if (e.get("action").asText().equals(action)) {
        found = e;
      }
    }
    assertThat(found).as(action + " in " + task.get("timeline")).isNotNull();
    return found;
  }

  private static void assertRefused(ApiClient.Reply reply, int status, String field) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    if (field != null) {
      List<String> fields = new ArrayList<>();
      reply.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
      assertThat(fields).as(reply.toString()).contains(field);
    }
  }
}
