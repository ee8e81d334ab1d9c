package vn.steerflow.committee;

/** A unit as the API shows it; {@code successor} is set on a merged unit. */
public record UnitView(
    String code,
    String name,
    String nameEn,
    UnitKind kind,
    String parent,
    String successor,
    boolean active,
    long version) {

  static UnitView of(Unit unit) {
    return new UnitView(
        unit.getCode(),
        unit.getName(),
        unit.getNameEn(),
        unit.getKind(),
        unit.getParent() == null ? null : unit.getParent().getCode(),
        unit.getSuccessor() == null ? null : unit.getSuccessor().getCode(),
        unit.isActive(),
        unit.getVersion());
  }
}
