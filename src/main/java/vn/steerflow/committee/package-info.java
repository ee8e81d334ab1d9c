/**
 * The organisation: committees, the units that receive tasks (a tree: a province above its
 * departments and communes) and the members who log in, each in one unit with one or more roles;
 * and the admin API that keeps them. A leader's substitutions (acting leaders) live here too: who
 * acts for whom, when and why; security asks which are in force for each request's member. Nothing
 * here is deleted: units are merged or deactivated, committees and members deactivated,
 * substitutions ended early, so that tasks, reports and statistics keep naming the rows they named.
 * An admin also resets a member's password. Every change is recorded in the audit trail. Depends on
 * api, persistence, security's password hashing and policy, and security.audit; access checks read
 * the JAX-RS security context (and the caller's member row), so committee needs no {@code Caller}.
 */
package vn.steerflow.committee;
