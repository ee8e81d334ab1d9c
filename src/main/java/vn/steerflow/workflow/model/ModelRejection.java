package vn.steerflow.workflow.model;

import java.util.List;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment refused before the engine parsed it: one report per file, each problem with the
 * element id, line and column where the XML parser gives them. A {@link ParseException}, so every
 * client of the engine (steerflow's API, Camunda's REST API) reports it as the engine's own parse
 * errors.
 */
public class ModelRejection extends ParseException {

  private static final long serialVersionUID = 1L;

  ModelRejection(String message, List<ResourceReport> reports) {
    super(message, reports.get(0).getResourceName(), List.of(), List.of());
    this.resorceReports = List.copyOf(reports);
  }
}
