/**
 * Admins' API over the engine's models ({@code /api/v1/admin/models}): upload BPMN files to deploy
 * them as new versions or check them in a dry run, list the versions with where each came from,
 * read a version's XML, suspend and activate a version, and pin a plan's new tasks to a model. Thin
 * resources over {@code workflow.model.Models} and {@code plan.PlanModels}; ADMIN members only.
 */
package vn.steerflow.admin;
