package vn.steerflow.dashboard;

import java.util.List;
import java.util.Map;

/**
 * Statistics over a plan or a period: {@code total} counts every task in scope, cancelled ones
 * included; {@code outcomes} has every outcome, {@code kinds} both kinds (zero when none); {@code
 * units} one row per lead unit with a task, by unit code.
 */
public record Statistics(
    Scope scope,
    long total,
    Map<String, Long> outcomes,
    Map<String, Long> kinds,
    List<UnitFigures> units,
    Headline headline) {}
