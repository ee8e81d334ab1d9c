package vn.steerflow.committee;

/** Kinds of units that receive tasks. */
public enum UnitKind {
  PROVINCE,
  DEPARTMENT,
  AGENCY,
  POLICE,
  DISTRICT,
  COMMUNE
}
