/**
 * The build step that writes the engine's Derby DDL. Camunda ships DDL for the databases it
 * supports and none for Derby; its H2 scripts are plain enough that a handful of rules turn them
 * into Derby's. Running the rules at build time (Maven's process-classes phase) keeps Camunda's
 * scripts out of this repository and makes an engine upgrade carry its schema changes over by
 * itself; the drift test then proves that every table, column, index and constraint survived the
 * translation. Depends on the JDK only.
 */
package vn.steerflow.workflow.derby.ddl;
