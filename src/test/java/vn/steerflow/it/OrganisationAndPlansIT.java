package vn.steerflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * The organisation (units, committees, members) and plans over HTTP on the real server: admins keep
 * the organisation, committees issue plans, and task listings filter, sort and page what each
 * caller may see. The database is shared with the other integration tests and with earlier runs, so
 * every unit, member, plan and task here carries this run's unique tag and the listings are
 * narrowed to them.
 */
@RunAsClient
class OrganisationAndPlansIT extends DeployedSteerflow {

  private static final String PROVINCE = "UBND-LC";

  /** Initial password of the members this test creates. */
  private static final String PASSWORD = "Mat-khau-du-dai-2026";

  /** Unique per run: codes, usernames and titles carry it. */
  private static final String RUN =
      Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);

  private static final AtomicInteger SERIAL = new AtomicInteger();

  // --- units -------------------------------------------------------------------------------------

  @Test
  void aUnitMovedUnderAnotherParentKeepsItsTasksAndAStaleVersionIsRefused() {
    String moved = createUnit("MV", PROVINCE);
    String newParent = createUnit("NP", PROVINCE);
    String led = assign(task(moved, inDays(10), "Di chuyển đơn vị"));
    String coordinated = assign(withCoordinating(task(newParent, inDays(12), "Phối hợp"), moved));
    JsonNode before = tasks(as(Demo.SUPERVISOR), "unit=" + moved);
    assertThat(codes(before)).containsExactly(led, coordinated);

    JsonNode unit = as(Demo.ADMIN).get("api/v1/units/" + moved).json();
    ApiClient.Reply move =
        as(Demo.ADMIN)
            .put(
                "api/v1/units/" + moved,
                unitChange(unit.get("name").asText(), newParent, unit.get("version").asLong()));
    assertThat(move.status()).as(move.toString()).isEqualTo(200);
    assertThat(move.json().get("parent").asText()).isEqualTo(newParent);
    assertThat(move.json().get("version").asLong()).isGreaterThan(unit.get("version").asLong());
    assertThat(as(Demo.ADMIN).get("api/v1/units/" + moved).json()).isEqualTo(move.json());
    assertThat(tasks(as(Demo.SUPERVISOR), "unit=" + moved)).isEqualTo(before);
    assertThat(
            as(Demo.SUPERVISOR)
                .get("api/v1/tasks/" + led)
                .json()
                .get("leadUnit")
                .get("code")
                .asText())
        .isEqualTo(moved);

    long version = move.json().get("version").asLong();
    ApiClient.Reply renamed =
        as(Demo.ADMIN)
            .put("api/v1/units/" + moved, unitChange("Đơn vị đã đổi tên", newParent, version));
    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    assertThat(renamed.json().get("name").asText()).isEqualTo("Đơn vị đã đổi tên");
    assertThat(codes(tasks(as(Demo.SUPERVISOR), "unit=" + moved)))
        .containsExactly(led, coordinated);

    // A change sent against the version read before the rename: someone else changed it first.
    ApiClient.Reply stale =
        as(Demo.ADMIN).put("api/v1/units/" + moved, unitChange("Tên khác", PROVINCE, version));
    assertProblem(stale, 409);
    assertThat(as(Demo.ADMIN).get("api/v1/units/" + moved).json()).isEqualTo(renamed.json());
  }

  @Test
  void aUnitCannotMoveUnderItselfOrItsDescendant() {
    String top = createUnit("TOP", PROVINCE);
    String child = createUnit("CHD", top);
    JsonNode unit = as(Demo.ADMIN).get("api/v1/units/" + top).json();

    ApiClient.Reply underChild =
        as(Demo.ADMIN)
            .put(
                "api/v1/units/" + top, unitChange("Vòng lặp", child, unit.get("version").asLong()));
    assertProblem(underChild, 400, "parent");
    ApiClient.Reply underItself =
        as(Demo.ADMIN)
            .put("api/v1/units/" + top, unitChange("Vòng lặp", top, unit.get("version").asLong()));
    assertProblem(underItself, 400, "parent");

    assertThat(as(Demo.ADMIN).get("api/v1/units/" + top).json()).isEqualTo(unit);
    assertThat(as(Demo.ADMIN).get("api/v1/units/" + child).json().get("parent").asText())
        .isEqualTo(top);
  }

  @Test
  void aMergedUnitKeepsItsFinishedTasksNamesItsSuccessorAndHandsOverItsChildrenAndOpenWork() {
    String merged = createUnit("MG", PROVINCE);
    String child = createUnit("MGC", merged);
    String successor = createUnit("SC", PROVINCE);
    ApiClient mergedOfficer =
        ApiClient.as(base(), createMember("mo", merged, null, "OFFICER"), PASSWORD);
    ApiClient successorOfficer =
        ApiClient.as(base(), createMember("so", successor, null, "OFFICER"), PASSWORD);
    String finished = assign(task(merged, inDays(15), "Sáp nhập"));
    report(mergedOfficer, finished);
    String open = assign(task(merged, inDays(15), "Đang làm"));
    String coordinated =
        assign(withCoordinating(task(Demo.JUSTICE, inDays(15), "Phối hợp"), merged));
    JsonNode before = tasks(as(Demo.SUPERVISOR), "unit=" + merged + "&outcome=ON_TIME");

    ApiClient.Reply merge =
        as(Demo.ADMIN).post("api/v1/units/" + merged + "/merge-into/" + successor, "");
    assertThat(merge.status()).as(merge.toString()).isEqualTo(200);
    assertThat(merge.json().get("active").asBoolean()).isFalse();
    assertThat(merge.json().get("successor").asText()).isEqualTo(successor);
    assertThat(as(Demo.JUSTICE_OFFICER).get("api/v1/units/" + child).json().get("parent").asText())
        .isEqualTo(successor);

    // Its history stays with it: its finished task lists under it as before and still names it.
    assertThat(codes(tasks(as(Demo.SUPERVISOR), "unit=" + merged))).containsExactly(finished);
    assertThat(tasks(as(Demo.SUPERVISOR), "unit=" + merged + "&outcome=ON_TIME")).isEqualTo(before);
    assertThat(leadUnitOf(finished)).isEqualTo(merged);

    // Its open work passes to the successor, whose officers carry it on.
    assertThat(leadUnitOf(open)).isEqualTo(successor);
    assertThat(TaskCycleIT.timeline(as(Demo.SUPERVISOR).get("api/v1/tasks/" + open).json()))
        .anyMatch(e -> e.startsWith("REASSIGNED by admin"));
    assertThat(
            as(Demo.SUPERVISOR)
                .get("api/v1/tasks/" + coordinated)
                .json()
                .get("coordinatingUnits")
                .toString())
        .contains(successor)
        .doesNotContain("\"" + merged + "\"");
    assertProblem(mergedOfficer.get("api/v1/tasks/" + open), 404);
    report(successorOfficer, open);
    assertThat(as(Demo.SUPERVISOR).get("api/v1/tasks/" + open).json().get("outcome").asText())
        .isEqualTo("ON_TIME");
    ApiClient.Reply contributed =
        successorOfficer.post(
            "api/v1/tasks/" + coordinated + "/contributions",
            Map.of("text", "Đơn vị kế thừa đã phối hợp", "progress", 100));
    assertThat(contributed.status()).as(contributed.toString()).isEqualTo(201);

    // A merged unit takes no new tasks and is not merged twice; a unit does not merge into its own
    // child.
    assertProblem(
        as(Demo.SUPERVISOR).post("api/v1/tasks", task(merged, inDays(15), "Không nhận")),
        400,
        "leadUnit");
    assertProblem(
        as(Demo.ADMIN).post("api/v1/units/" + merged + "/merge-into/" + successor, ""), 409);
    String parent = createUnit("PA", PROVINCE);
    String grandChild = createUnit("PAC", parent);
    assertProblem(
        as(Demo.ADMIN).post("api/v1/units/" + parent + "/merge-into/" + grandChild, ""),
        400,
        "target");
    assertProblem(
        as(Demo.ADMIN).post("api/v1/units/" + parent + "/merge-into/NO-SUCH-UNIT-" + RUN, ""), 404);
    assertThat(as(Demo.ADMIN).get("api/v1/units/" + parent).json().get("active").asBoolean())
        .isTrue();
  }

  @Test
  void onlyAdminsChangeTheOrganisationWhichEveryMemberMayRead() {
    String unit = createUnit("RO", PROVINCE);
    JsonNode read = as(Demo.JUSTICE_OFFICER).get("api/v1/units/" + unit).json();
    long version = read.get("version").asLong();

    for (String member : List.of(Demo.SUPERVISOR, Demo.LEADER, Demo.JUSTICE_OFFICER)) {
      assertProblem(as(member).post("api/v1/units", unitRequest(tag("NO"), PROVINCE)), 403);
      assertProblem(
          as(member).put("api/v1/units/" + unit, unitChange("Không được", PROVINCE, version)), 403);
      assertProblem(as(member).post("api/v1/units/" + unit + "/merge-into/" + PROVINCE, ""), 403);
      assertProblem(as(member).post("api/v1/units/" + unit + "/deactivate", ""), 403);
      assertProblem(
          as(member)
              .post("api/v1/committees", committeeRequest(tag("NO"), Demo.JUSTICE, List.of())),
          403);
      assertProblem(
          as(member)
              .put(
                  "api/v1/committees/" + Demo.COMMITTEE,
                  Map.of(
                      "name", "x", "level", "PROVINCE", "standingAgency", "SKHCN", "version", 0)),
          403);
      assertProblem(
          as(member).post("api/v1/committees/" + Demo.COMMITTEE + "/deactivate", ""), 403);
      assertProblem(as(member).get("api/v1/members"), 403);
      assertProblem(as(member).get("api/v1/members/" + Demo.JUSTICE_OFFICER), 403);
      assertProblem(
          as(member)
              .post(
                  "api/v1/members",
                  memberRequest(tag("no").toLowerCase(Locale.ROOT), Demo.JUSTICE, null, "OFFICER")),
          403);
      assertProblem(as(member).put("api/v1/members/" + Demo.JUSTICE_OFFICER, Map.of()), 403);
      assertProblem(
          as(member).post("api/v1/members/" + Demo.JUSTICE_OFFICER + "/deactivate", ""), 403);
    }
    assertThat(as(Demo.JUSTICE_OFFICER).get("api/v1/units/" + unit).json()).isEqualTo(read);
    assertThat(as(Demo.JUSTICE_OFFICER).get("api/v1/units?active=true").json())
        .anyMatch(u -> u.get("code").asText().equals(unit));
    JsonNode committee = as(Demo.POLICE_OFFICER).get("api/v1/committees/" + Demo.COMMITTEE).json();
    assertThat(committee.get("standingAgency").asText()).isEqualTo("SKHCN");
    assertThat(committee.get("leaders")).extracting(JsonNode::asText).contains(Demo.LEADER);
    assertThat(as(Demo.POLICE_OFFICER).get("api/v1/committees").json())
        .anyMatch(c -> c.get("code").asText().equals(Demo.COMMITTEE));
    assertThat(as(Demo.ADMIN).get("api/v1/members/" + Demo.JUSTICE_OFFICER).json().get("roles"))
        .extracting(JsonNode::asText)
        .containsExactly("OFFICER");
  }

  @Test
  void aUnitWithActiveMembersOrChildrenIsNotDeactivatedButAnEmptyOneIs() {
    String parent = createUnit("DP", PROVINCE);
    String child = createUnit("DC", parent);
    assertProblem(as(Demo.ADMIN).post("api/v1/units/" + parent + "/deactivate", ""), 409);

    ApiClient.Reply deactivated = as(Demo.ADMIN).post("api/v1/units/" + child + "/deactivate", "");
    assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
    assertThat(deactivated.json().get("active").asBoolean()).isFalse();
    assertThat(as(Demo.ADMIN).get("api/v1/units?active=false").json())
        .anyMatch(u -> u.get("code").asText().equals(child));
    assertThat(as(Demo.ADMIN).post("api/v1/units/" + parent + "/deactivate", "").status())
        .isEqualTo(200);
  }

  // --- committees and members -------------------------------------------------------------------

  @Test
  void committeesAreKeptByAdminsAndTheMembersNamedLeadersGainTheRole() {
    String agency = createUnit("SA", PROVINCE);
    String leader = createMember("ld", agency, null, "OFFICER");
    String code = tag("BCD");

    ApiClient.Reply created =
        as(Demo.ADMIN).post("api/v1/committees", committeeRequest(code, agency, List.of(leader)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.location()).endsWith("/api/v1/committees/" + code);
    assertThat(created.json().get("leaders")).extracting(JsonNode::asText).containsExactly(leader);
    JsonNode member = as(Demo.ADMIN).get("api/v1/members/" + leader).json();
    assertThat(member.get("committee").asText()).isEqualTo(code);
    assertThat(member.get("roles"))
        .extracting(JsonNode::asText)
        .containsExactly("OFFICER", "LEADER");
    assertProblem(
        as(Demo.ADMIN).post("api/v1/committees", committeeRequest(code, agency, List.of())), 409);

    long version = as(Demo.ADMIN).get("api/v1/committees/" + code).json().get("version").asLong();
    Map<String, Object> change =
        committeeChange("Ban chỉ đạo xã (đổi tên)", agency, List.of(), version);
    ApiClient.Reply changed = as(Demo.ADMIN).put("api/v1/committees/" + code, change);
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().get("name").asText()).isEqualTo("Ban chỉ đạo xã (đổi tên)");
    assertThat(changed.json().get("leaders")).isEmpty();
    member = as(Demo.ADMIN).get("api/v1/members/" + leader).json();
    assertThat(member.get("roles")).extracting(JsonNode::asText).containsExactly("OFFICER");
    assertThat(member.get("committee").isNull()).isTrue();
    assertProblem(as(Demo.ADMIN).put("api/v1/committees/" + code, change), 409);

    ApiClient.Reply deactivated =
        as(Demo.ADMIN).post("api/v1/committees/" + code + "/deactivate", "");
    assertThat(deactivated.json().get("active").asBoolean()).isFalse();
    long finalVersion = deactivated.json().get("version").asLong();
    assertProblem(
        as(Demo.ADMIN)
            .put(
                "api/v1/committees/" + code,
                committeeChange("Không đổi", agency, null, finalVersion)),
        409);
    assertThat(as(Demo.ADMIN).get("api/v1/committees/" + code).json())
        .isEqualTo(deactivated.json());
  }

  @Test
  void aCommitteeChangeThatFailsPartWayLeavesNothingWritten() {
    String agency = createUnit("SB", PROVINCE);
    String officer = createMember("lo", agency, null, "OFFICER");
    String code = tag("BCD");
    // A member who only leads: dropping them from the leaders would leave them without a role.
    String onlyLeader = createMember("ll", agency, null, "OFFICER");
    assertThat(
            as(Demo.ADMIN)
                .post("api/v1/committees", committeeRequest(code, agency, List.of(onlyLeader)))
                .status())
        .isEqualTo(201);
    JsonNode leaderMember = as(Demo.ADMIN).get("api/v1/members/" + onlyLeader).json();
    ApiClient.Reply leaderOnly =
        as(Demo.ADMIN)
            .put(
                "api/v1/members/" + onlyLeader,
                memberChange(
                    "Chỉ lãnh đạo",
                    agency,
                    code,
                    List.of("LEADER"),
                    leaderMember.get("version").asLong()));
    assertThat(leaderOnly.status()).as(leaderOnly.toString()).isEqualTo(200);
    JsonNode committee = as(Demo.ADMIN).get("api/v1/committees/" + code).json();

    // Renames, appoints the officer, then finds the sole leader cannot stand down: all of it is
    // undone.
    ApiClient.Reply refused =
        as(Demo.ADMIN)
            .put(
                "api/v1/committees/" + code,
                committeeChange(
                    "Tên mới", agency, List.of(officer), committee.get("version").asLong()));
    assertProblem(refused, 400, "leaders");
    assertThat(as(Demo.ADMIN).get("api/v1/committees/" + code).json()).isEqualTo(committee);
    assertThat(as(Demo.ADMIN).get("api/v1/members/" + officer).json().get("roles"))
        .extracting(JsonNode::asText)
        .containsExactly("OFFICER");

    // A leader who serves another committee is refused, and the new committee is not half-created.
    String other = tag("BCD");
    assertProblem(
        as(Demo.ADMIN)
            .post(
                "api/v1/committees",
                committeeRequest(other, agency, List.of(officer, Demo.LEADER))),
        400,
        "leaders");
    assertProblem(as(Demo.ADMIN).get("api/v1/committees/" + other), 404);
    assertThat(as(Demo.ADMIN).get("api/v1/members/" + officer).json().get("committee").isNull())
        .isTrue();
  }

  @Test
  void membersAreCreatedChangedAndDeactivatedByAdminsAndLogInWithTheirPassword() {
    String unit = createUnit("MB", PROVINCE);
    String other = createUnit("MB", PROVINCE);
    String username = tag("cb").toLowerCase(Locale.ROOT);

    ApiClient.Reply created =
        as(Demo.ADMIN).post("api/v1/members", memberRequest(username, unit, null, "OFFICER"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.location()).endsWith("/api/v1/members/" + username);
    assertThat(created.body()).doesNotContainIgnoringCase("password").doesNotContain("pbkdf2");
    assertProblem(
        as(Demo.ADMIN).post("api/v1/members", memberRequest(username, unit, null, "OFFICER")), 409);
    ApiClient newMember = ApiClient.as(base(), username, PASSWORD);
    assertThat(newMember.get("api/v1/units/" + unit).status()).isEqualTo(200);
    assertThat(newMember.get("api/v1/members").status()).isEqualTo(403);

    long version = created.json().get("version").asLong();
    ApiClient.Reply changed =
        as(Demo.ADMIN)
            .put(
                "api/v1/members/" + username,
                memberChange(
                    "Cán bộ đã chuyển",
                    other,
                    Demo.COMMITTEE,
                    List.of("OFFICER", "SUPERVISOR"),
                    version));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.json().get("unit").asText()).isEqualTo(other);
    assertThat(changed.json().get("roles"))
        .extracting(JsonNode::asText)
        .containsExactly("OFFICER", "SUPERVISOR");
    assertProblem(
        as(Demo.ADMIN)
            .put(
                "api/v1/members/" + username,
                memberChange("Cũ", unit, null, List.of("OFFICER"), version)),
        409);
    assertThat(as(Demo.ADMIN).get("api/v1/members/" + username).json()).isEqualTo(changed.json());
    // As a supervisor of the demo committee the member now sees its plans.
    assertThat(newMember.get("api/v1/plans").json().get("total").asLong()).isPositive();

    JsonNode page = as(Demo.ADMIN).get("api/v1/members?size=200").json();
    assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(page.get("items").size());
    assertThat(page.get("size").asInt()).isEqualTo(200);

    ApiClient.Reply deactivated =
        as(Demo.ADMIN).post("api/v1/members/" + username + "/deactivate", "");
    assertThat(deactivated.json().get("active").asBoolean()).isFalse();
    assertThat(newMember.get("api/v1/units").status()).isEqualTo(401);
    assertProblem(as(Demo.ADMIN).post("api/v1/members/" + username + "/deactivate", ""), 409);
    assertProblem(as(Demo.ADMIN).post("api/v1/members/" + Demo.ADMIN + "/deactivate", ""), 409);
    JsonNode admin = as(Demo.ADMIN).get("api/v1/members/" + Demo.ADMIN).json();
    assertProblem(
        as(Demo.ADMIN)
            .put(
                "api/v1/members/" + Demo.ADMIN,
                memberChange(
                    "Quản trị", PROVINCE, null, List.of("OFFICER"), admin.get("version").asLong())),
        400,
        "roles");
    assertThat(as(Demo.ADMIN).get("api/v1/members/" + Demo.ADMIN).json()).isEqualTo(admin);
  }

  // --- plans -------------------------------------------------------------------------------------

  @Test
  void aCommitteeIssuesAPlanFromADirectiveAndItsTasksBelongToIt() {
    String unit = createUnit("PL", PROVINCE);
    String officer = createMember("pl", unit, null, "OFFICER");
    String code = tag("KH");

    ApiClient.Reply created = as(Demo.SUPERVISOR).post("api/v1/plans", planRequest(code));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    assertThat(created.location()).endsWith("/api/v1/plans/" + id);
    assertThat(created.json().get("directive").get("number").asText()).isEqualTo("12/KH-BCĐ");
    assertThat(created.json().get("directive").get("date").asText()).isEqualTo("2026-01-15");
    assertThat(created.json().get("committee").asText()).isEqualTo(Demo.COMMITTEE);
    assertProblem(as(Demo.LEADER).post("api/v1/plans", planRequest(code)), 409);

    String byCode = assign(inPlan(task(unit, inDays(20), "Theo kế hoạch"), code));
    String byId = assign(inPlan(task(unit, inDays(25), "Theo kế hoạch"), String.valueOf(id)));
    assertThat(as(Demo.SUPERVISOR).get("api/v1/tasks/" + byId).json().get("plan").asText())
        .isEqualTo(code);
    assertThat(codes(tasks(as(Demo.SUPERVISOR), "plan=" + id))).containsExactly(byCode, byId);

    JsonNode plan = as(Demo.LEADER).get("api/v1/plans/" + code).json();
    assertThat(plan.get("id").asLong()).isEqualTo(id);
    assertThat(plan.get("tasks").asLong()).isEqualTo(2);
    assertThat(as(Demo.LEADER).get("api/v1/plans/" + id).json()).isEqualTo(plan);
    // Officers read the plans their unit has tasks in, and no others.
    assertThat(
            ApiClient.as(base(), officer, PASSWORD)
                .get("api/v1/plans/" + id)
                .json()
                .get("tasks")
                .asLong())
        .isEqualTo(2);
    assertThat(codesOf(ApiClient.as(base(), officer, PASSWORD).get("api/v1/plans").json()))
        .containsExactly(code);
    assertProblem(as(Demo.POLICE_OFFICER).get("api/v1/plans/" + id), 404);
    assertProblem(as(Demo.POLICE_OFFICER).get("api/v1/plans/NO-SUCH-PLAN"), 404);

    // Only the committee's supervisors and leaders issue its plans.
    assertProblem(as(Demo.ADMIN).post("api/v1/plans", planRequest(tag("KH"))), 403);
    assertProblem(as(Demo.JUSTICE_OFFICER).post("api/v1/plans", planRequest(tag("KH"))), 403);

    // The demo plans are there, issued by the demo committee.
    int year = LocalDate.now(ZoneOffset.ofHours(7)).getYear();
    assertThat(codesOf(as(Demo.SUPERVISOR).get("api/v1/plans?size=200").json()))
        .contains("KH-DA06-" + year, "KH-CDS-" + year);
    assertThat(as(Demo.SUPERVISOR).get("api/v1/plans/KH-DA06-" + year).json().get("tasks").asLong())
        .isEqualTo(3);
  }

  // --- task search -------------------------------------------------------------------------------

  @Test
  void taskListingsFilterSortAndPageWhatTheCallerMaySee() {
    String first = createUnit("SA", PROVINCE);
    String second = createUnit("SB", PROVINCE);
    String officer = createMember("so", first, null, "OFFICER");
    ApiClient firstOfficer = ApiClient.as(base(), officer, PASSWORD);
    String plan = tag("KH");
    assertThat(as(Demo.SUPERVISOR).post("api/v1/plans", planRequest(plan)).status()).isEqualTo(201);
    String word = tag("tk").toLowerCase(Locale.ROOT);
    OffsetDateTime soon = inDays(5);

    // Assigned in this order; the letters sort the titles.
    String a = assign(inPlan(task(first, inDays(10), word + " Alpha"), plan));
    String b = assign(inPlan(withCoordinating(task(second, soon, word + " Bravo"), first), plan));
    String c = assign(inPlan(task(second, soon, word + " Charlie"), plan));
    OffsetDateTime later = inDays(20);
    Map<String, Object> outsidePlan = task(second, later, word + " Delta");
    outsidePlan.put("content", "Nhiệm vụ ĐẶC BIỆT " + word.toUpperCase(Locale.ROOT));
    String d = assign(outsidePlan);
    String f = assign(inPlan(task(first, inDays(30), word + " Foxtrot"), plan));
    // f ends on time.
    report(firstOfficer, f);
    // e and g pass their deadlines within seconds (the engine marks them overdue); then g ends
    // late.
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    String e = assign(inPlan(task(first, now.plusSeconds(6), word + " Echo"), plan));
    String g = assign(inPlan(task(first, now.plusSeconds(7), word + " Golf"), plan));
    for (String overdue : List.of(e, g)) {
      await(
          () -> as(Demo.SUPERVISOR).get("api/v1/tasks/" + overdue).json(),
          t -> TaskCycleIT.timeline(t).contains("OVERDUE by system"),
          Duration.ofSeconds(90),
          "the deadline timer of " + overdue);
    }
    report(firstOfficer, g);

    ApiClient supervisor = as(Demo.SUPERVISOR);
    String inPlan = "plan=" + plan;
    assertThat(codes(tasks(supervisor, inPlan))).containsExactly(e, g, b, c, a, f);
    assertThat(codes(tasks(supervisor, inPlan + "&sort=deadline&dir=desc")))
        .containsExactly(f, a, c, b, g, e);
    assertThat(codes(tasks(supervisor, inPlan + "&sort=title"))).containsExactly(a, b, c, e, f, g);
    assertThat(codes(tasks(supervisor, inPlan + "&sort=title&dir=desc")))
        .containsExactly(g, f, e, c, b, a);
    assertThat(codes(tasks(supervisor, inPlan + "&sort=createdAt")))
        .containsExactly(a, b, c, f, e, g);
    List<String> byCode = new ArrayList<>(List.of(a, b, c, e, g, f));
    byCode.sort(Comparator.naturalOrder());
    assertThat(codes(tasks(supervisor, inPlan + "&sort=code"))).isEqualTo(byCode);

    // Pages: the total counts every match; pages neither overlap nor skip.
    JsonNode page0 = tasks(supervisor, inPlan + "&size=2");
    assertThat(codes(page0)).containsExactly(e, g);
    assertThat(page0.get("total").asLong()).isEqualTo(6);
    assertThat(page0.get("page").asInt()).isZero();
    assertThat(page0.get("size").asInt()).isEqualTo(2);
    assertThat(codes(tasks(supervisor, inPlan + "&size=2&page=1"))).containsExactly(b, c);
    assertThat(codes(tasks(supervisor, inPlan + "&size=2&page=2"))).containsExactly(a, f);
    JsonNode beyond = tasks(supervisor, inPlan + "&size=2&page=3");
    assertThat(codes(beyond)).isEmpty();
    assertThat(beyond.get("total").asLong()).isEqualTo(6);

    // Outcomes, derived from status, deadline and completion.
    assertThat(codes(tasks(supervisor, inPlan + "&outcome=OVERDUE"))).containsExactly(e);
    assertThat(codes(tasks(supervisor, inPlan + "&overdue=true"))).containsExactly(e);
    assertThat(codes(tasks(supervisor, inPlan + "&overdue=false"))).containsExactly(g, b, c, a, f);
    assertThat(codes(tasks(supervisor, inPlan + "&outcome=LATE"))).containsExactly(g);
    assertThat(codes(tasks(supervisor, inPlan + "&outcome=ON_TIME"))).containsExactly(f);
    assertThat(codes(tasks(supervisor, inPlan + "&outcome=ON_TIME,LATE"))).containsExactly(g, f);
    assertThat(codes(tasks(supervisor, inPlan + "&outcome=IN_PROGRESS&outcome=OVERDUE")))
        .containsExactly(e, b, c, a);
    assertThat(codes(tasks(supervisor, inPlan + "&outcome=CANCELLED"))).isEmpty();
    JsonNode late = tasks(supervisor, inPlan + "&outcome=LATE").get("items").get(0);
    assertThat(late.get("outcome").asText()).isEqualTo("LATE");
    assertThat(late.get("completedAt").isNull()).isFalse();

    // Units: the tasks a unit leads or coordinates.
    assertThat(codes(tasks(supervisor, "unit=" + first))).containsExactly(e, g, b, a, f);
    assertThat(codes(tasks(supervisor, "unit=" + second))).containsExactly(b, c, d);
    assertThat(
            codes(tasks(supervisor, "unit=" + second + "&plan=" + plan + "&sort=title&dir=desc")))
        .containsExactly(c, b);

    // Deadlines, inclusive at both ends; ISO-8601 with offset.
    String from = enc(soon.toString());
    assertThat(
            codes(
                tasks(
                    supervisor,
                    "unit="
                        + second
                        + "&deadlineFrom="
                        + from
                        + "&deadlineTo="
                        + enc(later.minusSeconds(1).toString()))))
        .containsExactly(b, c);
    assertThat(codes(tasks(supervisor, "unit=" + second + "&deadlineTo=" + from)))
        .containsExactly(b, c);
    assertThat(
            codes(
                tasks(
                    supervisor,
                    "unit=" + second + "&deadlineFrom=" + enc(soon.plusSeconds(1).toString()))))
        .containsExactly(d);

    // Text, in title or content, case-insensitive; wildcards are plain characters.
    assertThat(tasks(supervisor, "q=" + enc(word.toUpperCase(Locale.ROOT))).get("total").asLong())
        .isEqualTo(7);
    assertThat(codes(tasks(supervisor, "q=" + enc(word + " alp")))).containsExactly(a);
    assertThat(codes(tasks(supervisor, "q=" + enc("đặc biệt " + word)))).containsExactly(d);
    assertThat(tasks(supervisor, inPlan + "&q=" + enc("%")).get("total").asLong()).isZero();

    // Each caller sees only what they may: the new unit's officer its unit's tasks, others none of
    // them.
    JsonNode own = tasks(firstOfficer, "");
    assertThat(codes(own)).containsExactly(e, g, b, a, f);
    assertThat(own.get("total").asLong()).isEqualTo(5);
    assertThat(codes(tasks(firstOfficer, "unit=" + second))).containsExactly(b);
    // a plan the officer may not read is answered as one that does not exist
    assertProblem(as(Demo.POLICE_OFFICER).get("api/v1/tasks?" + inPlan), 400, "plan");
    assertThat(tasks(as(Demo.ADMIN), "q=" + word).get("total").asLong()).isZero();
    assertThat(as(Demo.SUPERVISOR).get("api/v1/plans/" + plan).json().get("tasks").asLong())
        .isEqualTo(6);
    assertThat(firstOfficer.get("api/v1/plans/" + plan).json().get("tasks").asLong()).isEqualTo(5);
  }

  // --- bad input ---------------------------------------------------------------------------------

  @Test
  void badInputIsAnsweredWithProblemJsonNamingTheFieldsAndChangesNothing() {
    String unit = createUnit("BI", PROVINCE);
    JsonNode unitBefore = as(Demo.ADMIN).get("api/v1/units/" + unit).json();
    long unitVersion = unitBefore.get("version").asLong();

    // units
    String newCode = tag("BI");
    Map<String, Object> badUnit = new LinkedHashMap<>();
    badUnit.put("code", "lower case");
    badUnit.put("name", " ");
    badUnit.put("kind", "DEPARTMENT");
    assertProblem(as(Demo.ADMIN).post("api/v1/units", badUnit), 400, "code", "name");
    assertProblem(
        as(Demo.ADMIN)
            .post("api/v1/units", Map.of("code", newCode, "name", "Tên", "kind", "REGION")),
        400,
        "kind");
    assertProblem(
        as(Demo.ADMIN)
            .post(
                "api/v1/units",
                Map.of("code", newCode, "name", "Tên", "kind", "DEPARTMENT", "colour", "red")),
        400,
        "colour");
    assertProblem(
        as(Demo.ADMIN).post("api/v1/units", unitRequest(newCode, "NO-SUCH-UNIT")), 400, "parent");
    assertProblem(as(Demo.ADMIN).post("api/v1/units", "not json"), 400);
    assertProblem(as(Demo.ADMIN).post("api/v1/units", unitRequest(unit, PROVINCE)), 409);
    assertProblem(as(Demo.ADMIN).get("api/v1/units/" + newCode), 404);
    assertProblem(
        as(Demo.ADMIN).put("api/v1/units/" + unit, Map.of("name", "")), 400, "name", "version");
    assertProblem(
        as(Demo.ADMIN).put("api/v1/units/" + unit, unitChange("Tên", "NO-SUCH-UNIT", unitVersion)),
        400,
        "parent");
    assertProblem(
        as(Demo.ADMIN).put("api/v1/units/" + newCode, unitChange("Tên", PROVINCE, 0)), 404);
    assertProblem(as(Demo.ADMIN).post("api/v1/units/" + newCode + "/merge-into/" + unit, ""), 404);
    assertProblem(as(Demo.ADMIN).post("api/v1/units/" + newCode + "/deactivate", ""), 404);
    assertProblem(as(Demo.ADMIN).get("api/v1/units?active=maybe"), 400, "active");
    assertThat(as(Demo.ADMIN).get("api/v1/units/" + unit).json()).isEqualTo(unitBefore);

    // committees
    String committee = tag("BCD");
    Map<String, Object> badCommittee =
        committeeRequest(committee, "NO-SUCH-UNIT", List.of("no-such-member"));
    badCommittee.put("level", "REGIONAL");
    assertProblem(as(Demo.ADMIN).post("api/v1/committees", badCommittee), 400, "level");
    assertProblem(
        as(Demo.ADMIN)
            .post(
                "api/v1/committees",
                committeeRequest(committee, "NO-SUCH-UNIT", List.of("no-such-member"))),
        400,
        "standingAgency",
        "leaders");
    assertProblem(
        as(Demo.ADMIN).post("api/v1/committees", Map.of("code", committee)),
        400,
        "name",
        "level",
        "standingAgency");
    assertProblem(as(Demo.ADMIN).get("api/v1/committees/" + committee), 404);
    JsonNode demoCommittee = as(Demo.ADMIN).get("api/v1/committees/" + Demo.COMMITTEE).json();
    assertProblem(
        as(Demo.ADMIN)
            .put(
                "api/v1/committees/" + Demo.COMMITTEE,
                committeeChange(
                    "Tên", "NO-SUCH-UNIT", null, demoCommittee.get("version").asLong())),
        400,
        "standingAgency");
    assertProblem(
        as(Demo.ADMIN).put("api/v1/committees/" + Demo.COMMITTEE, Map.of("name", "Tên")),
        400,
        "level",
        "standingAgency",
        "version");
    assertProblem(
        as(Demo.ADMIN).put("api/v1/committees/" + committee, committeeChange("Tên", unit, null, 0)),
        404);
    assertProblem(as(Demo.ADMIN).post("api/v1/committees/" + committee + "/deactivate", ""), 404);
    assertThat(as(Demo.ADMIN).get("api/v1/committees/" + Demo.COMMITTEE).json())
        .isEqualTo(demoCommittee);

    // members
    String username = tag("bi").toLowerCase(Locale.ROOT);
    Map<String, Object> shortPassword = memberRequest(username, unit, null, "OFFICER");
    shortPassword.put("password", "short-11chr");
    assertProblem(as(Demo.ADMIN).post("api/v1/members", shortPassword), 400, "password");
    assertProblem(
        as(Demo.ADMIN)
            .post("api/v1/members", memberRequest("Not Valid!", "NO-SUCH-UNIT", null, "OFFICER")),
        400,
        "username");
    assertProblem(
        as(Demo.ADMIN)
            .post(
                "api/v1/members",
                memberRequest(username, "NO-SUCH-UNIT", "NO-SUCH-COMMITTEE", "OFFICER")),
        400,
        "unit",
        "committee");
    assertProblem(
        as(Demo.ADMIN).post("api/v1/members", memberRequest(username, unit, null, "SUPERVISOR")),
        400,
        "roles");
    assertProblem(
        as(Demo.ADMIN).post("api/v1/members", memberRequest(username, unit, null, "MAYOR")), 400);
    Map<String, Object> noRoles = memberRequest(username, unit, null);
    assertProblem(as(Demo.ADMIN).post("api/v1/members", noRoles), 400, "roles");
    assertProblem(as(Demo.ADMIN).get("api/v1/members/" + username), 404);
    assertThat(ApiClient.as(base(), username, PASSWORD).get("api/v1/units").status())
        .isEqualTo(401);
    JsonNode justice = as(Demo.ADMIN).get("api/v1/members/" + Demo.JUSTICE_OFFICER).json();
    long justiceVersion = justice.get("version").asLong();
    assertProblem(
        as(Demo.ADMIN)
            .put(
                "api/v1/members/" + Demo.JUSTICE_OFFICER,
                memberChange("Tên", "NO-SUCH-UNIT", null, List.of("OFFICER"), justiceVersion)),
        400,
        "unit");
    assertProblem(
        as(Demo.ADMIN)
            .put(
                "api/v1/members/" + Demo.JUSTICE_OFFICER,
                memberChange("Tên", Demo.JUSTICE, null, List.of("LEADER"), justiceVersion)),
        400,
        "roles");
    Map<String, Object> weakPassword =
        memberChange("Tên", Demo.JUSTICE, null, List.of("OFFICER"), justiceVersion);
    weakPassword.put("password", "123");
    assertProblem(
        as(Demo.ADMIN).put("api/v1/members/" + Demo.JUSTICE_OFFICER, weakPassword),
        400,
        "password");
    assertProblem(
        as(Demo.ADMIN)
            .put(
                "api/v1/members/" + username,
                memberChange("Tên", unit, null, List.of("OFFICER"), 0)),
        404);
    assertProblem(as(Demo.ADMIN).post("api/v1/members/" + username + "/deactivate", ""), 404);
    assertProblem(as(Demo.ADMIN).get("api/v1/members?size=201&page=x"), 400, "size", "page");
    assertThat(as(Demo.ADMIN).get("api/v1/members/" + Demo.JUSTICE_OFFICER).json())
        .isEqualTo(justice);

    // plans
    String plan = tag("KH");
    Map<String, Object> badPlan = planRequest(plan);
    badPlan.put("periodStart", "2026-12-31");
    badPlan.put("periodEnd", "2026-01-01");
    assertProblem(as(Demo.SUPERVISOR).post("api/v1/plans", badPlan), 400, "periodEnd");
    Map<String, Object> noDirective = planRequest(plan);
    noDirective.remove("directive");
    assertProblem(as(Demo.SUPERVISOR).post("api/v1/plans", noDirective), 400, "directive");
    Map<String, Object> badDirective = planRequest(plan);
    badDirective.put("directive", Map.of("number", "", "title", "Tiêu đề"));
    assertProblem(
        as(Demo.SUPERVISOR).post("api/v1/plans", badDirective),
        400,
        "directive.date",
        "directive.number");
    Map<String, Object> badDate = planRequest(plan);
    badDate.put("directive", Map.of("number", "1/KH", "date", "15/01/2026", "title", "Tiêu đề"));
    assertProblem(as(Demo.SUPERVISOR).post("api/v1/plans", badDate), 400, "directive.date");
    Map<String, Object> unknownCommittee = planRequest(plan);
    unknownCommittee.put("committee", "NO-SUCH-COMMITTEE");
    assertProblem(as(Demo.SUPERVISOR).post("api/v1/plans", unknownCommittee), 400, "committee");
    Map<String, Object> numericCode = planRequest("2026");
    assertProblem(as(Demo.SUPERVISOR).post("api/v1/plans", numericCode), 400, "code");
    assertProblem(as(Demo.SUPERVISOR).get("api/v1/plans/" + plan), 404);
    assertProblem(as(Demo.SUPERVISOR).get("api/v1/plans?page=-1"), 400, "page");

    // tasks: an unknown plan refuses the assignment, and writes nothing
    String title = tag("bi") + " không có kế hoạch";
    assertProblem(
        as(Demo.SUPERVISOR)
            .post("api/v1/tasks", inPlan(task(unit, inDays(9), title), "NO-SUCH-PLAN")),
        400,
        "plan");
    assertThat(tasks(as(Demo.SUPERVISOR), "q=" + enc(title)).get("total").asLong()).isZero();
    assertProblem(
        as(Demo.SUPERVISOR)
            .get(
                "api/v1/tasks?size=201&sort=priority&dir=up&outcome=SOON&overdue=yes&deadlineFrom=tomorrow"),
        400,
        "size",
        "sort",
        "dir",
        "outcome",
        "overdue",
        "deadlineFrom");
    assertProblem(as(Demo.SUPERVISOR).get("api/v1/tasks?plan=NO-SUCH-PLAN"), 400, "plan");
    assertProblem(as(Demo.SUPERVISOR).get("api/v1/tasks?unit=NO-SUCH-UNIT"), 400, "unit");
  }

  @Test
  void theServedOpenApiDocumentDescribesTheOrganisationPlansAndTaskListings() {
    ApiClient.Reply openApi = ApiClient.anonymous(base()).get("/openapi");
    assertThat(openApi.status()).isEqualTo(200);
    assertThat(openApi.body())
        .contains(
            "/units/{code}/merge-into/{target}",
            "/committees/{code}",
            "/members/{username}/deactivate",
            "/plans/{id}",
            "deadlineFrom");
  }

  // --- helpers -----------------------------------------------------------------------------------

  /** A code unique to this run: prefix, run, serial. */
  private static String tag(String prefix) {
    return prefix + "-" + RUN + "-" + SERIAL.incrementAndGet();
  }

  private String leadUnitOf(String task) {
    return as(Demo.SUPERVISOR)
        .get("api/v1/tasks/" + task)
        .json()
        .get("leadUnit")
        .get("code")
        .asText();
  }

  private String createUnit(String prefix, String parent) {
    String code = tag(prefix);
    ApiClient.Reply reply = as(Demo.ADMIN).post("api/v1/units", unitRequest(code, parent));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    assertThat(reply.location()).endsWith("/api/v1/units/" + code);
    return code;
  }

  private String createMember(String prefix, String unit, String committee, String... roles) {
    String username = tag(prefix).toLowerCase(Locale.ROOT);
    ApiClient.Reply reply =
        as(Demo.ADMIN).post("api/v1/members", memberRequest(username, unit, committee, roles));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return username;
  }

  private String assign(Map<String, Object> body) {
    ApiClient.Reply reply = as(Demo.SUPERVISOR).post("api/v1/tasks", body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().get("code").asText();
  }

  /** The lead unit's officer reports the task done and the supervisor approves it. */
  private void report(ApiClient officer, String task) {
    ApiClient.Reply reported =
        officer.post("api/v1/tasks/" + task + "/reports", report("DONE", 100, "Hoàn thành"));
    assertThat(reported.status()).as(reported.toString()).isEqualTo(201);
    ApiClient.Reply approved =
        as(Demo.SUPERVISOR)
            .post(
                "api/v1/reports/" + reported.json().get("id").asLong() + "/review",
                decision("APPROVE", null));
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
  }

  private static JsonNode tasks(ApiClient client, String query) {
    // The largest page unless the test pages itself: then its own size counts.
    String paged =
        query.contains("size=") ? query : "size=200" + (query.isEmpty() ? "" : "&" + query);
    ApiClient.Reply reply = client.get("api/v1/tasks?" + paged);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  private static List<String> codes(JsonNode page) {
    List<String> codes = new ArrayList<>();
    page.get("items").forEach(i -> codes.add(i.get("code").asText()));
    return codes;
  }

  private static List<String> codesOf(JsonNode page) {
    return codes(page);
  }

  private static void assertProblem(ApiClient.Reply reply, int status, String... fields) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
    if (fields.length > 0) {
      List<String> named = new ArrayList<>();
      reply.json().get("errors").forEach(e -> named.add(e.get("field").asText()));
      assertThat(named).as(reply.toString()).contains(fields);
    }
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static Map<String, Object> task(String leadUnit, OffsetDateTime deadline, String title) {
    Map<String, Object> body = assignment(leadUnit, deadline);
    body.put("title", title);
    return body;
  }

  private static Map<String, Object> withCoordinating(Map<String, Object> task, String... units) {
    task.put("coordinatingUnits", List.of(units));
    return task;
  }

  private static Map<String, Object> inPlan(Map<String, Object> task, String plan) {
    task.put("plan", plan);
    return task;
  }

  private static Map<String, Object> unitRequest(String code, String parent) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("name", "Đơn vị " + code);
    body.put("kind", "COMMUNE");
    body.put("parent", parent);
    return body;
  }

  private static Map<String, Object> unitChange(String name, String parent, long version) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("parent", parent);
    body.put("version", version);
    return body;
  }

  private static Map<String, Object> committeeRequest(
      String code, String agency, List<String> leaders) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("name", "Ban chỉ đạo " + code);
    body.put("level", "COMMUNE");
    body.put("standingAgency", agency);
    body.put("leaders", leaders);
    return body;
  }

  private static Map<String, Object> committeeChange(
      String name, String agency, List<String> leaders, long version) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("level", "COMMUNE");
    body.put("standingAgency", agency);
    if (leaders != null) {
      body.put("leaders", leaders);
    }
    body.put("version", version);
    return body;
  }

  private static Map<String, Object> memberRequest(
      String username, String unit, String committee, String... roles) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", username);
    body.put("fullName", "Cán bộ " + username);
    body.put("unit", unit);
    body.put("committee", committee);
    body.put("roles", List.of(roles));
    body.put("password", PASSWORD);
    return body;
  }

  private static Map<String, Object> memberChange(
      String fullName, String unit, String committee, List<String> roles, long version) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fullName", fullName);
    body.put("unit", unit);
    body.put("committee", committee);
    body.put("roles", roles);
    body.put("version", version);
    return body;
  }

  private static Map<String, Object> planRequest(String code) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("name", "Kế hoạch " + code);
    body.put("committee", Demo.COMMITTEE);
    body.put(
        "directive",
        Map.of(
            "number", "12/KH-BCĐ", "date", "2026-01-15", "title", "Kế hoạch triển khai Đề án 06"));
    body.put("periodStart", "2026-01-01");
    body.put("periodEnd", "2026-12-31");
    return body;
  }
}
