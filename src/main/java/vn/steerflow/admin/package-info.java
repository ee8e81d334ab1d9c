/**
 * The admin's HTTP tools over the engine. Camunda's REST API, mounted at {@code /engine-rest} as a
 * second JAX-RS application with only an allowlist of its operations (deploy and read models and
 * deployments, read running instances), for admins only and run as the admin in the engine, so that
 * Camunda Modeler deploys straight to steerflow. And {@code POST /api/v1/admin/migrations}, which
 * moves running task cycles to another model version. Depends on api, security (the login filter
 * covers {@code /engine-rest}), committee (roles) and workflow.
 */
package vn.steerflow.admin;
