package vn.steerflow.workflow.derby.ddl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.steerflow.workflow.derby.DerbyDatabase;

/**
 * Build step (Maven process-classes): reads the engine's H2 scripts from the class path and writes
 * the Derby scripts into the output folder given as the only argument, at the paths the engine
 * looks up.
 */
public final class DerbyDdlGenerator {

  private DerbyDdlGenerator() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: DerbyDdlGenerator <classes output folder>");
    }
    Path output = Path.of(args[0]);
    int written = 0;
    for (String operation : new String[] {"create", "drop"}) {
      for (String component : DerbyDdlTranslator.COMPONENTS) {
        String h2 = readResource(DerbyDdlTranslator.resourceName("h2", operation, component));
        String derby = DerbyDdlTranslator.translate(operation, component, h2);
        write(
            output.resolve(
                DerbyDdlTranslator.resourceName(DerbyDatabase.TYPE, operation, component)),
            derby);
        written++;
      }
    }
    System.out.println("[steerflow] wrote " + written + " Derby DDL scripts under " + output);
  }

  static String readResource(String name) {
    try (InputStream in = DerbyDdlGenerator.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "The engine jar has no " + name + ": has the Camunda version changed its layout?");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
