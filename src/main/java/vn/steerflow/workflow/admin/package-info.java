/**
 * What an admin does to the engine itself: moving running task cycles from one deployed version of
 * a model to another (Camunda's migration API, a plan of equal activities, each instance in its own
 * transaction, a dry run that is rolled back), reported per instance in plain words. Knows no
 * JAX-RS; its resource lives in {@code vn.steerflow.admin}. Depends on api (for its errors) and the
 * engine.
 */
package vn.steerflow.workflow.admin;
