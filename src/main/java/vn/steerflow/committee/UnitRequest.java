package vn.steerflow.committee;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new unit: its code (fixed for life), names, kind and the unit above it (none for a top unit).
 */
public record UnitRequest(
    @NotBlank(message = "give the unit a code")
        @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE)
        String code,
    @NotBlank(message = "give the unit a name") @Size(max = 200) String name,
    @Size(max = 200) String nameEn,
    @NotNull(message = "say what kind of unit this is") UnitKind kind,
    String parent) {}
