package vn.steerflow.report;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A supervisor's decision on a report; RETURN and ESCALATE need a comment. */
public record ReviewRequest(
    @NotNull(message = "say APPROVE, RETURN or ESCALATE") Decision decision,
    @Size(max = 4000) String comment) {}
