package vn.steerflow.plan;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A request to assign a task, by the five clears: work (title, content), person (lead unit and its
 * responsible leader), time (a ONE_OFF task's deadline; a REGULAR task's reporting period and the
 * end of its reporting), result (expected result) and responsibility (supervising committee).
 * Coordinating units are optional, and so is the plan (by id or code) the task belongs to; the kind
 * defaults to ONE_OFF. The indicators (optional, at most {@value Indicator#MOST_PER_TASK}) are the
 * measurable part of the clear result: reports give values for them.
 */
@ClearTime
public record Assignment(
    @NotBlank(message = "clear work: give the task a title") @Size(max = 500) String title,
    @NotBlank(message = "clear work: say what is to be done") @Size(max = 8000) String content,
    @NotBlank(message = "clear person: name the lead unit by its code") String leadUnit,
    @NotBlank(message = "clear person: name the lead unit's responsible leader") @Size(max = 200)
        String responsibleLeader,
    OffsetDateTime deadline,
    @NotBlank(message = "clear result: describe the expected product") @Size(max = 4000)
        String expectedResult,
    @NotBlank(message = "clear responsibility: name the supervising committee by its code")
        String committee,
    @Size(max = 50) List<@NotBlank String> coordinatingUnits,
    @Size(max = 40) String plan,
    TaskKind kind,
    @Size(max = 40) String reportingPeriod,
    OffsetDateTime reportingUntil,
    @Size(
            max = Indicator.MOST_PER_TASK,
            message = "at most " + Indicator.MOST_PER_TASK + " indicators per task")
        List<@NotNull(message = "give the indicator as an object") @Valid IndicatorRequest>
            indicators) {

  /** An assignment with no indicators, as before indicators existed. */
  public Assignment(
      String title,
      String content,
      String leadUnit,
      String responsibleLeader,
      OffsetDateTime deadline,
      String expectedResult,
      String committee,
      List<String> coordinatingUnits,
      String plan,
      TaskKind kind,
      String reportingPeriod,
      OffsetDateTime reportingUntil) {
    this(
        title,
        content,
        leadUnit,
        responsibleLeader,
        deadline,
        expectedResult,
        committee,
        coordinatingUnits,
        plan,
        kind,
        reportingPeriod,
        reportingUntil,
        null);
  }

  /** A one-off task's assignment outside any plan, as before plans and kinds existed. */
  public Assignment(
      String title,
      String content,
      String leadUnit,
      String responsibleLeader,
      OffsetDateTime deadline,
      String expectedResult,
      String committee,
      List<String> coordinatingUnits) {
    this(
        title,
        content,
        leadUnit,
        responsibleLeader,
        deadline,
        expectedResult,
        committee,
        coordinatingUnits,
        null,
        null,
        null,
        null);
  }

  /** A one-off task's assignment within a plan. */
  public Assignment(
      String title,
      String content,
      String leadUnit,
      String responsibleLeader,
      OffsetDateTime deadline,
      String expectedResult,
      String committee,
      List<String> coordinatingUnits,
      String plan) {
    this(
        title,
        content,
        leadUnit,
        responsibleLeader,
        deadline,
        expectedResult,
        committee,
        coordinatingUnits,
        plan,
        null,
        null,
        null);
  }

  public List<String> coordinatingUnitsOrEmpty() {
    return coordinatingUnits == null ? List.of() : coordinatingUnits;
  }

  /** The same assignment with the end of reporting filled in (from the plan's end). */
  Assignment withReportingUntil(OffsetDateTime until) {
    return new Assignment(
        title,
        content,
        leadUnit,
        responsibleLeader,
        deadline,
        expectedResult,
        committee,
        coordinatingUnits,
        plan,
        kind,
        reportingPeriod,
        until,
        indicators);
  }

  public List<IndicatorRequest> indicatorsOrEmpty() {
    return indicators == null ? List.of() : indicators;
  }

  public TaskKind kindOrDefault() {
    return kind == null ? TaskKind.ONE_OFF : kind;
  }
}
