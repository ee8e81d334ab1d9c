package vn.steerflow.workflow.admin;

/**
 * Where one active activity of an instance goes: from the source model's activity to the target's
 * activity of the same id, or nowhere ({@code to} null) when the target has no counterpart.
 */
public record ActivityMove(String from, String fromName, String to, String toName) {}
