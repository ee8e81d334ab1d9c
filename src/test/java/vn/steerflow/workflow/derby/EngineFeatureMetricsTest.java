package vn.steerflow.workflow.derby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.steerflow.workflow.derby.EngineFeatureSupport.at;

import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.MetricIntervalValue;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.management.MetricsQuery;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Engine metrics on Derby: the meters flushed to ACT_RU_METER_LOG, their sums per time window, and
 * the interval query, which buckets rows with FLOOR over integer arithmetic on MILLISECONDS_ and
 * pages with OFFSET/FETCH, and selects a typed NULL reporter when aggregating over reporters.
 */
class EngineFeatureMetricsTest {

  private static final Path FOLDER = DerbyTestEngines.newDatabaseFolder("metrics");
  private static final String REPORTER = "steerflow-metrics-test";
  // Not final: the extension injects its engine (this same one) into every field of type
  // ProcessEngine.
  private static ProcessEngine ENGINE = buildEngine();

  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

  private static final long FIFTEEN_MINUTES = 15 * 60;

  private final ManagementService managementService = ENGINE.getManagementService();

  private static ProcessEngine buildEngine() {
    StandaloneProcessEngineConfiguration configuration =
        DerbyTestEngines.configuration("engine-feature-metrics", FOLDER);
    configuration.setMetricsEnabled(true);
    // The reporter also flushes every 15 minutes on its own timer; the test flushes with
    // reportNow().
    configuration.setDbMetricsReporterActivate(true);
    configuration.setHostname(REPORTER);
    return configuration.buildProcessEngine();
  }

  @AfterAll
  static void closeEngine() {
    ENGINE.close();
  }

  @Test
  void meteredRunsAreSummedPerNameAndWindowAndBucketedByInterval() {
    ENGINE
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            "metered.bpmn",
            Bpmn.createExecutableProcess("metered")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .endEvent()
                .done())
        .deploy();
    ProcessEngineConfigurationImpl configuration = extension.getProcessEngineConfiguration();
    assertThat(configuration.isDbMetricsReporterActivate()).isTrue();
    assertThat(configuration.getDbMetricsReporter().getMetricsCollectionTask().getReporter())
        .isEqualTo(REPORTER);
    // Whatever was counted so far goes out now, stamped with the real time, outside the windows
    // below.
    configuration.getDbMetricsReporter().reportNow();

    // Three flushes inside one hour of 2024; every run starts one root instance and two activities.
    Date tenFive = at(2024, 4, 1, 10, 5);
    Date tenTwenty = at(2024, 4, 1, 10, 20);
    Date tenFifty = at(2024, 4, 1, 10, 50);
    runAndReportAt(tenFive, 3);
    runAndReportAt(tenTwenty, 2);
    runAndReportAt(tenFifty, 1);
    Date from = at(2024, 4, 1, 10, 0);
    Date to = at(2024, 4, 1, 11, 0);

    assertThat(rootStarts().startDate(from).endDate(to).sum()).isEqualTo(6);
    assertThat(
            managementService
                .createMetricsQuery()
                .name(Metrics.ACTIVTY_INSTANCE_START)
                .startDate(from)
                .endDate(to)
                .sum())
        .isEqualTo(12);
    assertThat(
            managementService
                .createMetricsQuery()
                .name(Metrics.ACTIVTY_INSTANCE_END)
                .startDate(from)
                .endDate(to)
                .sum())
        .isEqualTo(12);
    // The end date is exclusive, the start date inclusive.
    assertThat(rootStarts().startDate(from).endDate(tenTwenty).sum()).isEqualTo(3);
    assertThat(rootStarts().startDate(tenTwenty).endDate(to).sum()).isEqualTo(3);
    assertThat(rootStarts().startDate(from).endDate(to).reporter(REPORTER).sum()).isEqualTo(6);
    assertThat(rootStarts().startDate(from).endDate(to).reporter("another-node").sum()).isZero();

