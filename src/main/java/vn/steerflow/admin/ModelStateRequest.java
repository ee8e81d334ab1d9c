package vn.steerflow.admin;

import jakarta.validation.constraints.NotNull;

/** Suspend a model version ({@code true}: it takes no new tasks) or activate it ({@code false}). */
public record ModelStateRequest(
    @NotNull(message = "say whether the version is suspended: true or false") Boolean suspended) {}
