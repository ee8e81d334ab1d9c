package vn.steerflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.steerflow.admin.EngineRestApplication;
import vn.steerflow.api.RestApplication;

/**
 * Adding an endpoint without deciding who may call it fails the build: every operation of every
 * JAX-RS application in steerflow's classes must have a row in {@code access-matrix.csv}, and every
 * row must name an operation that exists. No server: the operations are read from the classes, the
 * way JAX-RS reads them (application path, class path, method path, HTTP method annotation,
 * inherited annotations, sub-resource locators).
 */
class AccessMatrixCompletenessTest {

  /**
   * The server's own endpoints (MicroProfile Health, OpenAPI and Metrics, from Payara Micro), which
   * no JAX-RS class of steerflow publishes; the matrix holds rows for them to show they need no
   * login.
   */
  static final Set<String> SERVER_ENDPOINTS = Set.of("GET /health", "GET /openapi", "GET /metrics");

  /** The one API operation open to anonymous callers: the login. */
  static final Set<String> OPEN_OPERATIONS = Set.of("POST /api/v1/session");

  private static final String APPLICATION_PATH = "Ljakarta/ws/rs/ApplicationPath;";
  private static final String APPLICATION = "jakarta/ws/rs/core/Application";

  private final AccessMatrix matrix = AccessMatrix.load();

  @Test
  void everyPublishedOperationHasARowInTheMatrix() throws Exception {
    Set<String> missing = new TreeSet<>(publishedOperations());
    missing.removeAll(matrix.operations());
    assertThat(missing)
        .as(
            "operations with no row in src/test/resources/%s: decide who may call each and add"
                + " its row (one status per caller)",
            AccessMatrix.RESOURCE)
        .isEmpty();
  }

  @Test
  void everyRowOfTheMatrixNamesAnOperationThatExists() throws Exception {
    Set<String> stale = new TreeSet<>(matrix.operations());
    stale.removeAll(publishedOperations());
    stale.removeAll(SERVER_ENDPOINTS);
    assertThat(stale)
        .as("rows of %s naming no published operation", AccessMatrix.RESOURCE)
        .isEmpty();
  }

  /** The scan itself: it must find both applications and read their paths as JAX-RS does. */
  @Test
  void theScanFindsBothApplicationsAndTheirOperations() throws Exception {
    assertThat(applications())
        .containsExactlyInAnyOrder(RestApplication.class, EngineRestApplication.class);
    assertThat(publishedOperations())
        .contains(
            "POST /api/v1/tasks",
            "GET /api/v1/tasks/{code}",
            "POST /api/v1/units/{code}/merge-into/{target}",
            "POST /engine-rest/deployment/create",
            "GET /engine-rest/version")
        .noneMatch(o -> o.endsWith("/") || o.contains("//"));
  }

  /**
   * 401 is for who is not logged in, and who is not logged in gets nothing but the login and the
   * server's open endpoints.
   */
  @Test
  void onlyAnonymousCallersGet401AndTheyGetItEverywhereButTheLoginAndTheServersEndpoints() {
    for (AccessMatrix.Row row : matrix.rows()) {
      boolean open =
          SERVER_ENDPOINTS.contains(row.operation()) || OPEN_OPERATIONS.contains(row.operation());
      assertThat(row.expected("anonymous"))
          .as("%s as anonymous (line %d)", row.operation(), row.line())
          .isEqualTo(open ? 200 : 401);
      row.expected()
          .forEach(
              (caller, status) -> {
                if (!caller.equals("anonymous")) {
                  assertThat(status)
                      .as("%s as %s (line %d)", row.operation(), caller, row.line())
                      .isNotEqualTo(401);
                }
              });
    }
  }

  @Test
  void aMatrixAReviewerCouldMisreadIsRefused() {
    String header = "operation, anonymous, admin\n";
    assertThatThrownBy(() -> AccessMatrix.parse(header + "GET /api/v1/units, 401\n"))
        .hasMessageContaining("1 cells for 2 callers");
    assertThatThrownBy(() -> AccessMatrix.parse(header + "GET /api/v1/units, 401, yes\n"))
        .hasMessageContaining("'yes' is not an HTTP status");
    assertThatThrownBy(
            () ->
                AccessMatrix.parse(
                    header + "GET /api/v1/units, 401, 200\nGET  /api/v1/units, 401, 200\n"))
        .hasMessageContaining("has a row already");
    assertThatThrownBy(() -> AccessMatrix.parse(header + "FETCH /api/v1/units, 401, 200\n"))
        .hasMessageContaining("is not 'METHOD /path'");
    AccessMatrix parsed =
        AccessMatrix.parse("# a comment\n\n" + header + "GET /api/v1/units ,401 , 200\n");
    assertThat(parsed.rows())
        .singleElement()
        .satisfies(r -> assertThat(r.expected("admin")).isEqualTo(200));
  }

