package vn.steerflow.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.steerflow.api.ObjectMapperProvider;

/** The optional plan keeps existing assignment requests valid: the API's JSON binds both. */
class AssignmentJsonTest {

  private final ObjectMapper json = new ObjectMapperProvider().getContext(Assignment.class);

  private static final String WITHOUT_PLAN =
      """
      {"title": "T", "content": "C", "leadUnit": "STP", "responsibleLeader": "L", "deadline": "2027-03-31T17:00:00+07:00",
       "expectedResult": "R", "committee": "BCD-LC", "coordinatingUnits": ["CAT"]}""";

  @Test
  void anAssignmentWithoutAPlanStillBinds() throws Exception {
    Assignment assignment = json.readValue(WITHOUT_PLAN, Assignment.class);

    assertThat(assignment.plan()).isNull();
    assertThat(assignment.coordinatingUnits()).containsExactly("CAT");
  }

  @Test
  void anAssignmentNamesItsPlanByIdOrCode() throws Exception {
    Assignment assignment =
        json.readValue(
            WITHOUT_PLAN.replace("\"committee\"", "\"plan\": \"KH-DA06-2026\", \"committee\""),
            Assignment.class);

    assertThat(assignment.plan()).isEqualTo("KH-DA06-2026");
    assertThat(assignment.leadUnit()).isEqualTo("STP");
  }
}
