/**
 * The HTTP edge: the JAX-RS application at {@code /api/v1}, JSON binding (Jackson: strict about
 * unknown fields, ISO-8601 dates), and the mapping of every failure to an RFC 9457 problem+json
 * answer with a human message and the fields at fault, never a stack trace. Features throw {@link
 * vn.steerflow.api.ApiException}; engine and persistence conflicts are mapped here.
 */
package vn.steerflow.api;
