package vn.steerflow.dashboard;

import java.math.BigDecimal;

/** A unit's place in the ranking, its score and the figures behind it. */
public record RankedUnit(int rank, BigDecimal score, UnitFigures figures) {}
