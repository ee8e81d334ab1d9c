package vn.steerflow.committee;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A unit's new names and place in the tree ({@code parent} null: a top unit), made against the
 * version the client last read; a stale version is refused rather than overwriting someone else's
 * change.
 */
public record UnitChange(
    @NotBlank(message = "give the unit a name") @Size(max = 200) String name,
    @Size(max = 200) String nameEn,
    String parent,
    @NotNull(message = "send the version you last read") Long version) {}
