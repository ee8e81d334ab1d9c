/**
 * The one database steerflow and its engine share: the DataSource definition (embedded Derby in a
 * data folder by default; the URL comes from MicroProfile Config), the versioned migrations of the
 * domain tables (Flyway, run at start-up before anything else touches the database) and the JPA
 * converters. Depends on nothing else in steerflow.
 */
package vn.steerflow.persistence;