  @Test
  void readmeShowsWhoMayDoWhatAsTheMatrixSays() throws IOException {
    String readme = Files.readString(java.nio.file.Path.of("README.md"), StandardCharsets.UTF_8);
    String table = matrix.whoMayDoWhat();
    if (!readme.contains(table)) {
      fail(
          "README.md's \"Who may do what\" table differs from %s; it should read:%n%n%s",
          AccessMatrix.RESOURCE, table);
    }
  }

  // ---------------------------------------------------------------------------------- the scan

  /** Every operation of every application, as "METHOD /application/path/{param}". */
  static Set<String> publishedOperations() throws IOException, URISyntaxException {
    Set<String> operations = new TreeSet<>();
    for (Class<? extends Application> type : applications()) {
      Application application;
      try {
        application = type.getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot instantiate " + type.getName(), e);
      }
      Set<Class<?>> classes = new HashSet<>(application.getClasses());
      application.getSingletons().forEach(s -> classes.add(s.getClass()));
      if (classes.isEmpty()) {
        throw new AssertionError(
            type.getName()
                + " lists no classes, so the server would publish whatever it finds on the class"
                + " path: list its classes, as RestApplication does, so that the access matrix"
                + " can be checked against them");
      }
      String root = type.getAnnotation(ApplicationPath.class).value();
      for (Class<?> resource : classes) {
        Path path = resource.getAnnotation(Path.class);
        if (path != null) {
          collect(resource, join(root, path.value()), operations, 0);
        }
      }
    }
    return operations;
  }

  /** The resource methods of the class under the prefix, following sub-resource locators. */
  private static void collect(Class<?> resource, String prefix, Set<String> into, int depth) {
    if (depth > 10) {
      throw new IllegalStateException("sub-resource locators nest too deep under " + prefix);
    }
    for (Method method : resource.getMethods()) {
      Optional<Method> annotated = jaxRsDeclaration(resource, method);
      if (annotated.isEmpty()) {
        continue;
      }
      Method declaration = annotated.get();
      Path path = declaration.getAnnotation(Path.class);
      String full = path == null ? prefix : join(prefix, path.value());
      Optional<String> verb = httpMethod(declaration);
      if (verb.isPresent()) {
        into.add(verb.get() + " " + full);
      } else if (path != null) {
        collect(method.getReturnType(), full, into, depth + 1);
      }
    }
  }

  /**
   * The method, or the superclass or interface method it overrides, that carries JAX-RS
   * annotations: a method without any inherits them (Jakarta REST 3.1, section 3.6).
   */
  private static Optional<Method> jaxRsDeclaration(Class<?> type, Method method) {
    List<Class<?>> hierarchy = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      hierarchy.add(c);
    }
    List<Class<?>> interfaces = new ArrayList<>();
    hierarchy.forEach(c -> interfaces.addAll(Arrays.asList(c.getInterfaces())));
    hierarchy.addAll(interfaces);
    for (Class<?> c : hierarchy) {
      try {
        Method candidate = c.getDeclaredMethod(method.getName(), method.getParameterTypes());
        if (candidate.isAnnotationPresent(Path.class) || httpMethod(candidate).isPresent()) {
          return Optional.of(candidate);
        }
      } catch (NoSuchMethodException notHere) {
        // look further up
      }
    }
    return Optional.empty();
  }

  private static Optional<String> httpMethod(Method method) {
    return Arrays.stream(method.getAnnotations())
        .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
        .filter(h -> h != null)
        .map(HttpMethod::value)
        .findFirst();
  }

  /** "/api/v1" + "tasks" + "{code: [A-Z0-9-]+}" → "/api/v1/tasks/{code}". */
  private static String join(String... parts) {
    String path = "/" + String.join("/", parts);
    path = path.replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /**
   * The JAX-RS applications among steerflow's own classes: every subclass of {@link Application}
   * (libraries in the WAR hold none; this looks in the class folder RestApplication was compiled
   * to). One without {@link ApplicationPath} would be mapped by a web.xml steerflow does not have,
   * so it fails here rather than be skipped.
   */
  @SuppressWarnings("unchecked")
  static List<Class<? extends Application>> applications() throws IOException, URISyntaxException {
    java.nio.file.Path classes =
        java.nio.file.Path.of(
            RestApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<? extends Application>> found = new ArrayList<>();
    Map<String, String> withoutPath = new LinkedHashMap<>();
    try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        if (!bytes.contains(APPLICATION)) {
          continue;
        }
        String name = classes.relativize(file).toString().replace(".class", "").replace('/', '.');
        Class<?> type;
        try {
          type = Class.forName(name, false, RestApplication.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
          throw new IllegalStateException("cannot load " + name, e);
        }
        if (!Application.class.isAssignableFrom(type)
            || Modifier.isAbstract(type.getModifiers())
            || type == Application.class) {
          continue;
        }
        if (!bytes.contains(APPLICATION_PATH) || !type.isAnnotationPresent(ApplicationPath.class)) {
          withoutPath.put(name, "no @ApplicationPath");
          continue;
        }
        found.add((Class<? extends Application>) type);
      }
    }
    assertThat(withoutPath).as("JAX-RS applications the scan cannot place").isEmpty();
    return found;
  }
}
