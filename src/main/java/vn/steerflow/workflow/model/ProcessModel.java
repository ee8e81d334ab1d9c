package vn.steerflow.workflow.model;

import java.util.List;

/**
 * A process key with its versions, newest first, and the version a new task of that key starts on
 * unless pinned: the latest active one (null when every version is suspended).
 */
public record ProcessModel(String key, Integer startVersion, List<ModelVersion> versions) {}
