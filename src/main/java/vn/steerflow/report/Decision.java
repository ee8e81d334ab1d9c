package vn.steerflow.report;

import vn.steerflow.workflow.TaskCycleContract;

/** A supervisor's decision. The names are the contract's {@code decision} values. */
public enum Decision {
  APPROVE(TaskCycleContract.Decision.APPROVE, ReviewState.APPROVED, false),
  RETURN(TaskCycleContract.Decision.RETURN, ReviewState.RETURNED, true),
  ESCALATE(TaskCycleContract.Decision.ESCALATE, ReviewState.ESCALATED, true);

  private final String contractValue;
  private final ReviewState resultingState;
  private final boolean needsComment;

  Decision(String contractValue, ReviewState resultingState, boolean needsComment) {
    this.contractValue = contractValue;
    this.resultingState = resultingState;
    this.needsComment = needsComment;
  }

  public String contractValue() {
    return contractValue;
  }

  ReviewState resultingState() {
    return resultingState;
  }

  /** RETURN needs the reason, ESCALATE the question for the leader. */
  public boolean needsComment() {
    return needsComment;
  }
}
