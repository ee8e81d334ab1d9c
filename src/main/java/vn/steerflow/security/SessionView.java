package vn.steerflow.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import vn.steerflow.committee.Role;
import vn.steerflow.workflow.ReportingCalendar;

/**
 * Who is logged in: the member (username, full name, unit, committee, roles), whether they must
 * change their password first, how they authenticated ({@code SESSION} or {@code BASIC}), and for a
 * session the anti-CSRF token to send as {@code X-CSRF-Token}, the idle time-out and the time the
 * session ends at the latest.
 */
public record SessionView(
    String username,
    String fullName,
    String unit,
    String committee,
    List<Role> roles,
    boolean passwordChangeRequired,
    String authentication,
    String csrfToken,
    String idleTimeout,
    OffsetDateTime expiresAt) {

  static SessionView of(Authenticated member, Session session, Sessions sessions) {
    Caller caller = member.caller();
    Instant end = session == null ? null : sessions.absoluteEnd(session);
    return new SessionView(
        caller.username(),
        member.fullName(),
        caller.unitCode(),
        caller.committeeCode(),
        caller.roles().stream().sorted().toList(),
        member.passwordChangeRequired(),
        session == null ? "BASIC" : "SESSION",
        session == null ? null : session.csrfToken(),
        session == null ? null : sessions.idleTimeout().toString(),
        end == null ? null : end.atZone(ReportingCalendar.ZONE).toOffsetDateTime());
  }
}
