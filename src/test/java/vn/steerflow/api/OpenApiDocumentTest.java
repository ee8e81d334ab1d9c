package vn.steerflow.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is written by hand (see microprofile-config.properties for why); this keeps
 * it honest: every operation of every resource the API application publishes must be described in
 * it.
 */
class OpenApiDocumentTest {

  @Test
  void everyPublishedOperationIsDescribedInTheOpenApiDocument() throws IOException {
    String document;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("META-INF/openapi.yaml")) {
      assertThat(in).as("META-INF/openapi.yaml").isNotNull();
      document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> missing = new ArrayList<>();
    for (Class<?> resource : new RestApplication().getClasses()) {
      Path classPath = resource.getAnnotation(Path.class);
      if (classPath == null) {
        continue;
      }
      for (Method method : resource.getDeclaredMethods()) {
        String verb = verb(method);
        if (verb == null) {
          continue;
        }
        Path methodPath = method.getAnnotation(Path.class);
        String path =
            "/" + classPath.value() + (methodPath == null ? "" : "/" + methodPath.value());
        String section = section(document, path.replaceAll("/+", "/") + ":");
        if (section == null || !section.contains("\n    " + verb + ":")) {
          missing.add(verb.toUpperCase(Locale.ROOT) + " " + path);
        }
      }
    }
    assertThat(missing).as("operations missing from META-INF/openapi.yaml").isEmpty();
  }

  private static String verb(Method method) {
    if (method.isAnnotationPresent(GET.class)) return "get";
    if (method.isAnnotationPresent(POST.class)) return "post";
    if (method.isAnnotationPresent(PUT.class)) return "put";
    if (method.isAnnotationPresent(DELETE.class)) return "delete";
    if (method.isAnnotationPresent(PATCH.class)) return "patch";
    return null;
  }

  /** The text of the path item, from its key to the next path key. */
  private static String section(String document, String key) {
    int start = document.indexOf("\n  " + key + "\n");
    if (start < 0) {
      return null;
    }
    int end = document.indexOf("\n  /", start + 1);
    return document.substring(start, end < 0 ? document.indexOf("\ncomponents:") : end);
  }
}
