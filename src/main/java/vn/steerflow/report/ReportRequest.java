package vn.steerflow.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import vn.steerflow.plan.Indicator;

/**
 * The lead unit's report on a task, with values for the task's indicators (optional, one per
 * indicator at most).
 *
 * @param bottlenecks the difficulties to track as bottlenecks; when absent, non-blank {@code
 *     difficulties} raise one bottleneck with that text; an empty list raises none
 */
public record ReportRequest(
    @NotNull(message = "say DONE or IN_PROGRESS") ReportStatus status,
    @NotNull(message = "give the progress in percent, 0 to 100")
        @Min(value = 0, message = "progress is at least 0")
        @Max(value = 100, message = "progress is at most 100")
        Integer progress,
    @NotBlank(message = "describe what was done") @Size(max = 8000) String narrative,
    @Size(max = 4000) String difficulties,
    @Size(max = 4000) String recommendations,
    @Size(
            max = Indicator.MOST_PER_TASK,
            message =
                "at most " + Indicator.MOST_PER_TASK + " values: a task has no more indicators")
        List<@NotNull(message = "give the value as an object") @Valid IndicatorValueRequest>
            indicatorValues,
    @Size(max = 20, message = "at most 20 bottlenecks per report")
        List<
                @NotNull(message = "give each bottleneck as {summary, resolverUnit}") @Valid
                RaisedBottleneck>
            bottlenecks) {

  /** A report without indicator values or a list of bottlenecks. */
  public ReportRequest(
      ReportStatus status,
      Integer progress,
      String narrative,
      String difficulties,
      String recommendations) {
    this(status, progress, narrative, difficulties, recommendations, null, null);
  }

  /** A report without a list of bottlenecks: its difficulties, if any, raise one. */
  public ReportRequest(
      ReportStatus status,
      Integer progress,
      String narrative,
      String difficulties,
      String recommendations,
      List<IndicatorValueRequest> indicatorValues) {
    this(status, progress, narrative, difficulties, recommendations, indicatorValues, null);
  }

  public List<IndicatorValueRequest> indicatorValuesOrEmpty() {
    return indicatorValues == null ? List.of() : indicatorValues;
  }
}
