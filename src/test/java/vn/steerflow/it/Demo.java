package vn.steerflow.it;

/** The demo members the integration tests act as (see README and DemoOrganisation). */
public final class Demo {
  public static final String PASSWORD = "Demo@steerflow2026";
  public static final String COMMITTEE = "BCD-LC";
  public static final String SUPERVISOR = "giamsat";
  public static final String LEADER = "lanhdao";
  public static final String ADMIN = "admin";

  /** Officer of the Department of Justice (STP). */
  public static final String JUSTICE_OFFICER = "sotuphap";

  /** Officer of the Provincial Police (CAT). */
  public static final String POLICE_OFFICER = "congan";

  /** Officer of Sa Pa town (SAPA). */
  public static final String SAPA_OFFICER = "sapa";

  /** Officer of Bao Yen district (BAOYEN). */
  public static final String BAOYEN_OFFICER = "baoyen";

  public static final String JUSTICE = "STP";
  public static final String POLICE = "CAT";
  public static final String SAPA = "SAPA";

  private Demo() {}
}
