package vn.steerflow.workflow.admin;

import org.camunda.bpm.engine.repository.ProcessDefinition;

/** A deployed model version, as the migration report names it. */
public record DefinitionView(String id, String key, int version, String name) {

  static DefinitionView of(ProcessDefinition definition) {
    return new DefinitionView(
        definition.getId(), definition.getKey(), definition.getVersion(), definition.getName());
  }
}
