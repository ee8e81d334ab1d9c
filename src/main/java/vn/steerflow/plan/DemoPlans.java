package vn.steerflow.plan;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.steerflow.committee.DemoOrganisation;
import vn.steerflow.committee.Directory;
import vn.steerflow.committee.Member;
import vn.steerflow.security.Caller;

/**
 * The demo plans (DESIGN.md §5): a Project 06 plan and a digital-transformation plan of the demo
 * committee, each with a few tasks, assigned through the same use cases as over the API, so each
 * task's cycle runs in the engine. Loaded on a demo run when there is no plan yet; it lives in
 * plan, not in DemoOrganisation, because committee must not depend on plan. The Project 06 tasks
 * carry indicators, the online application rate (target 95 %) among them. Lead units are ones the
 * integration tests do not act for, so the demo's work does not crowd their work lists.
 */
@Singleton
@Startup
@DependsOn({"DemoOrganisation", "EngineBootstrap"})
public class DemoPlans {

  private static final Logger LOG = Logger.getLogger(DemoPlans.class.getName());

  /** The member the demo plans and tasks are issued by. */
  static final String ISSUER = "giamsat";

  static final ZoneId PROVINCE_TIME = ZoneId.of("Asia/Ho_Chi_Minh");

  @PersistenceContext private EntityManager em;

  @Inject private Directory directory;

  @Inject private Plans plans;

  @Inject private TaskAssignments assignments;

  @Inject
  @ConfigProperty(name = "steerflow.demo", defaultValue = "false")
  private boolean demo;

  /**
   * A demo task: what, who leads (and coordinates), how many days from now it is due, what it
   * yields.
   */
  record DemoTask(
      String title,
      String content,
      String leadUnit,
      List<String> coordinating,
      int dueInDays,
      String expectedResult,
      List<IndicatorRequest> indicators) {}

  private static IndicatorRequest higher(String name, String unit, String target, String baseline) {
    return new IndicatorRequest(
        name,
        unit,
        new BigDecimal(target),
        baseline == null ? null : new BigDecimal(baseline),
        IndicatorDirection.HIGHER_IS_BETTER);
  }

  private static IndicatorRequest lower(String name, String unit, String target, String baseline) {
    return new IndicatorRequest(
        name,
        unit,
        new BigDecimal(target),
        new BigDecimal(baseline),
        IndicatorDirection.LOWER_IS_BETTER);
  }

  @PostConstruct
  void load() {
    if (!demo || em.createQuery("select count(p) from Plan p", Long.class).getSingleResult() > 0) {
      return;
    }
    Optional<Member> issuer = directory.member(ISSUER);
    if (issuer.isEmpty() || directory.committee(DemoOrganisation.COMMITTEE).isEmpty()) {
      LOG.warning("Demo plans not loaded: the demo organisation is not in this database");
      return;
    }
    Caller caller = Caller.of(issuer.get());
    int year = LocalDate.now(PROVINCE_TIME).getYear();

    plan(
        caller,
        "KH-DA06-" + year,
        "Nhiệm vụ thực hiện Đề án 06 năm " + year,
        new PlanRequest.DirectiveRequest(
            "12/KH-BCĐ",
            LocalDate.of(year, 1, 15),
            "Kế hoạch triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử (Đề án 06) năm "
                + year),
        project06Tasks());

    plan(
        caller,
        "KH-CDS-" + year,
        "Kế hoạch chuyển đổi số năm " + year,
        new PlanRequest.DirectiveRequest(
            "15/KH-BCĐ",
            LocalDate.of(year, 1, 20),
            "Kế hoạch chuyển đổi số tỉnh Lào Cai năm " + year),
        digitalTransformationTasks());
    LOG.info("Demo plans loaded: KH-DA06-" + year + ", KH-CDS-" + year + ", 6 tasks");
  }

