package vn.steerflow.it;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The benchmark's domain rows, generated from a fixed seed and written with JDBC batches straight
 * into a steerflow database whose schema Flyway has made (and which holds the demo organisation and
 * plans): a second committee, plans over three years, tasks up to {@link #TASKS} in all, their
 * coordinating units, progress reports up to {@link #REPORTS} in all and the supervisors' reviews
 * of them. Assigning that many tasks through the API and the engine would take hours; the rows are
 * what the statistics and the task search read, so they are what is loaded. The tasks have no
 * engine instance, no timeline and no reporting periods: neither the dashboard nor the task search
 * reads those.
 *
 * <p>Proportions: 20 units, some leading far more tasks than others and each with its own record
 * (its share of tasks done on time, reports returned); a quarter of the tasks REGULAR; about 35 %
 * with coordinating units; deadlines over last year, this year and next year, so every outcome
 * occurs; about ten reports per task, more for long-running and regular tasks; most reports
 * approved, a fifth of a weak unit's returned, a few escalated, the last report of some open tasks
 * not yet reviewed. No deadline falls within two days of the run, so no outcome changes while the
 * benchmark runs.
 */
final class BenchmarkData {

  static final int TASKS = 10_000;
  static final int REPORTS = 100_000;

  /** The demo committee and the second one this loader adds. */
  static final String COMMITTEE = Demo.COMMITTEE;

  static final String OTHER_COMMITTEE = "BCD-NTM";

  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private static final Duration DAY = Duration.ofDays(1);

  /** Relative number of tasks each unit leads; the demo's 20 units. */
  private static final Map<String, Integer> UNIT_WEIGHTS = new LinkedHashMap<>();

  static {
    String[] weights = {
      "UBND-LC:1",
      "SNV:6",
      "STP:6",
      "SKHCN:5",
      "STTTT:8",
      "SKHDT:6",
      "SCT:4",
      "SDL:3",
      "STC:5",
      "STNMT:5",
      "CAT:8",
      "BAOYEN:4",
      "BATXAT:3",
      "SAPA:4",
      "BAOTHANG:3",
      "VANBAN:3",
      "MUONGKHUONG:3",
      "BACHA:3",
      "SIMACAI:3",
      "TPLAOCAI:4"
    };
    for (String w : weights) {
      String[] parts = w.split(":");
      UNIT_WEIGHTS.put(parts[0], Integer.valueOf(parts[1]));
    }
  }

  private static final String[] ACTIONS = {
    "Số hoá",
    "Triển khai",
    "Rà soát",
    "Xây dựng",
    "Nâng cấp",
    "Kiểm tra",
    "Tập huấn về",
    "Tuyên truyền về",
    "Kết nối",
    "Chuẩn hoá",
    "Cập nhật",
    "Hướng dẫn thực hiện",
    "Đánh giá",
    "Hoàn thiện"
  };

  private static final String[] SUBJECTS = {
    "hồ sơ hộ tịch",
    "dữ liệu dân cư",
    "thủ tục hành chính trực tuyến toàn trình",
    "cơ sở dữ liệu đất đai",
    "chữ ký số cho cán bộ, công chức",
    "thanh toán không dùng tiền mặt",
    "định danh điện tử VNeID",
    "hệ thống một cửa điện tử",
    "dịch vụ công trực tuyến",
    "hạ tầng mạng di động 4G",
    "camera giám sát an ninh trật tự",
    "sổ sức khoẻ điện tử",
    "hồ sơ đăng ký doanh nghiệp",
    "dữ liệu đăng ký, quản lý phương tiện",
    "cấp phiếu lý lịch tư pháp trực tuyến",
    "chứng thực bản sao điện tử",
    "dữ liệu di tích, điểm du lịch",
    "quản lý ngân sách, tài sản công",
    "chi trả an sinh xã hội qua tài khoản",
    "kho dữ liệu dùng chung của tỉnh",
    "họp trực tuyến đến cấp xã",
    "học bạ số"
  };

  private static final String[] PLACES = {
    "trên địa bàn tỉnh",
    "tại bộ phận một cửa cấp huyện",
    "tại các xã, phường, thị trấn",
    "tại các sở, ban, ngành",
    "tại Trung tâm Phục vụ hành chính công tỉnh",
    "cho người dân và doanh nghiệp"
  };

  private static final String[] RESULTS = {
    "100% hồ sơ được số hoá và cập nhật",
    "Tỷ lệ hồ sơ trực tuyến đạt 95%",
    "Báo cáo kết quả gửi Ban Chỉ đạo",
    "Dữ liệu đúng, đủ, sạch, sống",
    "Hệ thống vận hành ổn định",
    "100% cán bộ được tập huấn"
  };

  private static final String[] DIFFICULTIES = {
    "Thiếu kinh phí triển khai",
    "Đường truyền tại các xã vùng cao chưa ổn định",
    "Thiếu nhân lực có chuyên môn công nghệ thông tin",
    "Phần mềm chuyên ngành chưa kết nối được"
  };

  private record PlanSpec(
      String code, String committee, int year, int tasks, String name, String directive) {}

  /** Rows written, for the printed summary. */
  record Loaded(
      int committees, int plans, int tasks, int coordinators, int reports, int reviews, long ms) {}

  private final Connection db;
  private final Random random;
  private final Instant now;
  private final int year;
  private final Map<String, Long> unitIds = new LinkedHashMap<>();
  private final Map<String, Double> unitRecord = new HashMap<>();
  private long nextId;
  private long demoCommittee;

  private BenchmarkData(Connection db, long seed, Instant now) {
    this.db = db;
    this.random = new Random(seed);
    this.now = now;
    this.year = LocalDate.ofInstant(now, VIETNAM).getYear();
  }

  /**
   * Loads the rows into the database (autocommit off), so that it holds {@link #TASKS} tasks and
   * {@link #REPORTS} reports in all; the demo's tasks count.
   */
  static Loaded load(Connection db, long seed, Instant now) throws SQLException {
    return new BenchmarkData(db, seed, now).load();
  }

  private Loaded load() throws SQLException {
    long start = System.nanoTime();
    db.setAutoCommit(false);
    try (Statement s = db.createStatement();
        ResultSet rows = s.executeQuery("SELECT CODE, ID FROM SF_UNIT ORDER BY CODE")) {
      while (rows.next()) {
        unitIds.put(rows.getString(1), rows.getLong(2));
      }
    }
    if (!unitIds.keySet().containsAll(UNIT_WEIGHTS.keySet())) {
      throw new IllegalStateException(
          "the database lacks demo units: it has " + unitIds.keySet() + " (start with demo data)");
    }
    // Each unit's record: the chance that a task it finishes is on time; weaker units also get more
    // reports returned and more overdue tasks, so the ranking has something to rank.
    for (String unit : UNIT_WEIGHTS.keySet()) {
      unitRecord.put(unit, 0.55 + 0.4 * random.nextDouble());
    }
    // Ids from far above the sequence, which is moved past them at the end, so that EclipseLink's
    // preallocated blocks (50 ids per sequence value) never meet them.
    nextId = single("VALUES NEXT VALUE FOR SF_SEQ") + 10_000;

    demoCommittee = single("SELECT ID FROM SF_COMMITTEE WHERE CODE = '" + COMMITTEE + "'");
    long otherCommittee = insertCommittee();
    Map<String, Long> committees =
        Map.of(COMMITTEE, demoCommittee, OTHER_COMMITTEE, otherCommittee);

    int existingTasks = (int) single("SELECT COUNT(*) FROM SF_TASK");
    int existingReports = (int) single("SELECT COUNT(*) FROM SF_REPORT");
    List<PlanSpec> specs = planSpecs(existingTasks);
    Map<String, Long> plans = new LinkedHashMap<>();
    int newPlans = 0;
    for (PlanSpec spec : specs) {
      if (spec.code() == null) {
        continue;
      }
      long existing = singleOrZero("SELECT ID FROM SF_PLAN WHERE CODE = '" + spec.code() + "'", db);
      if (existing == 0) {
        existing = insertPlan(spec, committees.get(spec.committee()));
        newPlans++;
      }
      plans.put(spec.code(), existing);
    }

    List<GeneratedTask> tasks = new ArrayList<>();
    for (PlanSpec spec : specs) {
      for (int i = 0; i < spec.tasks(); i++) {
        tasks.add(
            task(
                spec,
                spec.code() == null ? null : plans.get(spec.code()),
                committees.get(spec.committee())));
      }
    }
    allotReports(tasks, REPORTS - existingReports);
    int coordinators = insertTasks(tasks);
    int[] reportsAndReviews = insertReports(tasks);
    db.commit();

    // Past every id used here, so the server's next allocations start above them.
    long maxId = nextId;
    while (single("VALUES NEXT VALUE FOR SF_SEQ") <= maxId + 100) {
      // each value moves the sequence by one allocation block of 50
    }
    db.commit();
    return new Loaded(
        1,
        newPlans,
        tasks.size(),
        coordinators,
        reportsAndReviews[0],
        reportsAndReviews[1],
        (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * The plans and how many tasks each gets; the demo's two plans of this year are found by code and
   * topped up. A code of null stands for tasks assigned outside any plan.
   */
  private List<PlanSpec> planSpecs(int existingTasks) {
    int last = year - 1;
    int next = year + 1;
    List<PlanSpec> specs = new ArrayList<>();
    specs.add(plan("KH-DA06-" + last, COMMITTEE, last, 1200, "Đề án 06", "10/KH-BCĐ"));
    specs.add(plan("KH-CDS-" + last, COMMITTEE, last, 1300, "chuyển đổi số", "14/KH-BCĐ"));
    specs.add(plan("KH-CCHC-" + last, COMMITTEE, last, 1000, "cải cách hành chính", "20/KH-BCĐ"));
    // the demo plans (DemoPlans) of this year, with their six tasks already in them
    specs.add(plan("KH-DA06-" + year, COMMITTEE, year, 1400 - 3, "Đề án 06", "12/KH-BCĐ"));
    specs.add(plan("KH-CDS-" + year, COMMITTEE, year, 1500 - 3, "chuyển đổi số", "15/KH-BCĐ"));
    specs.add(plan("KH-CCHC-" + year, COMMITTEE, year, 1100, "cải cách hành chính", "21/KH-BCĐ"));
    specs.add(plan("KH-CDS-" + next, COMMITTEE, next, 660, "chuyển đổi số", "3/KH-BCĐ"));
    specs.add(plan("KH-NTM-" + last, OTHER_COMMITTEE, last, 700, "nông thôn mới", "5/KH-BCĐ"));
    specs.add(plan("KH-NTM-" + year, OTHER_COMMITTEE, year, 800, "nông thôn mới", "7/KH-BCĐ"));
    int planned = specs.stream().mapToInt(PlanSpec::tasks).sum();
    // the rest, up to TASKS with those already there (the demo's six), outside any plan
    specs.add(new PlanSpec(null, COMMITTEE, year, TASKS - existingTasks - planned, null, null));
    return specs;
  }

  private static PlanSpec plan(
      String code, String committee, int year, int tasks, String topic, String directive) {
    return new PlanSpec(
        code, committee, year, tasks, "Kế hoạch " + topic + " năm " + year, directive);
  }

  private long insertCommittee() throws SQLException {
    long id = nextId++;
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO SF_COMMITTEE (ID, CODE, NAME, COMMITTEE_LEVEL, STANDING_AGENCY_ID, VERSION,"
                + " ACTIVE) VALUES (?, ?, ?, 'PROVINCE', ?, 0, TRUE)")) {
      insert.setLong(1, id);
      insert.setString(2, OTHER_COMMITTEE);
      insert.setString(
          3, "Ban Chỉ đạo các chương trình mục tiêu quốc gia xây dựng nông thôn mới tỉnh Lào Cai");
      insert.setLong(4, unitIds.get("SKHDT"));
      insert.executeUpdate();
    }
    return id;
  }

  private long insertPlan(PlanSpec spec, long committee) throws SQLException {
    long id = nextId++;
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO SF_PLAN (ID, CODE, NAME, COMMITTEE_ID, DIRECTIVE_NUMBER, DIRECTIVE_DATE,"
                + " DIRECTIVE_TITLE, PERIOD_START, PERIOD_END, CREATED_AT, CREATED_BY, VERSION)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'giamsat', 0)")) {
      LocalDate directiveDate = LocalDate.of(spec.year(), 1, 10 + random.nextInt(15));
      insert.setLong(1, id);
      insert.setString(2, spec.code());
      insert.setString(3, spec.name());
      insert.setLong(4, committee);
      insert.setString(5, spec.directive());
      insert.setDate(6, Date.valueOf(directiveDate));
      insert.setString(7, spec.name() + " của Ban Chỉ đạo tỉnh Lào Cai");
      insert.setDate(8, Date.valueOf(LocalDate.of(spec.year(), 1, 1)));
      insert.setDate(9, Date.valueOf(LocalDate.of(spec.year(), 12, 31)));
      Instant created = directiveDate.atTime(9, 0).atZone(VIETNAM).toInstant();
      insert.setTimestamp(10, Timestamp.from(created.isBefore(now) ? created : now.minus(DAY)));
      insert.executeUpdate();
    }
    return id;
  }

  // ---------------------------------------------------------------- tasks

  /** A task to insert, with the reports it will get. */
  private static final class GeneratedTask {
    long id;
    String code;
    String title;
    String content;
    String leadUnit;
    String responsibleLeader;
    Instant deadline;
    String expectedResult;
    long committee;
    Long plan;
    boolean regular;
    String reportingPeriod;
    String status;
    Instant completedAt;
    Instant createdAt;

    /** When its reporting stopped: completion, cancellation, or now for an open task. */
    Instant reportingEnd;

    Set<String> coordinators = new LinkedHashSet<>();
    double weight;
    int reports;
  }

  private GeneratedTask task(PlanSpec spec, Long plan, long committee) {
    GeneratedTask t = new GeneratedTask();
    t.id = nextId++;
    t.committee = committee;
    t.plan = plan;
    t.leadUnit = weightedUnit();
    double record = unitRecord.get(t.leadUnit);
    t.regular = random.nextDouble() < 0.25;
    int taskYear = spec.code() == null ? year - 1 + random.nextInt(3) : spec.year();
    if (t.regular) {
      // A REGULAR task reports until the end of its plan's year; its deadline is that instant.
      t.reportingPeriod = random.nextDouble() < 0.7 ? "MONTHLY" : "QUARTERLY";
      t.deadline = at(LocalDate.of(taskYear, 12, 31), 17);
      t.createdAt = at(LocalDate.of(taskYear, 1, 10).plusDays(random.nextInt(40)), 9);
    } else {
      t.deadline = deadline(taskYear);
      long leadDays = 20 + random.nextInt(180);
      Instant created = t.deadline.minus(Duration.ofDays(leadDays)).minus(Duration.ofHours(8));
      Instant yearStart = at(LocalDate.of(taskYear, 1, 5), 9);
      t.createdAt = created.isBefore(yearStart) ? yearStart : created;
    }
    if (!t.createdAt.isBefore(now.minus(DAY))) {
      t.createdAt = now.minus(Duration.ofDays(2 + random.nextInt(30)));
    }
    double r = random.nextDouble();
    boolean past = t.deadline.isBefore(now);
    if (t.regular) {
      if (r < 0.05) {
        cancel(t);
      } else if (past) {
        // reporting ended at its end, or early with an approved DONE report
        t.status = "DONE";
        t.completedAt =
            random.nextDouble() < 0.9
                ? t.deadline
                : between(t.createdAt.plus(DAY), t.deadline.minus(DAY));
      } else {
        t.status = "OPEN";
      }
    } else if (past) {
      if (r < 0.04) {
        cancel(t);
      } else if (r < 0.04 + 0.25 * (1 - record)) {
        t.status = "OPEN"; // overdue
      } else if (random.nextDouble() < record) {
        t.status = "DONE";
        Instant earliest = t.createdAt.plus(DAY);
        Instant early = t.deadline.minus(Duration.ofDays(random.nextInt(45)));
        t.completedAt = between(early.isAfter(earliest) ? early : earliest, t.deadline);
      } else {
        t.status = "DONE"; // late
        Instant latest = t.deadline.plus(Duration.ofDays(1 + random.nextInt(90)));
        t.completedAt =
            between(
                t.deadline.plus(Duration.ofHours(1)),
                latest.isBefore(now.minus(DAY)) ? latest : now.minus(DAY));
      }
    } else {
      if (r < 0.03) {
        cancel(t);
      } else if (r < 0.15 && t.createdAt.plus(Duration.ofDays(3)).isBefore(now)) {
        t.status = "DONE"; // early, on time
        t.completedAt = between(t.createdAt.plus(DAY), now.minus(DAY));
      } else {
        t.status = "OPEN";
      }
    }
    t.reportingEnd =
        switch (t.status) {
          case "DONE" -> t.completedAt;
          case "OPEN" -> now.minus(Duration.ofHours(1));
          default -> t.reportingEnd;
        };
    if (random.nextDouble() < 0.35) {
      int count = random.nextDouble() < 0.6 ? 1 : random.nextDouble() < 0.75 ? 2 : 3;
      while (t.coordinators.size() < count) {
        String unit = weightedUnit();
        if (!unit.equals(t.leadUnit)) {
          t.coordinators.add(unit);
        }
      }
    }
    String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
    String place = PLACES[random.nextInt(PLACES.length)];
    t.title = ACTIONS[random.nextInt(ACTIONS.length)] + " " + subject + " " + place;
    if (t.regular) {
      t.title = "Báo cáo định kỳ: " + t.title;
    }
    t.content =
        t.title
            + ". Đơn vị chủ trì xây dựng kế hoạch chi tiết, phân công cán bộ phụ trách, bố trí kinh"
            + " phí và phối hợp với các đơn vị liên quan để triển khai; định kỳ báo cáo tiến độ, khó"
            + " khăn, vướng mắc về Ban Chỉ đạo. Nội dung trọng tâm: "
            + SUBJECTS[random.nextInt(SUBJECTS.length)]
            + ".";
    t.expectedResult = RESULTS[random.nextInt(RESULTS.length)];
    t.responsibleLeader = "Thủ trưởng " + t.leadUnit;
    t.code = "NV-" + t.createdAt.atZone(ZoneOffset.UTC).getYear() + "-" + t.id;
    return t;
  }

  private void cancel(GeneratedTask t) {
    t.status = "CANCELLED";
    Instant stop = t.deadline.isBefore(now) ? t.deadline : now.minus(DAY);
    t.reportingEnd = between(t.createdAt.plus(Duration.ofHours(2)), stop);
  }

  /** A working day's 17:00 in the task's year, at least two days away from now. */
  private Instant deadline(int taskYear) {
    LocalDate first = LocalDate.of(taskYear, 2, 1);
    int days = (int) ChronoUnit.DAYS.between(first, LocalDate.of(taskYear, 12, 31));
    while (true) {
      LocalDate date = first.plusDays(random.nextInt(days + 1));
      Instant deadline = at(date, 17);
      if (date.getDayOfWeek().getValue() <= 5
          && Duration.between(now, deadline).abs().compareTo(Duration.ofDays(2)) > 0) {
        return deadline;
      }
    }
  }

  private static Instant at(LocalDate date, int hour) {
    return date.atTime(hour, 0).atZone(VIETNAM).toInstant();
  }

  private Instant between(Instant from, Instant to) {
    long span = Duration.between(from, to).toSeconds();
    return span <= 0 ? from : from.plusSeconds((long) (random.nextDouble() * span));
  }

  private String weightedUnit() {
    int total = UNIT_WEIGHTS.values().stream().mapToInt(Integer::intValue).sum();
    int pick = random.nextInt(total);
    for (Map.Entry<String, Integer> unit : UNIT_WEIGHTS.entrySet()) {
      pick -= unit.getValue();
      if (pick < 0) {
        return unit.getKey();
      }
    }
    throw new IllegalStateException();
  }

  private int insertTasks(List<GeneratedTask> tasks) throws SQLException {
    int coordinators = 0;
    try (PreparedStatement task =
            db.prepareStatement(
                "INSERT INTO SF_TASK (ID, CODE, TITLE, CONTENT, LEAD_UNIT_ID, RESPONSIBLE_LEADER,"
                    + " DEADLINE, EXPECTED_RESULT, COMMITTEE_ID, KIND, STATUS, COMPLETED_AT,"
                    + " CREATED_AT, CREATED_BY, PROCESS_INSTANCE_ID, VERSION, PLAN_ID,"
                    + " REPORTING_PERIOD, REPORTING_UNTIL)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'giamsat', NULL, ?, ?, ?, ?)");
        PreparedStatement coordinator =
            db.prepareStatement(
                "INSERT INTO SF_TASK_COORDINATOR (TASK_ID, UNIT_ID) VALUES (?, ?)")) {
      int batch = 0;
      for (GeneratedTask t : tasks) {
        task.setLong(1, t.id);
        task.setString(2, t.code);
        task.setString(3, t.title);
        task.setString(4, t.content);
        task.setLong(5, unitIds.get(t.leadUnit));
        task.setString(6, t.responsibleLeader);
        task.setTimestamp(7, Timestamp.from(t.deadline));
        task.setString(8, t.expectedResult);
        task.setLong(9, t.committee);
        task.setString(10, t.regular ? "REGULAR" : "ONE_OFF");
        task.setString(11, t.status);
        task.setTimestamp(12, t.completedAt == null ? null : Timestamp.from(t.completedAt));
        task.setTimestamp(13, Timestamp.from(t.createdAt));
        task.setLong(14, t.reports);
        if (t.plan == null) {
          task.setNull(15, Types.BIGINT);
        } else {
          task.setLong(15, t.plan);
        }
        task.setString(16, t.reportingPeriod);
        task.setTimestamp(17, t.regular ? Timestamp.from(t.deadline) : null);
        task.addBatch();
        for (String unit : t.coordinators) {
          coordinator.setLong(1, t.id);
          coordinator.setLong(2, unitIds.get(unit));
          coordinator.addBatch();
          coordinators++;
        }
        if (++batch % 1000 == 0) {
          task.executeBatch();
          coordinator.executeBatch();
          db.commit();
        }
      }
      task.executeBatch();
      coordinator.executeBatch();
      db.commit();
    }
    return coordinators;
  }

  // ---------------------------------------------------------------- reports and reviews

  /**
   * Shares {@code total} reports among the tasks: about one a month of reporting for a one-off task
   * (and one at least once it is done), one per period for a regular one, a fifth more for the
   * reports sent again after a return.
   */
  private void allotReports(List<GeneratedTask> tasks, int total) {
    double sum = 0;
    for (GeneratedTask t : tasks) {
      double days = Math.max(0, Duration.between(t.createdAt, t.reportingEnd).toHours() / 24.0);
      double perDay =
          !t.regular ? 1 / 30.0 : "MONTHLY".equals(t.reportingPeriod) ? 1 / 30.0 : 1 / 91.0;
      t.weight = (1 + days * perDay) * (1.2 + random.nextDouble() * 0.3);
      sum += t.weight;
    }
    int given = 0;
    for (GeneratedTask t : tasks) {
      t.reports = Math.max("DONE".equals(t.status) ? 1 : 0, (int) (t.weight * total / sum));
      given += t.reports;
    }
    // Hand out (or take back) the rounding difference one report at a time.
    while (given != total) {
      GeneratedTask t = tasks.get(random.nextInt(tasks.size()));
      if (given < total) {
        t.reports++;
        given++;
      } else if (t.reports > ("DONE".equals(t.status) ? 1 : 0)) {
        t.reports--;
        given--;
      }
    }
  }

  private int[] insertReports(List<GeneratedTask> tasks) throws SQLException {
    int reports = 0;
    int reviews = 0;
    try (PreparedStatement report =
            db.prepareStatement(
                "INSERT INTO SF_REPORT (ID, TASK_ID, UNIT_ID, STATUS, PROGRESS, NARRATIVE,"
                    + " DIFFICULTIES, RECOMMENDATIONS, SUBMITTED_BY, SUBMITTED_AT, REVIEW_STATE,"
                    + " VERSION) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement review =
            db.prepareStatement(
                "INSERT INTO SF_REVIEW (ID, REPORT_ID, DECISION, DECISION_COMMENT, REVIEWER,"
                    + " REVIEWED_AT) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (GeneratedTask t : tasks) {
        double record = unitRecord.get(t.leadUnit);
        double returnRate = 0.08 + 0.5 * (1 - record);
        String reviewer = t.committee == demoCommittee ? "giamsat" : "giamsat.ntm";
        Instant start = t.createdAt.plus(Duration.ofDays(1));
        Instant end = t.reportingEnd;
        boolean done = "DONE".equals(t.status);
        Instant previous = t.createdAt;
        for (int k = 0; k < t.reports; k++) {
          boolean last = k == t.reports - 1;
          long id = nextId++;
          Instant submitted;
          Instant reviewed;
          String decision;
          if (done && last) {
            // the approved DONE report: its approval is the task's completion
            reviewed = t.completedAt;
            submitted = reviewed.minus(Duration.ofHours(2 + random.nextInt(40)));
            if (!submitted.isAfter(previous)) {
              submitted = between(previous, reviewed);
            }
            decision = "APPROVE";
          } else {
            submitted = fraction(start, end, (k + 0.5) / (t.reports + 0.5));
            reviewed = submitted.plus(Duration.ofHours(4 + random.nextInt(44)));
            if (reviewed.isAfter(now)) {
              reviewed = now.minus(Duration.ofMinutes(30));
            }
            double d = random.nextDouble();
            decision = d < returnRate ? "RETURN" : d < returnRate + 0.04 ? "ESCALATE" : "APPROVE";
            if (last && "OPEN".equals(t.status) && random.nextDouble() < 0.4) {
              decision = null; // awaiting review
            }
          }
          previous = submitted;
          int progress =
              done && last ? 100 : Math.min(95, 5 + (int) (90.0 * (k + 1) / (t.reports + 1)));
          report.setLong(1, id);
          report.setLong(2, t.id);
          report.setLong(3, unitIds.get(t.leadUnit));
          report.setString(4, done && last ? "DONE" : "IN_PROGRESS");
          report.setInt(5, progress);
          report.setString(
              6,
              "Đã thực hiện được "
                  + progress
                  + "% khối lượng công việc; đã tổ chức triển khai đến các đơn vị trực thuộc,"
                  + " tổng hợp số liệu và cập nhật lên hệ thống.");
          boolean hasDifficulty = random.nextDouble() < 0.2;
          report.setString(
              7, hasDifficulty ? DIFFICULTIES[random.nextInt(DIFFICULTIES.length)] : null);
          report.setString(
              8, hasDifficulty && random.nextBoolean() ? "Đề nghị Ban Chỉ đạo hỗ trợ" : null);
          report.setString(9, "canbo." + t.leadUnit.toLowerCase(Locale.ROOT));
          report.setTimestamp(10, Timestamp.from(submitted));
          report.setString(
              11,
              decision == null
                  ? "PENDING"
                  : switch (decision) {
                    case "APPROVE" -> "APPROVED";
                    case "RETURN" -> "RETURNED";
                    default -> "ESCALATED";
                  });
          report.setLong(12, decision == null ? 0 : 1);
          report.addBatch();
          reports++;
          if (decision != null) {
            review.setLong(1, nextId++);
            review.setLong(2, id);
            review.setString(3, decision);
            review.setString(
                4,
                switch (decision) {
                  case "RETURN" -> "Bổ sung số liệu chi tiết theo từng đơn vị";
                  case "ESCALATE" -> "Đề nghị lãnh đạo cho ý kiến về kinh phí";
                  default -> null;
                });
            review.setString(5, reviewer);
            review.setTimestamp(6, Timestamp.from(reviewed));
            review.addBatch();
            reviews++;
          }
          if (reports % 2000 == 0) {
            report.executeBatch();
            review.executeBatch();
            db.commit();
          }
        }
      }
      report.executeBatch();
      review.executeBatch();
      db.commit();
    }
    return new int[] {reports, reviews};
  }

  private static Instant fraction(Instant from, Instant to, double f) {
    long span = Math.max(0, Duration.between(from, to).toSeconds());
    return from.plusSeconds((long) (span * f));
  }

  private long single(String sql) throws SQLException {
    return singleOrZero(sql, db);
  }

  private static long singleOrZero(String sql, Connection db) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      return rows.next() ? rows.getLong(1) : 0;
    }
  }
}
