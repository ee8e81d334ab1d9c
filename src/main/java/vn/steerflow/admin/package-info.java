/**
 * The admin's HTTP tools over the engine. Camunda's REST API, mounted at {@code /engine-rest} as a
 * second JAX-RS application with only an allowlist of its operations (deploy and read models and
 * deployments, read running instances), for admins only and run as the admin in the engine, so that
 * Camunda Modeler deploys straight to steerflow. And {@code POST /api/v1/admin/migrations}, which
 * moves running task cycles to another model version. Depends on api, security (the login filter
 * covers {@code /engine-rest}), committee (roles) and workflow.
 *
 * <p>And {@code /api/v1/admin/models}: upload BPMN files to deploy them as new versions or check
 * them in a dry run, list the versions with where each came from, read a version's XML, suspend and
 * activate a version, and pin a plan's new tasks to a model. Thin resources over {@code
 * workflow.model.Models} and {@code plan.PlanModels}; ADMIN members only.
 */
package vn.steerflow.admin;
