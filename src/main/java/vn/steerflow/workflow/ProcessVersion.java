package vn.steerflow.workflow;

/** One deployed version of a process: its key (the BPMN process id), version and definition id. */
public record ProcessVersion(String key, int version, String definitionId) {}
