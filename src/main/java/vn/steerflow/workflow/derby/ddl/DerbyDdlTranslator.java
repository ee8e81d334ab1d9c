package vn.steerflow.workflow.derby.ddl;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.steerflow.workflow.derby.DerbyFunctions;

/**
 * Turns one of the engine's H2 DDL scripts into Derby DDL by rule:
 *
 * <ul>
 *   <li>{@code bit} becomes {@code BOOLEAN}, {@code longvarbinary} becomes {@code BLOB}, {@code
 *       long} becomes {@code BIGINT};
 *   <li>{@code drop ... if exists} loses its {@code if exists} (Derby has none; the drop scripts
 *       only drop what the create scripts made);
 *   <li>a create script makes its indexes before its {@code alter table ... add constraint}s: Derby
 *       does not create an index whose columns a constraint's index already covers (warning 01504,
 *       which the engine ignores), so the drop script's {@code drop index} of it would fail; made
 *       first, the index exists and the constraint shares it;
 *   <li>the engine component's create script first declares the Java functions Derby lacks ({@code
 *       BITAND}, {@code QUARTER}) and its drop script drops them last.
 * </ul>
 *
 * Everything else in the H2 scripts is SQL that Derby runs as written.
 */
public final class DerbyDdlTranslator {

  /** The schema components the engine creates, each with a create and a drop script. */
  public static final List<String> COMPONENTS =
      List.of(
          "engine",
          "history",
          "identity",
          "case.engine",
          "case.history",
          "decision.engine",
          "decision.history");

  /**
   * The component whose scripts carry the functions: it is always created first and dropped last.
   */
  static final String FUNCTIONS_COMPONENT = "engine";

  private static final Pattern BIT =
      Pattern.compile("(?i)(?<=\\s)bit(?=\\s*[,\\n)]|\\s+not\\b|\\s+default\\b)");
  private static final Pattern LONGVARBINARY = Pattern.compile("(?i)\\blongvarbinary\\b");
  private static final Pattern LONG =
      Pattern.compile("(?i)(?<=\\s)long(?=\\s*[,\\n)]|\\s+not\\b|\\s+default\\b)");
  private static final Pattern IF_EXISTS = Pattern.compile("(?i)\\s+if\\s+exists(?=\\s*;)");
  private static final Pattern FIRST_ALTER_TABLE =
      Pattern.compile("(?im)^[ \\t]*alter\\s+table\\b");
  private static final Pattern CREATE_INDEX =
      Pattern.compile("(?im)^[ \\t]*create\\s+(unique\\s+)?index\\b[^;]*;[ \\t]*(\\r?\\n)?");

  static final String CREATE_FUNCTIONS =
      "create function BITAND(A integer, B integer) returns integer\n"
          + "  language java parameter style java no sql deterministic returns null on null input\n"
          + "  external name '"
          + DerbyFunctions.CLASS_NAME
          + ".bitand';\n\n"
          + "create function QUARTER(T timestamp) returns integer\n"
          + "  language java parameter style java no sql deterministic returns null on null input\n"
          + "  external name '"
          + DerbyFunctions.CLASS_NAME
          + ".quarter';\n\n";

  static final String DROP_FUNCTIONS = "\ndrop function BITAND;\n\ndrop function QUARTER;\n";

  private DerbyDdlTranslator() {}

  /**
   * @param operation {@code create} or {@code drop}
   * @param component one of {@link #COMPONENTS}
   * @param h2Script the engine's H2 script for that operation and component
   * @return the Derby script
   */
  public static String translate(String operation, String component, String h2Script) {
    String derby = h2Script;
    derby = BIT.matcher(derby).replaceAll("BOOLEAN");
    derby = LONGVARBINARY.matcher(derby).replaceAll("BLOB");
    derby = LONG.matcher(derby).replaceAll("BIGINT");
    derby = IF_EXISTS.matcher(derby).replaceAll("");
    if ("create".equals(operation)) {
      derby = indexesBeforeConstraints(derby);
    }
    if (FUNCTIONS_COMPONENT.equals(component)) {
      derby = "create".equals(operation) ? CREATE_FUNCTIONS + derby : derby + DROP_FUNCTIONS;
    }
    return derby;
  }

  /**
   * Moves the {@code create index} statements that follow the script's first {@code alter table} to
   * just before it. The engine's scripts create all their tables before their first {@code alter
   * table}, so every moved index still comes after its table.
   */
  static String indexesBeforeConstraints(String script) {
    Matcher firstAlter = FIRST_ALTER_TABLE.matcher(script);
    if (!firstAlter.find()) {
      return script;
    }
    String head = script.substring(0, firstAlter.start());
    StringBuilder indexes = new StringBuilder();
    StringBuilder rest = new StringBuilder();
    Matcher index = CREATE_INDEX.matcher(script.substring(firstAlter.start()));
    while (index.find()) {
      String statement = index.group();
      indexes.append(statement.endsWith("\n") ? statement : statement + "\n");
      index.appendReplacement(rest, "");
    }
    index.appendTail(rest);
    return indexes.length() == 0 ? script : head + indexes + "\n" + rest;
  }

  /** The class-path resource of a script, where the engine looks for it. */
  public static String resourceName(String databaseType, String operation, String component) {
    return "org/camunda/bpm/engine/db/"
        + operation
        + "/activiti."
        + databaseType
        + "."
        + operation
        + "."
        + component
        + ".sql";
  }
}
