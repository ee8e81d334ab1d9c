package vn.steerflow.committee;

import jakarta.validation.constraints.NotNull;

/** Ending a substitution early, against the version the client last read. */
public record SubstitutionEnd(@NotNull(message = "send the version you last read") Long version) {}
