package vn.steerflow.admin;

import java.util.List;
import java.util.Objects;
import vn.steerflow.plan.PlanModelView;
import vn.steerflow.workflow.model.ModelVersion;
import vn.steerflow.workflow.model.ProcessModel;

/**
 * A process key with its versions, newest first: {@code startVersion} is the version new tasks of
 * the key start on unless a plan pins one (the latest active), {@code pins} the plans pinned to the
 * key, each with its version (null: the latest active).
 */
public record ProcessModelView(
    String key, Integer startVersion, List<Pin> pins, List<ModelVersion> versions) {

  /** A plan pinned to this key. */
  public record Pin(String plan, Integer version) {}

  static ProcessModelView of(ProcessModel model, List<PlanModelView> plans) {
    List<Pin> pins =
        plans.stream()
            .filter(p -> p.model() != null && Objects.equals(p.model().key(), model.key()))
            .map(p -> new Pin(p.plan(), p.model().version()))
            .toList();
    return new ProcessModelView(model.key(), model.startVersion(), pins, model.versions());
  }
}
