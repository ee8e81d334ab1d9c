package vn.steerflow.committee;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.steerflow.security.PasswordHasher;

/**
 * The demo organisation (DESIGN.md §5), loaded on the first start of a demo run ({@code
 * steerflow.demo=true}) into an empty database: Lao Cai province's steering committee for
 * administrative reform, digital transformation and Project 06, its departments and districts, and
 * one member per role. The demo password is public (README), so a production run never loads this.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class DemoOrganisation {

  private static final Logger LOG = Logger.getLogger(DemoOrganisation.class.getName());

  /** The committee the demo tasks are assigned under. */
  public static final String COMMITTEE = "BCD-LC";

  /** The password of every demo member; published in the README, for demo runs only. */
  public static final String DEMO_PASSWORD = "Demo@steerflow2026";

  /** The demo members' usernames; outside a demo run none of them may keep the demo password. */
  public static final List<String> MEMBERS =
      List.of("admin", "giamsat", "lanhdao", "sotuphap", "congan", "baoyen", "sapa");

  @PersistenceContext private EntityManager em;

  @Inject
  @ConfigProperty(name = "steerflow.demo", defaultValue = "false")
  private boolean demo;

  @Inject
  @ConfigProperty(name = "steerflow.password.iterations", defaultValue = "600000")
  private int iterations;

  @PostConstruct
  void load() {
    if (!demo || em.createQuery("select count(u) from Unit u", Long.class).getSingleResult() > 0) {
      return;
    }
    Map<String, Unit> units = new HashMap<>();
    Unit province =
        unit(
            units,
            "UBND-LC",
            "UBND tỉnh Lào Cai",
            "Lao Cai Provincial People's Committee",
            UnitKind.PROVINCE,
            null);
    String[][] departments = {
      {"SNV", "Sở Nội vụ", "Department of Home Affairs"},
      {"STP", "Sở Tư pháp", "Department of Justice"},
      {"SKHCN", "Sở Khoa học và Công nghệ", "Department of Science and Technology"},
      {"STTTT", "Sở Thông tin và Truyền thông", "Department of Information and Communications"},
      {"SKHDT", "Sở Kế hoạch và Đầu tư", "Department of Planning and Investment"},
      {"SCT", "Sở Công Thương", "Department of Industry and Trade"},
      {"SDL", "Sở Du lịch", "Department of Tourism"},
      {"STC", "Sở Tài chính", "Department of Finance"},
      {"STNMT", "Sở Tài nguyên và Môi trường", "Department of Natural Resources and Environment"},
    };
    for (String[] d : departments) {
      unit(units, d[0], d[1], d[2], UnitKind.DEPARTMENT, province);
    }
    unit(units, "CAT", "Công an tỉnh", "Provincial Police", UnitKind.POLICE, province);
    String[][] districts = {
      {"BAOYEN", "UBND huyện Bảo Yên", "Bao Yen District"},
      {"BATXAT", "UBND huyện Bát Xát", "Bat Xat District"},
      {"SAPA", "UBND thị xã Sa Pa", "Sa Pa Town"},
      {"BAOTHANG", "UBND huyện Bảo Thắng", "Bao Thang District"},
      {"VANBAN", "UBND huyện Văn Bàn", "Van Ban District"},
      {"MUONGKHUONG", "UBND huyện Mường Khương", "Muong Khuong District"},
      {"BACHA", "UBND huyện Bắc Hà", "Bac Ha District"},
      {"SIMACAI", "UBND huyện Si Ma Cai", "Si Ma Cai District"},
      {"TPLAOCAI", "UBND thành phố Lào Cai", "Lao Cai City"},
    };
    for (String[] d : districts) {
      unit(units, d[0], d[1], d[2], UnitKind.DISTRICT, province);
    }
    Committee committee =
        new Committee(
            COMMITTEE,
            "Ban Chỉ đạo cải cách hành chính, chuyển đổi số và Đề án 06 tỉnh Lào Cai",
            CommitteeLevel.PROVINCE,
            units.get("SKHCN"));
    em.persist(committee);

    PasswordHasher hasher = new PasswordHasher(iterations);
    member(hasher, "admin", "Quản trị hệ thống", units.get("UBND-LC"), null, Role.ADMIN);
    member(
        hasher, "giamsat", "Nguyễn Thị Giám Sát", units.get("SKHCN"), committee, Role.SUPERVISOR);
    member(hasher, "lanhdao", "Trần Văn Lãnh Đạo", units.get("UBND-LC"), committee, Role.LEADER);
    member(hasher, "sotuphap", "Lê Văn Tư Pháp", units.get("STP"), null, Role.OFFICER);
    member(hasher, "congan", "Phạm Văn Công An", units.get("CAT"), null, Role.OFFICER);
    member(hasher, "baoyen", "Hoàng Thị Bảo Yên", units.get("BAOYEN"), null, Role.OFFICER);
    member(hasher, "sapa", "Vàng A Sa Pa", units.get("SAPA"), null, Role.OFFICER);
    LOG.info(
        "Demo organisation loaded: committee "
            + COMMITTEE
            + ", "
            + units.size()
            + " units, 7 members");
  }

  private Unit unit(
      Map<String, Unit> units,
      String code,
      String name,
      String nameEn,
      UnitKind kind,
      Unit parent) {
    Unit unit = new Unit(code, name, nameEn, kind, parent);
    em.persist(unit);
    units.put(code, unit);
    return unit;
  }

  private void member(
      PasswordHasher hasher,
      String username,
      String fullName,
      Unit unit,
      Committee committee,
      Role role) {
    em.persist(
        new Member(
            username,
            fullName,
            unit,
            committee,
            EnumSet.of(role),
            hasher.hash(DEMO_PASSWORD.toCharArray())));
  }
}
