package vn.steerflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Bottlenecks over HTTP on the real server: raised from a report's difficulties (free text or a
 * list) in the report's transaction, kept when the report is returned and not raised twice, given a
 * resolver by a supervisor, taken in hand and resolved with the answer by the right member, and
 * listed per committee, state, unit, resolver, task and age with what each caller may see. Then
 * every refusal: the field named in problem+json, the bottleneck (or the task) checked unchanged.
 */
@RunAsClient
class BottlenecksIT extends DeployedSteerflow {

  private static final String BOTTLENECKS = "api/v1/bottlenecks";

  /** Unique per run: summaries, codes and usernames carry it. */
  private static final String RUN =
      Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);

  private static final AtomicInteger SERIAL = new AtomicInteger();

  // ------------------------------------------------------------------------------ raised in
  // reports

  @Test
  void difficultiesInAReportRaiseABottleneckThatTheCommitteesLeadersMustResolve() {
    String code = assignTo(Demo.JUSTICE, inDays(20));
    String difficulty = tag("Thiếu kinh phí số hoá sổ hộ tịch");
    Instant before = Instant.now();

    long report = submit(Demo.JUSTICE_OFFICER, code, withDifficulties(difficulty));

    JsonNode items = ofTask(Demo.SUPERVISOR, code);
    assertThat(items).hasSize(1);
    JsonNode b = items.get(0);
    assertThat(b.get("state").asText()).isEqualTo("OPEN");
    assertThat(b.get("summary").asText()).isEqualTo(difficulty);
    assertThat(b.get("resolver").asText()).isEqualTo("LEADERS");
    assertThat(b.get("unit").asText()).isEqualTo(Demo.JUSTICE);
    assertThat(b.get("committee").asText()).isEqualTo(Demo.COMMITTEE);
    assertThat(b.get("task").asText()).isEqualTo(code);
    assertThat(b.get("report").asLong()).isEqualTo(report);
    assertThat(b.get("raisedBy").asText()).isEqualTo(Demo.JUSTICE_OFFICER);
    assertThat(instant(b.get("raisedAt"))).isBetween(before.minusSeconds(1), Instant.now());
    assertThat(b.get("ageDays").asInt()).isZero();
    assertThat(b.get("takenBy").isNull()).isTrue();
    assertThat(b.get("answer").isNull()).isTrue();
    // the single view and every member who may see it agree with the listing
    assertThat(as(Demo.JUSTICE_OFFICER).get(BOTTLENECKS + "/" + id(b)).json()).isEqualTo(b);
    assertThat(as(Demo.LEADER).get(BOTTLENECKS + "/" + id(b)).json()).isEqualTo(b);

    List<String> timeline = TaskCycleIT.timeline(task(code));
    assertThat(timeline).contains("REPORTED by sotuphap", "BOTTLENECK_RAISED by sotuphap");
    assertThat(timeline.indexOf("BOTTLENECK_RAISED by sotuphap"))
        .isGreaterThan(timeline.indexOf("REPORTED by sotuphap"));
  }

  @Test
  void aListRaisesEachBottleneckWithItsResolverInsteadOfTheFreeTextAndAnEmptyListRaisesNone() {
    String code = assignTo(Demo.JUSTICE, inDays(20));
    Map<String, Object> body = withDifficulties("Khó khăn chung, xem danh sách");
    body.put(
        "bottlenecks",
        List.of(
            Map.of("summary", tag("Phần mềm hộ tịch chưa kết nối")),
            Map.of("summary", tag("Thiếu dữ liệu dân cư"), "resolverUnit", Demo.POLICE)));

    submit(Demo.JUSTICE_OFFICER, code, body);

    JsonNode items = ofTask(Demo.SUPERVISOR, code);
    assertThat(items).hasSize(2);
    assertThat(items.get(0).get("summary").asText()).startsWith("Phần mềm hộ tịch chưa kết nối");
    assertThat(items.get(0).get("resolver").asText()).isEqualTo("LEADERS");
    assertThat(items.get(1).get("summary").asText()).startsWith("Thiếu dữ liệu dân cư");
    assertThat(items.get(1).get("resolver").asText()).isEqualTo(Demo.POLICE);

    String none = assignTo(Demo.JUSTICE, inDays(20));
    Map<String, Object> narrativeOnly = withDifficulties("Chỉ nêu trong báo cáo, không theo dõi");
    narrativeOnly.put("bottlenecks", List.of());
    submit(Demo.JUSTICE_OFFICER, none, narrativeOnly);
    assertThat(ofTask(Demo.SUPERVISOR, none)).isEmpty();
    assertThat(TaskCycleIT.timeline(task(none))).noneMatch(e -> e.startsWith("BOTTLENECK"));
  }

  @Test
  void aReturnedReportsBottleneckStaysAndTheSameDifficultyReportedAgainIsNotRaisedTwice() {
    String code = assignTo(Demo.JUSTICE, inDays(20));
    String difficulty = tag("Thiếu kinh phí");
    long first = submit(Demo.JUSTICE_OFFICER, code, withDifficulties(difficulty));
    ApiClient.Reply returned =
        as(Demo.SUPERVISOR)
            .post(
                "api/v1/reports/" + reportUnderReview(code) + "/review",
                decision("RETURN", "Bổ sung số liệu"));
    assertThat(returned.status()).as(returned.toString()).isEqualTo(200);
    JsonNode kept = ofTask(Demo.SUPERVISOR, code);
    assertThat(kept).hasSize(1);
    assertThat(kept.get(0).get("state").asText()).isEqualTo("OPEN");

    // sent again with the same difficulty (other case and spacing) and a new one
    Map<String, Object> again = report("IN_PROGRESS", 50, "Đã bổ sung số liệu");
    again.put(
        "bottlenecks",
        List.of(
            Map.of("summary", "  " + difficulty.toUpperCase(Locale.ROOT).replace(" ", "   ")),
            Map.of("summary", tag("Thiếu nhân lực"))));
    long second = submit(Demo.JUSTICE_OFFICER, code, again);

    JsonNode items = ofTask(Demo.SUPERVISOR, code);
    assertThat(items).hasSize(2);
    assertThat(items.get(0)).isEqualTo(kept.get(0));
    assertThat(items.get(0).get("report").asLong()).isEqualTo(first);
    assertThat(items.get(1).get("report").asLong()).isEqualTo(second);
    assertThat(items.get(1).get("summary").asText()).startsWith("Thiếu nhân lực");
    assertThat(TaskCycleIT.timeline(task(code)))
        .contains("BOTTLENECK_REPEATED by sotuphap")
        .filteredOn(e -> e.equals("BOTTLENECK_RAISED by sotuphap"))
        .hasSize(2);
  }

  // ---------------------------------------------------------------------------------- resolving

  @Test
  void theResolverUnitTakesItInHandAndResolvesItWithTheAnswerAndTheTimelineSaysWho() {
    String code = assignTo(Demo.JUSTICE, inDays(20));
    submit(Demo.JUSTICE_OFFICER, code, withDifficulties(tag("Chưa có dữ liệu cư trú")));
    JsonNode open = ofTask(Demo.SUPERVISOR, code).get(0);
    long id = id(open);
    // the police neither raised it nor must resolve it yet: it does not exist for them
    problem(as(Demo.POLICE_OFFICER).get(BOTTLENECKS + "/" + id), 404);

    ApiClient.Reply named =
        as(Demo.SUPERVISOR).post(path(id, "resolver"), resolver(Demo.POLICE, version(open)));
    assertThat(named.status()).as(named.toString()).isEqualTo(200);
    assertThat(named.json().get("resolver").asText()).isEqualTo(Demo.POLICE);
    assertThat(version(named.json())).isGreaterThan(version(open));

    // now the police see it (not the task: that stays the Justice department's and the committee's)
    assertThat(as(Demo.POLICE_OFFICER).get(BOTTLENECKS + "/" + id).status()).isEqualTo(200);
    problem(as(Demo.POLICE_OFFICER).get("api/v1/tasks/" + code), 404);
    assertThat(ids(as(Demo.POLICE_OFFICER).get(BOTTLENECKS + "?resolver=CAT&size=200").json()))
        .contains(id);
    // the raising unit sees it but does not resolve it; another unit does not even see it
    problem(as(Demo.JUSTICE_OFFICER).post(path(id, "state"), inHand(version(named.json()))), 403);
    problem(as(Demo.SAPA_OFFICER).post(path(id, "state"), inHand(version(named.json()))), 404);
    problem(as(Demo.SAPA_OFFICER).get(BOTTLENECKS + "/" + id), 404);
    assertThat(bottleneck(id)).isEqualTo(named.json());

    ApiClient.Reply taken =
        as(Demo.POLICE_OFFICER).post(path(id, "state"), inHand(version(named.json())));
    assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
    assertThat(taken.json().get("state").asText()).isEqualTo("IN_HAND");
    assertThat(taken.json().get("takenBy").asText()).isEqualTo(Demo.POLICE_OFFICER);
    assertThat(taken.json().get("takenAt").isNull()).isFalse();

    String answer = "Đã đồng bộ dữ liệu cư trú cho Sở Tư pháp";
    ApiClient.Reply resolved =
        as(Demo.POLICE_OFFICER).post(path(id, "state"), resolve(answer, version(taken.json())));
    assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
    JsonNode done = resolved.json();
    assertThat(done.get("state").asText()).isEqualTo("RESOLVED");
    assertThat(done.get("answer").asText()).isEqualTo(answer);
    assertThat(done.get("resolvedBy").asText()).isEqualTo(Demo.POLICE_OFFICER);
    assertThat(instant(done.get("resolvedAt"))).isAfterOrEqualTo(instant(done.get("takenAt")));
    assertThat(done.get("takenBy").asText()).isEqualTo(Demo.POLICE_OFFICER);
    assertThat(done.get("ageDays").asInt()).isZero();
    // the unit that raised it reads the answer
    assertThat(as(Demo.JUSTICE_OFFICER).get(BOTTLENECKS + "/" + id).json()).isEqualTo(done);

    List<String> timeline = TaskCycleIT.timeline(task(code));
    int setAt = timeline.indexOf("BOTTLENECK_RESOLVER_SET by giamsat");
    int takenAt = timeline.indexOf("BOTTLENECK_IN_HAND by congan");
    int resolvedAt = timeline.indexOf("BOTTLENECK_RESOLVED by congan");
    assertThat(setAt).isNotNegative();
    assertThat(takenAt).isGreaterThan(setAt);
    assertThat(resolvedAt).isGreaterThan(takenAt);
    JsonNode entry = task(code).get("timeline").get(resolvedAt);
    assertThat(entry.get("detail").asText()).contains(answer);
  }

  @Test
  void aLeaderMayAnswerAnOpenBottleneckAtOnce() {
    String code = assignTo(Demo.JUSTICE, inDays(20));
    submit(Demo.JUSTICE_OFFICER, code, withDifficulties(tag("Cần chỉ đạo của tỉnh")));
    JsonNode open = ofTask(Demo.LEADER, code).get(0);

    ApiClient.Reply resolved =
        as(Demo.LEADER)
            .post(
                path(id(open), "state"),
                resolve("Giao Sở Tài chính bố trí kinh phí", version(open)));

    assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
    assertThat(resolved.json().get("state").asText()).isEqualTo("RESOLVED");
    assertThat(resolved.json().get("resolvedBy").asText()).isEqualTo(Demo.LEADER);
    assertThat(resolved.json().get("takenBy").isNull()).isTrue();
    assertThat(TaskCycleIT.timeline(task(code))).contains("BOTTLENECK_RESOLVED by lanhdao");
  }

  @Test
  void aStaleVersionIsRefusedWith409AndLeavesTheBottleneckAsTheOtherWriterLeftIt() {
    String code = assignTo(Demo.JUSTICE, inDays(20));
    Map<String, Object> body = report("IN_PROGRESS", 30, "Đang triển khai");
    body.put(
        "bottlenecks",
        List.of(Map.of("summary", tag("Vướng thủ tục")), Map.of("summary", tag("Vướng mặt bằng"))));
    submit(Demo.JUSTICE_OFFICER, code, body);
    JsonNode first = ofTask(Demo.SUPERVISOR, code).get(0);
    JsonNode second = ofTask(Demo.SUPERVISOR, code).get(1);

    // two members read the same version; the leader moves first
    ApiClient.Reply taken = as(Demo.LEADER).post(path(id(first), "state"), inHand(version(first)));
    assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
    problem(
        as(Demo.SUPERVISOR).post(path(id(first), "state"), resolve("Xong", version(first))), 409);
    assertThat(bottleneck(id(first))).isEqualTo(taken.json());

    ApiClient.Reply named =
        as(Demo.SUPERVISOR).post(path(id(second), "resolver"), resolver("STC", version(second)));
    assertThat(named.status()).as(named.toString()).isEqualTo(200);
    problem(
        as(Demo.SUPERVISOR)
            .post(path(id(second), "resolver"), resolver(Demo.POLICE, version(second))),
        409);
    problem(as(Demo.LEADER).post(path(id(second), "state"), resolve("Xong", version(second))), 409);
    assertThat(bottleneck(id(second))).isEqualTo(named.json());
  }

  @Test
  void aLeadersSubstituteSeesAndResolvesTheCommitteesBottlenecksForThemOnlyWhileActing() {
    // a committee of this test's own, so that no other test's substitutions for lanhdao interfere
    String leader = member("ld", "BAOYEN", null, "OFFICER");
    String committee = committee(List.of(leader));
    String substitute = member("pct", "BAOYEN", null, "OFFICER");
    Map<String, Object> assignment = assignment(Demo.JUSTICE, inDays(20));
    assignment.put("committee", committee);
    ApiClient.Reply assigned = as(leader).post("api/v1/tasks", assignment);
    assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
    String code = assigned.json().get("code").asText();
    submit(Demo.JUSTICE_OFFICER, code, withDifficulties(tag("Cần quyết định của Trưởng ban")));
    JsonNode open = ofTask(leader, code).get(0);
    problem(as(substitute).get(BOTTLENECKS + "/" + id(open)), 404);

    ApiClient.Reply named =
        as(leader)
            .post(
                "api/v1/substitutions",
                Map.of(
                    "substitute",
                    substitute,
                    "until",
                    inDays(1).toString(),
                    "reason",
                    "Đi công tác"));
    assertThat(named.status()).as(named.toString()).isEqualTo(201);
    assertThat(as(substitute).get(BOTTLENECKS + "/" + id(open)).json()).isEqualTo(open);
    assertThat(ids(list(as(substitute), "?committee=" + committee))).containsExactly(id(open));
    ApiClient.Reply resolved =
        as(substitute)
            .post(path(id(open), "state"), resolve("Đồng ý, triển khai ngay", version(open)));
    assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
    assertThat(resolved.json().get("resolvedBy").asText()).isEqualTo(substitute);
    JsonNode entry = last(as(leader).get("api/v1/tasks/" + code).json(), "BOTTLENECK_RESOLVED");
    assertThat(entry.get("actor").asText()).isEqualTo(substitute);
    assertThat(entry.get("actingFor").asText()).isEqualTo(leader);

    ApiClient.Reply ended =
        as(leader)
            .post(
                "api/v1/substitutions/" + named.json().get("id").asText() + "/end",
                Map.of("version", named.json().get("version").asLong()));
    assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
    problem(as(substitute).get(BOTTLENECKS + "/" + id(open)), 404);
    assertThat(list(as(substitute), "?committee=" + committee).get("total").asLong()).isZero();
  }

  @Test
  void aMergedResolverUnitsUnresolvedBottlenecksPassToItsSuccessorAndItsAnsweredOnesStay() {
    String unit = ("HN-" + RUN + "-" + SERIAL.incrementAndGet()).toUpperCase(Locale.ROOT);
    ApiClient.Reply created =
        as(Demo.ADMIN)
            .post(
                "api/v1/units", Map.of("code", unit, "name", "Đơn vị " + unit, "kind", "COMMUNE"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String code = assignTo(Demo.JUSTICE, inDays(20));
    Map<String, Object> body = report("IN_PROGRESS", 30, "Đang triển khai");
    body.put(
        "bottlenecks",
        List.of(
            Map.of("summary", tag("Chưa mở"), "resolverUnit", unit),
            Map.of("summary", tag("Đang xử lý"), "resolverUnit", unit),
            Map.of("summary", tag("Đã trả lời"), "resolverUnit", unit)));
    submit(Demo.JUSTICE_OFFICER, code, body);
    JsonNode items = ofTask(Demo.SUPERVISOR, code);
    long open = id(items.get(0));
    long inHand = id(items.get(1));
    long answered = id(items.get(2));
    assertThat(as(Demo.LEADER).post(path(inHand, "state"), inHand(version(items.get(1)))).status())
        .isEqualTo(200);
    JsonNode done =
        as(Demo.LEADER)
            .post(path(answered, "state"), resolve("Đã trả lời", version(items.get(2))))
            .json();

    ApiClient.Reply merged =
        as(Demo.ADMIN).post("api/v1/units/" + unit + "/merge-into/" + Demo.POLICE, "");
    assertThat(merged.status()).as(merged.toString()).isEqualTo(200);

    assertThat(bottleneck(open).get("resolver").asText()).isEqualTo(Demo.POLICE);
    assertThat(bottleneck(open).get("state").asText()).isEqualTo("OPEN");
    assertThat(bottleneck(inHand).get("resolver").asText()).isEqualTo(Demo.POLICE);
    assertThat(bottleneck(inHand).get("state").asText()).isEqualTo("IN_HAND");
    assertThat(bottleneck(inHand).get("takenBy").asText()).isEqualTo(Demo.LEADER);
    assertThat(bottleneck(answered)).isEqualTo(done);
    assertThat(TaskCycleIT.timeline(task(code)))
        .filteredOn(e -> e.equals("BOTTLENECK_RESOLVER_SET by admin"))
        .hasSize(2);
    // the successor's officers carry it on
    ApiClient.Reply finished =
        as(Demo.POLICE_OFFICER)
            .post(
                path(inHand, "state"),
                resolve("Công an tỉnh đã xử lý", version(bottleneck(inHand))));
    assertThat(finished.status()).as(finished.toString()).isEqualTo(200);
  }

  // ------------------------------------------------------------------------------------ listing

  @Test
  void theListingFiltersByStateUnitResolverTaskAndAgeAndShowsEachCallerOnlyWhatTheyMaySee() {
    String justiceTask = assignTo(Demo.JUSTICE, inDays(20));
    Map<String, Object> body = report("IN_PROGRESS", 30, "Đang triển khai");
    body.put(
        "bottlenecks",
        List.of(
            Map.of("summary", tag("Chờ hướng dẫn của Bộ")),
            Map.of("summary", tag("Thiếu xác minh cư trú"), "resolverUnit", Demo.POLICE)));
    submit(Demo.JUSTICE_OFFICER, justiceTask, body);
    String policeTask = assignTo(Demo.POLICE, inDays(20));
    submit(Demo.POLICE_OFFICER, policeTask, withDifficulties(tag("Thiếu thiết bị đọc chip")));
    long s1 = id(ofTask(Demo.SUPERVISOR, justiceTask).get(0));
    long s2 = id(ofTask(Demo.SUPERVISOR, justiceTask).get(1));
    long s3 = id(ofTask(Demo.SUPERVISOR, policeTask).get(0));
    assertThat(as(Demo.LEADER).post(path(s1, "state"), inHand(version(bottleneck(s1)))).status())
        .isEqualTo(200);

    ApiClient giamsat = as(Demo.SUPERVISOR);
    String t1 = "?task=" + justiceTask;
    assertThat(ids(list(giamsat, t1))).containsExactly(s1, s2);
    assertThat(list(giamsat, t1).get("total").asLong()).isEqualTo(2);
    assertThat(ids(list(giamsat, t1 + "&state=IN_HAND"))).containsExactly(s1);
    assertThat(ids(list(giamsat, t1 + "&state=open,in_hand"))).containsExactly(s1, s2);
    assertThat(ids(list(giamsat, t1 + "&state=OPEN&state=RESOLVED"))).containsExactly(s2);
    assertThat(ids(list(giamsat, t1 + "&state=RESOLVED"))).isEmpty();
    assertThat(ids(list(giamsat, t1 + "&resolver=CAT"))).containsExactly(s2);
    assertThat(ids(list(giamsat, t1 + "&resolver=leaders"))).containsExactly(s1);
    assertThat(ids(list(giamsat, t1 + "&unit=CAT"))).isEmpty();
    assertThat(ids(list(giamsat, t1 + "&unit=STP&committee=BCD-LC"))).containsExactly(s1, s2);
    // age: raised today, so at least 0 days old and not yet 1
    assertThat(ids(list(giamsat, t1 + "&minAgeDays=0"))).containsExactly(s1, s2);
    assertThat(ids(list(giamsat, t1 + "&minAgeDays=1"))).isEmpty();
    // paging and order: oldest raised first, ties by id; desc reverses both
    JsonNode firstPage = list(giamsat, t1 + "&size=1");
    assertThat(ids(firstPage)).containsExactly(s1);
    assertThat(firstPage.get("total").asLong()).isEqualTo(2);
    assertThat(ids(list(giamsat, t1 + "&size=1&page=1"))).containsExactly(s2);
    assertThat(ids(list(giamsat, t1 + "&dir=desc"))).containsExactly(s2, s1);
    // the unit filter over the whole committee: every item raised by the police, this one included
    JsonNode police = list(giamsat, "?unit=CAT&state=OPEN&size=200");
    assertThat(ids(police)).contains(s3).doesNotContain(s1, s2);
    assertThat(police.get("items")).allMatch(i -> i.get("unit").asText().equals(Demo.POLICE));

    // officers: what their unit raised or must resolve
    assertThat(ids(list(as(Demo.JUSTICE_OFFICER), t1))).containsExactly(s1, s2);
    assertThat(ids(list(as(Demo.JUSTICE_OFFICER), "?task=" + policeTask))).isEmpty();
    assertThat(ids(list(as(Demo.POLICE_OFFICER), t1))).containsExactly(s2);
    assertThat(ids(list(as(Demo.POLICE_OFFICER), "?task=" + policeTask))).containsExactly(s3);
    assertThat(ids(list(as(Demo.SAPA_OFFICER), t1))).isEmpty();
    assertThat(list(as(Demo.ADMIN), t1).get("total").asLong()).isZero();
    problem(as(Demo.POLICE_OFFICER).get(BOTTLENECKS + "/" + s1), 404);

    // the task's own listing: for those who see the task, what of it they may see
    assertThat(ids(as(Demo.JUSTICE_OFFICER).get(tasksPath(justiceTask)).json()))
        .containsExactly(s1, s2);
    assertThat(ids(as(Demo.SUPERVISOR).get(tasksPath(justiceTask) + "?state=OPEN").json()))
        .containsExactly(s2);
    problem(as(Demo.POLICE_OFFICER).get(tasksPath(justiceTask)), 404);
  }

  @Test
  void eachCommitteeSeesOnlyItsOwnBottlenecksAndTheCommitteeFilterSeparatesThem() {
    String committee = committee(List.of());
    String supervisor = member("gs", "BAOYEN", committee, "SUPERVISOR");
    ApiClient other = as(supervisor);
    Map<String, Object> assignment = assignment(Demo.JUSTICE, inDays(20));
    assignment.put("committee", committee);
    ApiClient.Reply assigned = other.post("api/v1/tasks", assignment);
    assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
    String code = assigned.json().get("code").asText();
    submit(Demo.JUSTICE_OFFICER, code, withDifficulties(tag("Thiếu cán bộ xã")));
    String local = assignTo(Demo.JUSTICE, inDays(20));
    submit(Demo.JUSTICE_OFFICER, local, withDifficulties(tag("Thiếu cán bộ tỉnh")));

    long id = id(ofTask(Demo.JUSTICE_OFFICER, code).get(0));
    long localId = id(ofTask(Demo.JUSTICE_OFFICER, local).get(0));
    JsonNode seen = other.get(BOTTLENECKS + "/" + id).json();
    assertThat(seen.get("committee").asText()).isEqualTo(committee);
    assertThat(ids(list(other, "?committee=" + committee))).containsExactly(id);
    assertThat(list(other, "?committee=" + Demo.COMMITTEE).get("total").asLong()).isZero();
    // BCD-LC's supervisor and leader do not see another committee's bottleneck
    problem(as(Demo.SUPERVISOR).get(BOTTLENECKS + "/" + id), 404);
    problem(as(Demo.SUPERVISOR).post(path(id, "resolver"), resolver("STC", version(seen))), 404);
    assertThat(ids(list(as(Demo.LEADER), "?task=" + code))).isEmpty();
    assertThat(list(as(Demo.SUPERVISOR), "?committee=" + committee).get("total").asLong()).isZero();
    // the Justice officer sees both committees' bottlenecks its unit raised, one filter each
    JsonNode theirs = list(as(Demo.JUSTICE_OFFICER), "?committee=" + committee);
    assertThat(ids(theirs)).containsExactly(id);
    JsonNode ours = list(as(Demo.JUSTICE_OFFICER), "?committee=BCD-LC&size=200");
    assertThat(ids(ours)).contains(localId).doesNotContain(id);
    assertThat(ours.get("items")).allMatch(i -> i.get("committee").asText().equals(Demo.COMMITTEE));
    // its own supervisor names the resolver
    assertThat(other.post(path(id, "resolver"), resolver("STC", version(seen))).status())
        .isEqualTo(200);
  }

  // ------------------------------------------------------------------------------------ refusals

  @Test
  void aBadStateChangeOrResolverNamesTheFieldAndLeavesTheBottleneckUnchanged() {
    String code = assignTo(Demo.JUSTICE, inDays(20));
    submit(Demo.JUSTICE_OFFICER, code, withDifficulties(tag("Vướng quy trình")));
    JsonNode before = ofTask(Demo.SUPERVISOR, code).get(0);
    long id = id(before);
    long v = version(before);
    List<String> timeline = TaskCycleIT.timeline(task(code));
    String inactive = inactiveUnit();

    Map<String, Object> noVersion = new HashMap<>(Map.of("state", "IN_HAND"));
    Map<String, Object> noState = new HashMap<>(Map.of("version", v));
    Map<String, Object> unknownField = new HashMap<>(inHand(v));
    unknownField.put("note", "ghi chú");
    List<Refusal> refusals =
        List.of(
            new Refusal("state", resolve("   ", v), 400, "answer"),
            new Refusal("state", stateChange("RESOLVED", null, v), 400, "answer"),
            new Refusal("state", stateChange("IN_HAND", "Đã xong", v), 400, "answer"),
            new Refusal("state", stateChange("OPEN", null, v), 400, "state"),
            new Refusal("state", stateChange("CLOSED", null, v), 400, "state"),
            new Refusal("state", stateChange(7, null, v), 400, "state"),
            new Refusal("state", noState, 400, "state"),
            new Refusal("state", noVersion, 400, "version"),
            new Refusal("state", unknownField, 400, "note"),
            new Refusal("state", resolve("x".repeat(4001), v), 400, "answer"),
            new Refusal("resolver", resolver("KHONG-CO-" + RUN, v), 400, "resolver"),
            new Refusal("resolver", resolver(inactive, v), 400, "resolver"),
            new Refusal("resolver", resolver("LEADERS", v), 400, "resolver"),
            new Refusal("resolver", resolver("  ", v), 400, "resolver"),
            new Refusal("resolver", Map.of("resolver", Demo.POLICE), 400, "version"));
    for (Refusal refusal : refusals) {
      JsonNode problem =
          problem(
              as(Demo.SUPERVISOR).post(path(id, refusal.action()), refusal.body()),
              refusal.status(),
              refusal.field());
      assertThat(problem.get("detail").asText()).as(refusal.toString()).isNotBlank();
      assertThat(bottleneck(id)).as("after %s", refusal).isEqualTo(before);
    }
    problem(as(Demo.SUPERVISOR).post(path(id, "state"), "application/json", "[1, 2]"), 400);
    problem(as(Demo.SUPERVISOR).post(path(id, "state"), "application/json", "{not json"), 400);
    // the wrong member: the raising unit may not name the resolver, nor may a leader
    problem(as(Demo.JUSTICE_OFFICER).post(path(id, "resolver"), resolver("STC", v)), 403);
    problem(as(Demo.LEADER).post(path(id, "resolver"), resolver("STC", v)), 403);
    assertThat(bottleneck(id)).isEqualTo(before);
    assertThat(TaskCycleIT.timeline(task(code))).isEqualTo(timeline);

    // illegal transitions: 409 naming the state, the bottleneck as it was
    JsonNode taken = as(Demo.LEADER).post(path(id, "state"), inHand(v)).json();
    problem(as(Demo.LEADER).post(path(id, "state"), inHand(version(taken))), 409, "state");
    problem(
        as(Demo.SUPERVISOR).post(path(id, "resolver"), resolver("STC", version(taken))),
        409,
        "resolver");
    assertThat(bottleneck(id)).isEqualTo(taken);
    JsonNode resolved =
        as(Demo.LEADER).post(path(id, "state"), resolve("Đã giải quyết", version(taken))).json();
    assertThat(resolved.get("state").asText()).isEqualTo("RESOLVED");
    problem(as(Demo.LEADER).post(path(id, "state"), inHand(version(resolved))), 409, "state");
    problem(
        as(Demo.LEADER).post(path(id, "state"), resolve("Lần nữa", version(resolved))),
        409,
        "state");
    assertThat(bottleneck(id)).isEqualTo(resolved);

    // what does not exist, or is not yours to see
    problem(as(Demo.SUPERVISOR).get(BOTTLENECKS + "/999999999"), 404);
    problem(as(Demo.SUPERVISOR).post(BOTTLENECKS + "/999999999/state", inHand(0)), 404);
    problem(as(Demo.SUPERVISOR).get(tasksPath("NV-KHONG-CO-" + RUN)), 404);
  }

  @Test
  void aListingParameterAtFaultIsNamed() {
    ApiClient giamsat = as(Demo.SUPERVISOR);
    problem(giamsat.get(BOTTLENECKS + "?state=CLOSED"), 400, "state");
    problem(giamsat.get(BOTTLENECKS + "?state=OPEN,DONE"), 400, "state");
    problem(giamsat.get(BOTTLENECKS + "?resolver=KHONG-CO-" + RUN), 400, "resolver");
    problem(giamsat.get(BOTTLENECKS + "?unit=KHONG-CO-" + RUN), 400, "unit");
    problem(giamsat.get(BOTTLENECKS + "?committee=KHONG-CO-" + RUN), 400, "committee");
    problem(giamsat.get(BOTTLENECKS + "?minAgeDays=-1"), 400, "minAgeDays");
    problem(giamsat.get(BOTTLENECKS + "?minAgeDays=tuan"), 400, "minAgeDays");
    problem(giamsat.get(BOTTLENECKS + "?sort=age"), 400, "sort");
    problem(giamsat.get(BOTTLENECKS + "?dir=up"), 400, "dir");
    problem(giamsat.get(BOTTLENECKS + "?size=0"), 400, "size");
    problem(giamsat.get(BOTTLENECKS + "?size=201&page=-1"), 400, "size", "page");
    problem(giamsat.get(BOTTLENECKS + "?state=CLOSED&minAgeDays=x"), 400, "state", "minAgeDays");
    String code = assignTo(Demo.JUSTICE, inDays(20));
    problem(giamsat.get(tasksPath(code) + "?state=CLOSED"), 400, "state");
  }

  @Test
  void aReportWithABadBottleneckIsRefusedWholeAndLeavesNothingBehind() {
    String code = assignTo(Demo.JUSTICE, inDays(20));
    JsonNode before = task(code);
    String inactive = inactiveUnit();

    List<Map<String, Object>> oneGood = List.of(Map.of("summary", tag("Hợp lệ")));
    List<Object[]> refusals = new ArrayList<>();
    refusals.add(
        new Object[] {
          List.of(Map.of("summary", "Cần hỗ trợ", "resolverUnit", "KHONG-CO-" + RUN)),
          "bottlenecks[0].resolverUnit"
        });
    refusals.add(
        new Object[] {
          List.of(oneGood.get(0), Map.of("summary", "Cần hỗ trợ", "resolverUnit", inactive)),
          "bottlenecks[1].resolverUnit"
        });
    refusals.add(new Object[] {List.of(Map.of("summary", "   ")), "bottlenecks[0].summary"});
    refusals.add(new Object[] {List.of(Map.of("resolverUnit", "CAT")), "bottlenecks[0].summary"});
    refusals.add(
        new Object[] {List.of(Map.of("summary", "x".repeat(4001))), "bottlenecks[0].summary"});
    refusals.add(new Object[] {Arrays.asList(oneGood.get(0), null), "bottlenecks[1]"});
    refusals.add(
        new Object[] {
          List.of(Map.of("summary", "Có", "resolver", "CAT")), "bottlenecks[0].resolver"
        });
    refusals.add(new Object[] {"Thiếu kinh phí", "bottlenecks"});
    refusals.add(
        new Object[] {
          java.util.Collections.nCopies(21, Map.of("summary", "Lặp lại")), "bottlenecks"
        });
    for (Object[] refusal : refusals) {
      Map<String, Object> body = withDifficulties("Khó khăn");
      body.put("bottlenecks", refusal[0]);
      problem(
          as(Demo.JUSTICE_OFFICER).post("api/v1/tasks/" + code + "/reports", body),
          400,
          (String) refusal[1]);
      // no report, no bottleneck, no timeline entry, and the report step still waits
      assertThat(ofTask(Demo.SUPERVISOR, code)).as("after %s", refusal[1]).isEmpty();
      JsonNode after = task(code);
      assertThat(after.get("timeline"))
          .as("after %s", refusal[1])
          .isEqualTo(before.get("timeline"));
      assertThat(after.get("currentSteps")).isEqualTo(before.get("currentSteps"));
      assertThat(after.get("version")).isEqualTo(before.get("version"));
    }

    // the same task takes a valid report with a bottleneck for a unit given by code
    Map<String, Object> valid = withDifficulties("Khó khăn");
    valid.put("bottlenecks", List.of(Map.of("summary", tag("Hợp lệ"), "resolverUnit", "STC")));
    submit(Demo.JUSTICE_OFFICER, code, valid);
    assertThat(ofTask(Demo.SUPERVISOR, code))
        .singleElement()
        .satisfies(b -> assertThat(b.get("resolver").asText()).isEqualTo("STC"));
  }

  // -------------------------------------------------------------------------------------- helpers

  private record Refusal(String action, Object body, int status, String field) {}

  private static String tag(String text) {
    return text + " " + RUN + "-" + SERIAL.incrementAndGet();
  }

  private static Map<String, Object> withDifficulties(String difficulties) {
    Map<String, Object> body = report("IN_PROGRESS", 40, "Đang triển khai");
    body.put("difficulties", difficulties);
    return body;
  }

  /** Submits the report as the officer and returns its id. */
  private long submit(String officer, String code, Map<String, Object> body) {
    ApiClient.Reply reply = as(officer).post("api/v1/tasks/" + code + "/reports", body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().get("id").asLong();
  }

  private JsonNode task(String code) {
    return as(Demo.SUPERVISOR).get("api/v1/tasks/" + code).json();
  }

  private JsonNode ofTask(String member, String code) {
    ApiClient.Reply reply = as(member).get(tasksPath(code) + "?size=200");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json().get("items");
  }

  private JsonNode bottleneck(long id) {
    return as(Demo.SUPERVISOR).get(BOTTLENECKS + "/" + id).json();
  }

  private static JsonNode list(ApiClient client, String query) {
    ApiClient.Reply reply = client.get(BOTTLENECKS + query);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  /** A member the admin creates, with the demo password. */
  private String member(String prefix, String unit, String committee, String... roles) {
    String username =
        (prefix + "-" + RUN + "-" + SERIAL.incrementAndGet()).toLowerCase(Locale.ROOT);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", username);
    body.put("fullName", "Cán bộ " + username);
    body.put("unit", unit);
    body.put("committee", committee);
    body.put("roles", List.of(roles));
    body.put("password", Demo.PASSWORD);
    ApiClient.Reply created = as(Demo.ADMIN).post("api/v1/members", body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return username;
  }

  /** A commune committee the admin creates, with Bao Yen as standing agency; returns its code. */
  private String committee(List<String> leaders) {
    String code = ("BCD-" + RUN + "-" + SERIAL.incrementAndGet()).toUpperCase(Locale.ROOT);
    ApiClient.Reply created =
        as(Demo.ADMIN)
            .post(
                "api/v1/committees",
                Map.of(
                    "code",
                    code,
                    "name",
                    "Ban chỉ đạo " + code,
                    "level",
                    "COMMUNE",
                    "standingAgency",
                    "BAOYEN",
                    "leaders",
                    leaders));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return code;
  }

  /** The task's last timeline entry with the action. */
  private static JsonNode last(JsonNode task, String action) {
    JsonNode found = null;
    for (JsonNode e : task.get("timeline")) {
      if (e.get("action").asText().equals(action)) {
        found = e;
      }
    }
    assertThat(found).as(action + " in " + task.get("timeline")).isNotNull();
    return found;
  }

  /** A unit the admin creates and deactivates at once: it resolves nothing. */
  private String inactiveUnit() {
    String code = ("DV-" + RUN + "-" + SERIAL.incrementAndGet()).toUpperCase(Locale.ROOT);
    ApiClient.Reply created =
        as(Demo.ADMIN)
            .post(
                "api/v1/units", Map.of("code", code, "name", "Đơn vị " + code, "kind", "COMMUNE"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    ApiClient.Reply deactivated = as(Demo.ADMIN).post("api/v1/units/" + code + "/deactivate", "");
    assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
    return code;
  }

  private static String tasksPath(String code) {
    return "api/v1/tasks/" + code + "/bottlenecks";
  }

  private static String path(long id, String action) {
    return BOTTLENECKS + "/" + id + "/" + action;
  }

  private static List<Long> ids(JsonNode page) {
    JsonNode items = page.has("items") ? page.get("items") : page;
    List<Long> ids = new ArrayList<>();
    items.forEach(i -> ids.add(i.get("id").asLong()));
    return ids;
  }

  private static long id(JsonNode bottleneck) {
    return bottleneck.get("id").asLong();
  }

  private static long version(JsonNode bottleneck) {
    return bottleneck.get("version").asLong();
  }

  private static Instant instant(JsonNode node) {
    return java.time.OffsetDateTime.parse(node.asText()).toInstant();
  }

  private static Map<String, Object> stateChange(Object state, String answer, long version) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("state", state);
    if (answer != null) {
      body.put("answer", answer);
    }
    body.put("version", version);
    return body;
  }

  private static Map<String, Object> inHand(long version) {
    return stateChange("IN_HAND", null, version);
  }

  private static Map<String, Object> resolve(String answer, long version) {
    return stateChange("RESOLVED", answer, version);
  }

  private static Map<String, Object> resolver(String resolver, long version) {
    return Map.of("resolver", resolver, "version", version);
  }

  /** A problem+json of the status, naming the fields, with a human detail and no stack trace. */
  private static JsonNode problem(ApiClient.Reply reply, int status, String... fields) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
    JsonNode problem = reply.json();
    assertThat(problem.path("detail").asText()).as(reply.toString()).isNotBlank();
    if (fields.length > 0) {
      List<String> named = new ArrayList<>();
      problem.path("errors").forEach(e -> named.add(e.get("field").asText()));
      assertThat(named).as(reply.toString()).contains(fields);
    }
    return problem;
  }
}