  /**
   * The Project 06 plan's tasks; each carries indicators, the online application rate among them.
   */
  static List<DemoTask> project06Tasks() {
    return List.of(
        new DemoTask(
            "Kết nối cơ sở dữ liệu chuyên ngành với Cơ sở dữ liệu quốc gia về dân cư",
            "Kết nối, chia sẻ dữ liệu giữa các cơ sở dữ liệu chuyên ngành của tỉnh và Cơ sở dữ liệu quốc gia về dân cư",
            "STTTT",
            List.of("SKHCN"),
            60,
            "100% cơ sở dữ liệu chuyên ngành của tỉnh được kết nối",
            List.of(
                higher("Số cơ sở dữ liệu chuyên ngành đã kết nối", "cơ sở dữ liệu", "12", "4"))),
        new DemoTask(
            "Đăng ký doanh nghiệp trực tuyến",
            "Tiếp nhận và giải quyết hồ sơ đăng ký doanh nghiệp trực tuyến toàn trình",
            "SKHDT",
            List.of(),
            90,
            "Tỷ lệ hồ sơ trực tuyến đạt 95%",
            List.of(
                higher("Tỷ lệ hồ sơ nộp trực tuyến", "%", "95", "60"),
                lower("Thời gian giải quyết hồ sơ trung bình", "ngày", "3", "5"))),
        new DemoTask(
            "Làm sạch dữ liệu dân cư trên địa bàn thị xã",
            "Rà soát, cập nhật, làm sạch dữ liệu dân cư theo mô hình \"đúng, đủ, sạch, sống\"",
            "SAPA",
            List.of(),
            45,
            "100% dữ liệu dân cư trên địa bàn được làm sạch",
            List.of(higher("Tỷ lệ dữ liệu dân cư đã làm sạch", "%", "100", null))));
  }

  /** The digital-transformation plan's tasks. */
  static List<DemoTask> digitalTransformationTasks() {
    return List.of(
        new DemoTask(
            "Số hoá hồ sơ, kết quả giải quyết thủ tục hành chính",
            "Số hoá hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực tại các sở, ngành",
            "SNV",
            List.of(),
            120,
            "100% hồ sơ, kết quả giải quyết thủ tục hành chính được số hoá",
            List.of()),
        new DemoTask(
            "Phủ sóng di động 4G đến các thôn, bản",
            "Phối hợp với doanh nghiệp viễn thông phủ sóng di động 4G đến các thôn, bản chưa có sóng",
            "STTTT",
            List.of("BAOYEN"),
            150,
            "100% thôn, bản có sóng di động 4G",
            List.of()),
        new DemoTask(
            "Nâng tỷ lệ hồ sơ trực tuyến cấp huyện",
            "Hướng dẫn người dân nộp hồ sơ trực tuyến tại bộ phận một cửa cấp huyện, cấp xã",
            "BAOYEN",
            List.of(),
            100,
            "Tỷ lệ hồ sơ trực tuyến đạt 95%",
            List.of(higher("Tỷ lệ hồ sơ nộp trực tuyến", "%", "95", "40"))));
  }

  private void plan(
      Caller caller,
      String code,
      String name,
      PlanRequest.DirectiveRequest directive,
      List<DemoTask> tasks) {
    OffsetDateTime now = OffsetDateTime.now(PROVINCE_TIME);
    LocalDate lastDeadline =
        now.plusDays(tasks.stream().mapToInt(DemoTask::dueInDays).max().orElse(0)).toLocalDate();
    LocalDate endOfYear = LocalDate.of(directive.date().getYear(), 12, 31);
    PlanView plan =
        plans.create(
            new PlanRequest(
                code,
                name,
                DemoOrganisation.COMMITTEE,
                directive,
                LocalDate.of(directive.date().getYear(), 1, 1),
                lastDeadline.isAfter(endOfYear) ? lastDeadline : endOfYear),
            caller);
    for (DemoTask task : tasks) {
      // Deadlines fall at the end of a working day, province time.
      OffsetDateTime deadline =
          now.plusDays(task.dueInDays())
              .toLocalDate()
              .atTime(17, 0)
              .atZone(PROVINCE_TIME)
              .toOffsetDateTime();
      assignments.assign(
          new Assignment(
              task.title(),
              task.content(),
              task.leadUnit(),
              "Thủ trưởng đơn vị",
              deadline,
              task.expectedResult(),
              DemoOrganisation.COMMITTEE,
              task.coordinating(),
              plan.code(),
              null,
              null,
              null,
              task.indicators()),
          caller);
    }
  }
}
