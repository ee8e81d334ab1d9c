package vn.steerflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * A model opens in Camunda Modeler as laid out: a shape per flow node, an edge per flow, no shape
 * on another (a sub-process holds its children, a boundary event sits on its host's edge).
 */
final class BpmnDrawing {

  private BpmnDrawing() {}

  static void assertDrawnWithoutOverlaps(BpmnModelInstance model) {
    Set<String> drawn = new HashSet<>();
    model
        .getModelElementsByType(BpmnShape.class)
        .forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
    model
        .getModelElementsByType(BpmnEdge.class)
        .forEach(edge -> drawn.add(edge.getBpmnElement().getId()));
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(drawn).as("shape of %s", node.getId()).contains(node.getId());
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(drawn).as("edge of %s", flow.getId()).contains(flow.getId());
    }

    List<BpmnShape> shapes = new ArrayList<>(model.getModelElementsByType(BpmnShape.class));
    for (int i = 0; i < shapes.size(); i++) {
      for (int j = i + 1; j < shapes.size(); j++) {
        BpmnShape a = shapes.get(i);
        BpmnShape b = shapes.get(j);
        if (mayOverlap(a, b) || mayOverlap(b, a)) {
          continue;
        }
        assertThat(overlap(a.getBounds(), b.getBounds()))
            .as("%s overlaps %s", a.getBpmnElement().getId(), b.getBpmnElement().getId())
            .isFalse();
      }
    }
  }

  /**
   * A sub-process holds its children (and theirs); a boundary event sits on the edge of its host. A
   * shape inside a sub-process must be drawn inside it.
   */
  private static boolean mayOverlap(BpmnShape outer, BpmnShape inner) {
    if (inner.getBpmnElement() instanceof BoundaryEvent boundary
        && boundary.getAttachedTo() == outer.getBpmnElement()) {
      return true;
    }
    if (!(outer.getBpmnElement() instanceof SubProcess subProcess)) {
      return false;
    }
    boolean contained = false;
    for (ModelElementInstance parent = inner.getBpmnElement().getParentElement();
        parent != null;
        parent = parent.getParentElement()) {
      if (parent == subProcess) {
        contained = true;
        break;
      }
    }
    if (contained) {
      assertThat(inside(inner.getBounds(), outer.getBounds()))
          .as("%s is drawn inside %s", inner.getBpmnElement().getId(), subProcess.getId())
          .isTrue();
    }
    return contained;
  }

  private static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth()
        && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight()
        && b.getY() < a.getY() + a.getHeight();
  }

  private static boolean inside(Bounds inner, Bounds outer) {
    return inner.getX() >= outer.getX()
        && inner.getY() >= outer.getY()
        && inner.getX() + inner.getWidth() <= outer.getX() + outer.getWidth()
        && inner.getY() + inner.getHeight() <= outer.getY() + outer.getHeight();
  }
}
