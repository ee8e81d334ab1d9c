/**
 * The workflow engine: Camunda 7 embedded in the container's JTA transactions, the Derby dialect
 * that lets the engine run on steerflow's default database, model deployment, delegates and
 * listeners, and the constants of the BPMN contract that code and models share. Other features
 * reach the engine only through this package's services; it knows nothing of JAX-RS.
 */
package vn.steerflow.workflow;
