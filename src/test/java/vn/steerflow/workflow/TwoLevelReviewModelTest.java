package vn.steerflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import vn.steerflow.workflow.TaskCycleContract.FormKeys;
import vn.steerflow.workflow.TaskCycleContract.Vars;

/**
 * The second model shipped in {@code bpmn/}: named after its process, not deployed at start-up, the
 * default cycle plus a review by the lead unit's leaders before each supervisors' review, drawn so
 * that it opens in the modeler as laid out. (ModelGuardTest deploys it through the rules.)
 */
class TwoLevelReviewModelTest {

  private static final String PROCESS = "task-cycle-two-level-review";

  private final BpmnModelInstance model = read("bpmn/" + PROCESS + ".bpmn");
  private final BpmnModelInstance defaultModel = read("bpmn/task-cycle.bpmn");

  @Test
  void theFileIsNamedAfterItsExecutableProcessAndIsNotDeployedAtStartUp() {
    Process process = model.getModelElementById(PROCESS);
    assertThat(process).isNotNull();
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
    assertThat(ModelDeployer.BUNDLED_MODELS).containsExactly("bpmn/task-cycle.bpmn");
  }

  @Test
  void itIsTheDefaultCycleWithAUnitLeadersReviewBeforeEachSupervisorsReview() {
    List<String> added = ids(model.getModelElementsByType(FlowNode.class));
    added.removeAll(ids(defaultModel.getModelElementsByType(FlowNode.class)));
    assertThat(added)
        .containsExactlyInAnyOrder(
            "approveByUnitLeader",
            "unitLeaderDecision",
            "approvePeriodReportByUnitLeader",
            "unitLeaderPeriodDecision");
    assertThat(ids(defaultModel.getModelElementsByType(FlowNode.class)))
        .allMatch(id -> model.getModelElementById(id) != null);

    for (String unitReview : List.of("approveByUnitLeader", "approvePeriodReportByUnitLeader")) {
      UserTask task = model.getModelElementById(unitReview);
      // a step the code already serves, offered to the unit's leaders only
      assertThat(task.getCamundaFormKey()).isEqualTo(FormKeys.REVIEW);
      assertThat(task.getCamundaCandidateGroups())
          .isEqualTo("${" + Vars.LEAD_UNIT_LEADER_GROUP + "}");
      // the unit's report comes in, and its approval goes on to the supervisors' review
      FlowNode decision = task.getOutgoing().iterator().next().getTarget();
      assertThat(decision.getOutgoing())
          .anySatisfy(
              flow -> {
                assertThat(flow.getConditionExpression().getTextContent()).contains("'APPROVE'");
                assertThat(flow.getTarget()).isInstanceOf(UserTask.class);
                UserTask next = (UserTask) flow.getTarget();
                assertThat(next.getCamundaFormKey()).isEqualTo(FormKeys.REVIEW);
                assertThat(next.getCamundaCandidateGroups())
                    .isEqualTo("${" + Vars.SUPERVISOR_GROUP + "}");
              });
      assertThat(decision.getOutgoing()).hasSize(3);
    }
  }

  @Test
  void everyElementIsDrawnAndNoTwoShapesOverlap() {
    BpmnDrawing.assertDrawnWithoutOverlaps(model);
  }

  private static List<String> ids(Collection<? extends FlowNode> nodes) {
    List<String> ids = new ArrayList<>();
    nodes.forEach(n -> ids.add(n.getId()));
    return ids;
  }

  private static BpmnModelInstance read(String resource) {
    try (InputStream in =
        TwoLevelReviewModelTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
