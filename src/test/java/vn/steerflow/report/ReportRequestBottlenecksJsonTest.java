package vn.steerflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;

/**
 * The optional list of bottlenecks keeps existing report requests valid: the API's JSON binds both.
 */
class ReportRequestBottlenecksJsonTest {

  private final ObjectMapper json =
      new vn.steerflow.api.ObjectMapperProvider().getContext(ReportRequest.class);

  private static final String WITHOUT_LIST =
      """
      {"status": "IN_PROGRESS", "progress": 40, "narrative": "Đang làm", "difficulties": "Thiếu kinh phí"}""";

  @Test
  void aReportWithoutAListStillBindsAndItsDifficultiesAreKept() throws Exception {
    ReportRequest request = json.readValue(WITHOUT_LIST, ReportRequest.class);

    assertThat(request.bottlenecks()).isNull();
    assertThat(request.difficulties()).isEqualTo("Thiếu kinh phí");
  }

  @Test
  void aReportListsItsBottlenecksWithOptionalResolverUnits() throws Exception {
    ReportRequest request =
        json.readValue(
            WITHOUT_LIST.replace(
                "}",
                ", \"bottlenecks\": [{\"summary\": \"A\"}, {\"summary\": \"B\", \"resolverUnit\": \"CAT\"}]}"),
            ReportRequest.class);

    assertThat(request.bottlenecks())
        .containsExactly(new RaisedBottleneck("A", null), new RaisedBottleneck("B", "CAT"));
  }

  @Test
  void anUnknownFieldInABottleneckIsRefused() {
    assertThatThrownBy(
            () ->
                json.readValue(
                    WITHOUT_LIST.replace(
                        "}", ", \"bottlenecks\": [{\"summary\": \"A\", \"unit\": \"CAT\"}]}"),
                    ReportRequest.class))
        .isInstanceOf(UnrecognizedPropertyException.class);
  }
}
