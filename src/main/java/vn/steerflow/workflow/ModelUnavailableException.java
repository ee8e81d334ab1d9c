package vn.steerflow.workflow;

/**
 * A task's cycle cannot start: the process version it should run on does not exist or is suspended.
 * The message says which and what an admin can do.
 */
public class ModelUnavailableException extends RuntimeException {

  public ModelUnavailableException(String message) {
    super(message);
  }
}
