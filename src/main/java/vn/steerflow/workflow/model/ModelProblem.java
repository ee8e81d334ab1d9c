package vn.steerflow.workflow.model;

/**
 * One thing wrong with an uploaded model, where the parser can say: the file, the element's id, the
 * line and column (null when not known), and what to fix.
 */
public record ModelProblem(
    String file, String elementId, Integer line, Integer column, String message) {}
