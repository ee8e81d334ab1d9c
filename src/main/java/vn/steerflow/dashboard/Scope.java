package vn.steerflow.dashboard;

import java.time.LocalDate;

/** What the figures cover: a plan (its code) or a range of deadline dates, both ends included. */
public record Scope(String plan, LocalDate from, LocalDate to) {}
