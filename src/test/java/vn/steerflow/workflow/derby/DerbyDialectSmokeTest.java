package vn.steerflow.workflow.derby;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

class DerbyDialectSmokeTest {

  @Test
  void engineStartsOnDerbyAndRunsAProcess() {
    Path folder = DerbyTestEngines.newDatabaseFolder("smoke");
    ProcessEngine engine = DerbyTestEngines.build("smoke", folder);
    try {
      BpmnModelInstance model =
          Bpmn.createExecutableProcess("smoke")
              .camundaHistoryTimeToLive(1)
              .startEvent()
              .userTask("work")
              .endEvent()
              .done();
      engine
          .getRepositoryService()
          .createDeployment()
          .addModelInstance("smoke.bpmn", model)
          .deploy();
      ProcessInstance instance =
          engine.getRuntimeService().startProcessInstanceByKey("smoke", "B-1");
      assertThat(
              engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count())
          .isEqualTo(1);
      assertThat(engine.getProcessEngineConfiguration().getDatabaseType()).isEqualTo("derby");
    } finally {
      engine.close();
    }
  }
}
