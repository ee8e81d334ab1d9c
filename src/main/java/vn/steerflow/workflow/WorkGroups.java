package vn.steerflow.workflow;

/**
 * Candidate group ids the code puts into the contract variables and matches members against. A
 * unit's officers form one group, its own leaders another; a committee's supervisors and its
 * leaders form one each.
 */
public final class WorkGroups {

  private WorkGroups() {}

  public static String unit(String unitCode) {
    return "unit:" + unitCode;
  }

  /** The leaders of a unit (members with role UNIT_LEADER there), who may approve its reports. */
  public static String unitLeaders(String unitCode) {
    return "unit-leaders:" + unitCode;
  }

  public static String supervisors(String committeeCode) {
    return "supervisors:" + committeeCode;
  }

  public static String leaders(String committeeCode) {
    return "leaders:" + committeeCode;
  }
}
