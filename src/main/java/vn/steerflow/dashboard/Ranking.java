package vn.steerflow.dashboard;

import java.util.List;

/** Units ranked by {@link DashboardCalculator#score}, best first; the formula is given as text. */
public record Ranking(Scope scope, String formula, List<RankedUnit> units) {}