    // Buckets are aligned to the epoch, not to the local hour: compute them as the engine does.
    // Interval
    // values carry the metric's public name: root-process-instance-start is reported as
    // process-instances.
    List<MetricIntervalValue> quarterHours =
        rootStarts().startDate(from).endDate(to).interval(FIFTEEN_MINUTES);
    assertThat(quarterHours)
        .extracting(
            v -> v.getTimestamp().getTime(),
            MetricIntervalValue::getValue,
            MetricIntervalValue::getName,
            MetricIntervalValue::getReporter)
        .containsExactlyElementsOf(
            expectedBuckets(FIFTEEN_MINUTES, Map.of(tenFive, 3L, tenTwenty, 2L, tenFifty, 1L))
                .entrySet()
                .stream()
                .map(e -> tuple(e.getKey(), e.getValue(), Metrics.PROCESS_INSTANCES, REPORTER))
                .toList());
    assertThat(quarterHours.get(0).getTimestamp())
        .as("newest bucket first")
        .isAfter(quarterHours.get(quarterHours.size() - 1).getTimestamp());

    List<MetricIntervalValue> hours =
        rootStarts().startDate(from).endDate(to).interval(4 * FIFTEEN_MINUTES);
    assertThat(hours)
        .extracting(v -> v.getTimestamp().getTime(), MetricIntervalValue::getValue)
        .containsExactlyElementsOf(
            expectedBuckets(4 * FIFTEEN_MINUTES, Map.of(tenFive, 3L, tenTwenty, 2L, tenFifty, 1L))
                .entrySet()
                .stream()
                .map(e -> tuple(e.getKey(), e.getValue()))
                .toList());

    // Paged: the two newest quarter hours, then the one after them.
    assertThat(rootStarts().startDate(from).endDate(to).limit(2).interval(FIFTEEN_MINUTES))
        .extracting(MetricIntervalValue::getValue)
        .containsExactly(1L, 2L);
    assertThat(
            rootStarts().startDate(from).endDate(to).offset(2).limit(2).interval(FIFTEEN_MINUTES))
        .extracting(MetricIntervalValue::getValue)
        .containsExactly(3L);

    // All metrics at once, summed over reporters: the reporter column is a typed NULL on Derby.
    // activity-instance-start is reported as flow-node-instances.
    List<MetricIntervalValue> allMetrics =
        managementService
            .createMetricsQuery()
            .startDate(from)
            .endDate(to)
            .aggregateByReporter()
            .interval(FIFTEEN_MINUTES);
    assertThat(allMetrics).extracting(MetricIntervalValue::getReporter).containsOnlyNulls();
    assertThat(allMetrics)
        .filteredOn(v -> v.getName().equals(Metrics.FLOW_NODE_INSTANCES))
        .extracting(MetricIntervalValue::getValue)
        .containsExactly(2L, 4L, 6L);
  }

  private MetricsQuery rootStarts() {
    return managementService.createMetricsQuery().name(Metrics.ROOT_PROCESS_INSTANCE_START);
  }

  private void runAndReportAt(Date time, int runs) {
    ClockUtil.setCurrentTime(time);
    for (int i = 0; i < runs; i++) {
      ENGINE.getRuntimeService().startProcessInstanceByKey("metered");
    }
    // Writes the meters' counts to ACT_RU_METER_LOG, stamped with the engine clock.
    extension.getProcessEngineConfiguration().getDbMetricsReporter().reportNow();
  }

  /**
   * Bucket start (epoch milliseconds) to summed value, newest first, as the interval query answers.
   */
  private static Map<Long, Long> expectedBuckets(long intervalSeconds, Map<Date, Long> reports) {
    long intervalMillis = intervalSeconds * 1000;
    Map<Long, Long> buckets = new TreeMap<>((a, b) -> Long.compare(b, a));
    reports.forEach(
        (time, value) ->
            buckets.merge(
                Math.floorDiv(time.getTime(), intervalMillis) * intervalMillis, value, Long::sum));
    return buckets;
  }
}
