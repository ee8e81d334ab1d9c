package vn.steerflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestValidationTest {

  @Test
  void fieldsAreNamedAsTheClientWroteThemWithoutBeanValidationsNodeNames() {
    assertThat(RequestValidation.fieldName("coordinatingUnits[1].<list element>"))
        .isEqualTo("coordinatingUnits[1]");
    assertThat(RequestValidation.fieldName("title")).isEqualTo("title");
  }
}
