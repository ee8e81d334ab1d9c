package vn.steerflow.api;

/** One field at fault in a request, with what to fix. */
public record FieldError(String field, String message) {}
