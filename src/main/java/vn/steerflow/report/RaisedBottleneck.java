package vn.steerflow.report;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * One difficulty a report raises as a tracked bottleneck, and optionally the unit the reporting
 * unit thinks must resolve it (by code); without one, the committee's leaders do, until a
 * supervisor names a unit.
 */
public record RaisedBottleneck(
    @NotBlank(message = "say what the difficulty is") @Size(max = 4000) String summary,
    @Size(max = 40) String resolverUnit) {}
