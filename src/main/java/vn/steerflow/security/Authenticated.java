package vn.steerflow.security;

/**
 * A member whose credentials (or session) checked out: the caller, their full name, whether they
 * must change their password before anything else, and the stamp of their current password.
 */
public record Authenticated(
    Caller caller, String fullName, boolean passwordChangeRequired, String stamp) {}
