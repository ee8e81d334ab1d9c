/**
 * Who is calling and what they may touch: HTTP Basic login over steerflow's own members, passwords
 * kept as PBKDF2 hashes, the caller of the current request, and the rules that say which unit's or
 * committee's work a caller may see and act on, including a leader's work that reaches their
 * substitute while a substitution is in force (read afresh on every request); the request's origin
 * (client address), and the engine running each API request as its caller (set when the caller is
 * known, cleared when the request ends). The audit trail is in {@code security.audit}. Depends on
 * committee and workflow (the work-group names, the engine's identity).
 */
package vn.steerflow.security;
