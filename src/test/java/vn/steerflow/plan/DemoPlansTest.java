package vn.steerflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The demo's indicators (DESIGN.md §5) are ones an assignment over the API would take. */
class DemoPlansTest {

  @Test
  void everyProject06TaskCarriesIndicatorsTheOnlineApplicationRateAtNinetyFivePercentAmongThem() {
    List<DemoPlans.DemoTask> project06 = DemoPlans.project06Tasks();

    assertThat(project06).allSatisfy(task -> assertThat(task.indicators()).isNotEmpty());
    assertThat(project06.stream().flatMap(task -> task.indicators().stream()))
        .anySatisfy(
            rate -> {
              assertThat(rate.name()).isEqualTo("Tỷ lệ hồ sơ nộp trực tuyến");
              assertThat(rate.unitOfMeasure()).isEqualTo("%");
              assertThat(rate.target()).isEqualByComparingTo("95");
              assertThat(rate.direction()).isEqualTo(IndicatorDirection.HIGHER_IS_BETTER);
            })
        .anySatisfy(
            days -> assertThat(days.direction()).isEqualTo(IndicatorDirection.LOWER_IS_BETTER));
  }

  @Test
  void everyDemoIndicatorPassesTheAssignmentsChecks() {
    Stream.concat(
            DemoPlans.project06Tasks().stream(), DemoPlans.digitalTransformationTasks().stream())
        .forEach(
            task ->
                assertThat(TaskAssignments.indicatorErrors(task.indicators()))
                    .as(task.title())
                    .isEmpty());
  }
}
