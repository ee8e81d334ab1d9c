package vn.steerflow.workflow.model;

import java.util.List;

/** Models refused: nothing was deployed. Each problem names its file and element. */
public class ModelRejectedException extends RuntimeException {

  private final transient List<ModelProblem> problems;

  public ModelRejectedException(String message, List<ModelProblem> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  public List<ModelProblem> problems() {
    return problems;
  }
}
