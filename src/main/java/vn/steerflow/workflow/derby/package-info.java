/**
 * Camunda 7 supports no Derby, yet embedded Derby is steerflow's default database. This package is
 * the dialect that teaches the engine Derby: the database type, the SQL fragments and statement
 * overrides, the statements Derby needs of its own, the Java functions Derby lacks, the translation
 * of Derby's conflict errors into the engine's optimistic-locking exception, and (in {@code ddl})
 * the build step that writes Derby DDL from the engine's own H2 scripts. It depends only on the
 * Camunda engine and the JDK.
 */
package vn.steerflow.workflow.derby;
