package vn.steerflow.report;

import vn.steerflow.workflow.TaskCycleContract;

/** What the unit says of its work. The names are the contract's {@code reportStatus} values. */
public enum ReportStatus {
  DONE(TaskCycleContract.ReportStatus.DONE),
  IN_PROGRESS(TaskCycleContract.ReportStatus.IN_PROGRESS);

  private final String contractValue;

  ReportStatus(String contractValue) {
    this.contractValue = contractValue;
  }

  public String contractValue() {
    return contractValue;
  }
}
