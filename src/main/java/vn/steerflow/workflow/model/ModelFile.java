package vn.steerflow.workflow.model;

import java.util.Objects;

/** A model file as an admin uploads it: its file name and its bytes. */
public record ModelFile(String name, byte[] content) {

  public ModelFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(content, "content");
  }
}
