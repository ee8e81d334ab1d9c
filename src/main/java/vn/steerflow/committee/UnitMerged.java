package vn.steerflow.committee;

import java.util.Objects;

/**
 * A CDI event, fired synchronously inside the transaction that merges {@code merged} into {@code
 * successor}, so that the merged unit's open work moves to the successor in the same commit. An
 * event because the work lives in {@code plan}, which depends on {@code committee} and not the
 * other way round.
 */
public record UnitMerged(Unit merged, Unit successor, String actor) {

  public UnitMerged {
    Objects.requireNonNull(merged, "merged");
    Objects.requireNonNull(successor, "successor");
    Objects.requireNonNull(actor, "actor");
  }
}
