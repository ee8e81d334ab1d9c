package vn.steerflow.workflow.derby;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import vn.steerflow.workflow.derby.ddl.DerbyDdlTranslator;

/**
 * The engine's DDL scripts as the engine itself reads and runs them: from the class path, split
 * into statements by the engine's own rule, in the engine's own component order.
 */
final class SchemaScripts {

  static final String H2 = "h2";

  /**
   * The order of {@code AbstractPersistenceSession.dbSchemaCreate()} with CMMN, DMN, history and
   * identity on.
   */
  static final List<String> CREATE_ORDER =
      List.of(
          "engine",
          "history",
          "identity",
          "case.engine",
          "case.history",
          "decision.engine",
          "decision.history");

  /**
   * The order of {@code AbstractPersistenceSession.dbSchemaDrop()}: it matters on Derby, which has
   * no {@code if exists} and refuses to drop a table that a remaining foreign key still references.
   */
  static final List<String> DROP_ORDER =
      List.of(
          "decision.engine",
          "decision.history",
          "case.engine",
          "engine",
          "case.history",
          "history",
          "identity");

  private SchemaScripts() {}

  /** The script the engine would run for this database type, operation and component. */
  static String read(String databaseType, String operation, String component) {
    String name = DerbyDdlTranslator.resourceName(databaseType, operation, component);
    try (InputStream in = SchemaScripts.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new AssertionError(
            "No "
                + name
                + " on the class path"
                + (DerbyDatabase.TYPE.equals(databaseType)
                    ? ": the build writes it in process-classes (run mvn process-classes or mvn test)"
                    : ": has the engine jar changed its layout?"));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All scripts of one operation, in the engine's order for it. */
  static List<NamedScript> readAll(String databaseType, String operation) {
    List<String> order = "create".equals(operation) ? CREATE_ORDER : DROP_ORDER;
    List<NamedScript> scripts = new ArrayList<>();
    for (String component : order) {
      scripts.add(
          new NamedScript(
              DerbyDdlTranslator.resourceName(databaseType, operation, component),
              read(databaseType, operation, component)));
    }
    return scripts;
  }

  record NamedScript(String name, String text) {}

  /**
   * Splits a script exactly as {@code DbSqlSession.executeSchemaResource} does: lines are trimmed,
   * lines starting with "-- " or "# " are log lines, and a statement ends with the line that ends
   * with ";". A script that the engine would split differently from a SQL tool therefore fails here
   * too.
   */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new StringReader(script))) {
      String statement = null;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        line = line.trim();
        if (line.startsWith("# ") || line.startsWith("-- ") || line.isEmpty()) {
          continue;
        }
        boolean last = line.endsWith(";");
        String piece = last ? line.substring(0, line.length() - 1) : line;
        statement = statement == null ? piece : statement + " \n" + piece;
        if (last) {
          statements.add(statement);
          statement = null;
        }
      }
      if (statement != null && !withoutComments(statement).isBlank()) {
        // The engine silently ignores an unterminated last statement; a script should not have one.
        throw new AssertionError(
            "Statement without a closing ';' at the end of the script: " + statement);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return statements;
  }

  /**
   * The statement without SQL line comments. The engine passes lines such as a bare "--" on to the
   * database as part of the next statement, where they are comments.
   */
  static String withoutComments(String statement) {
    StringBuilder out = new StringBuilder();
    boolean inString = false;
    for (int i = 0; i < statement.length(); i++) {
      char c = statement.charAt(i);
      if (c == '\'') {
        inString = !inString;
      } else if (!inString
          && c == '-'
          && i + 1 < statement.length()
          && statement.charAt(i + 1) == '-') {
        int end = statement.indexOf('\n', i);
        if (end < 0) {
          break;
        }
        i = end;
        c = '\n';
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * Runs the scripts on the connection statement by statement, as the engine would, and commits
   * once at the end. A failing statement fails with the script and statement named, and so does one
   * that draws a warning: the engine ignores warnings, yet Derby uses one to say it skipped work,
   * e.g. 01504 for an index it did not create because a constraint's index already covers the same
   * columns.
   */
  static void execute(Connection connection, List<NamedScript> scripts) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement jdbc = connection.createStatement()) {
      for (NamedScript script : scripts) {
        for (String sql : statements(script.text())) {
          try {
            jdbc.clearWarnings();
            jdbc.execute(sql);
            SQLWarning warning = jdbc.getWarnings();
            if (warning != null) {
              throw new AssertionError(
                  script.name()
                      + " draws a warning from "
                      + connection.getMetaData().getDatabaseProductName()
                      + " at\n"
                      + sql
                      + "\n"
                      + warning.getSQLState()
                      + ": "
                      + warning.getMessage());
            }
          } catch (SQLException e) {
            connection.rollback();
            throw new AssertionError(
                script.name()
                    + " fails on "
                    + connection.getMetaData().getDatabaseProductName()
                    + " at\n"
                    + sql
                    + "\nwith "
                    + e.getSQLState()
                    + ": "
                    + e.getMessage(),
                e);
          }
        }
      }
      connection.commit();
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }
}
