package vn.steerflow.workflow.model;

import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A model file the XML parser could not read: not well-formed, or with a DOCTYPE (refused: no
 * external entities, no DTDs). The engine's own exception for it, message and cause kept ({@code
 * ENGINE-09003 Could not parse '...'}, which Camunda's REST API answers as 400), with the file's
 * name and where the parser stopped.
 */
public class UnreadableModel extends ProcessEngineException {

  private static final long serialVersionUID = 1L;

  private final String resourceName;
  private final transient Problem problem;

  UnreadableModel(ProcessEngineException engines, String resourceName, Problem problem) {
    super(engines.getMessage(), engines.getCause());
    this.resourceName = resourceName;
    this.problem = problem;
  }

  public String resourceName() {
    return resourceName;
  }

  /** Where the parser stopped (line and column; 0 when it could not say) and why. */
  public Problem problem() {
    return problem;
  }
}
