package vn.steerflow.dashboard;

/** The sentence a committee reads out, in Vietnamese and English. */
public record Headline(String vi, String en) {}
