/**
 * Who is calling and what they may touch: login for people (a JSON login opening a cookie session
 * with an anti-CSRF token) and for programs (HTTP Basic) over steerflow's own members, the login
 * throttle, passwords kept as PBKDF2 hashes and judged by the password policy, the first admin of a
 * fresh install, browser hardening headers, the caller of the current request, and the rules that
 * say which unit's or committee's work a caller may see and act on, including a leader's work that
 * reaches their substitute while a substitution is in force (read afresh on every request); the
 * request's client address, and the engine running each API request as its caller (set when the
 * caller is known, cleared when the request ends). The audit trail is in {@code security.audit}.
 * Depends on committee (members, substitutions), workflow (work-group names, the time zone, the
 * engine's identity) and api (problem+json, request validation).
 */
package vn.steerflow.security;
