package vn.steerflow.dashboard;

/**
 * A lead unit's figures over the scope: tasks assigned (all but cancelled), how they stand, and how
 * many reviews returned the unit's reports on them.
 */
public record UnitFigures(
    String unit,
    String name,
    long assigned,
    long onTime,
    long late,
    long overdue,
    long inProgress,
    long cancelled,
    long reportsReturned) {}
