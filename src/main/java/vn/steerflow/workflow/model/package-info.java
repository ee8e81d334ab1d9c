/**
 * Models admins deploy at run time, and what keeps them safe. {@link
 * vn.steerflow.workflow.model.ModelGuardPlugin} puts {@link vn.steerflow.workflow.model.ModelGuard}
 * before the engine's deployers, so every new deployment (steerflow's API, Camunda's REST API, the
 * start-up) is checked against {@link vn.steerflow.workflow.model.ModelRules}: the BPMN contract of
 * DESIGN.md §2, allowlisted beans only, no script, no Java class, no XML external entity, a size
 * limit; and it hardens the engine (no script engines, no expressions in queries, a query size
 * limit, no Java serialization). {@link vn.steerflow.workflow.model.Models} is the admins' use
 * cases: deploy or dry-run model files, list versions, read XML, suspend and activate. Depends on
 * the engine and the contract only; knows no JAX-RS.
 */
package vn.steerflow.workflow.model;
