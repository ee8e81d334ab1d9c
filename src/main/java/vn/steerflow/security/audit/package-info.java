/**
 * The audit trail: one append-only entry per state change (who, for whom when acting, when, what,
 * the object, the values before and after, the client address), written by the features' services
 * in the transaction of their change through {@link vn.steerflow.security.audit.AuditTrail}, and
 * read by admins only, as pages of JSON or as a CSV export. Nothing here or anywhere changes or
 * removes an entry; the database refuses it too (triggers of migration V10_1). Depends on api,
 * security (the caller and the request's origin), committee (the ADMIN role) and workflow (the
 * model-deployment event); features depend on it, not the other way round.
 */
package vn.steerflow.security.audit;
