package vn.steerflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.steerflow.api.ObjectMapperProvider;

/** Indicator values bind as numbers only; a report without them binds as before. */
class ReportRequestJsonTest {

  private final ObjectMapper json = new ObjectMapperProvider().getContext(ReportRequest.class);

  private static final String REPORT =
      """
      {"status": "IN_PROGRESS", "progress": 60, "narrative": "N"%s}""";

  @Test
  void aReportWithoutIndicatorValuesStillBinds() throws Exception {
    ReportRequest report = json.readValue(REPORT.formatted(""), ReportRequest.class);

    assertThat(report.indicatorValues()).isNull();
    assertThat(report.indicatorValuesOrEmpty()).isEmpty();
  }

  @Test
  void valuesBindExactlyAsDecimals() throws Exception {
    ReportRequest report =
        json.readValue(
            REPORT.formatted(
                ", \"indicatorValues\": [{\"indicator\": \"Tỷ lệ\", \"value\": 91.25},"
                    + " {\"indicator\": \"Số\", \"value\": 12}]"),
            ReportRequest.class);

    assertThat(report.indicatorValues())
        .extracting(v -> v.indicator() + "=" + v.value().toPlainString())
        .containsExactly("Tỷ lệ=91.25", "Số=12");
  }

  @Test
  void aValueGivenAsTextIsRefusedWithItsPath() {
    assertThatThrownBy(
            () ->
                json.readValue(
                    REPORT.formatted(
                        ", \"indicatorValues\": [{\"indicator\": \"A\", \"value\": 1},"
                            + " {\"indicator\": \"B\", \"value\": \"80\"}]"),
                    ReportRequest.class))
        .isInstanceOfSatisfying(
            JsonMappingException.class,
            e ->
                assertThat(e.getPath())
                    .extracting(
                        r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                    .containsExactly("indicatorValues", "[1]", "value"));
  }
}
