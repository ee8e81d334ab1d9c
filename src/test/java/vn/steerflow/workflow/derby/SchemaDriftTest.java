package vn.steerflow.workflow.derby;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.steerflow.workflow.derby.SchemaScripts.NamedScript;
import vn.steerflow.workflow.derby.ddl.DerbyDdlTranslator;

/**
 * Guards the Derby DDL, which the build translates from the engine's H2 scripts, against drift:
 * after an engine upgrade or a change to the translator, every table, column, key, index and seed
 * row of the H2 scripts must still be in the Derby scripts, the Derby drop scripts must remove all
 * of it, and the two databases built from the scripts must look alike through JDBC. A failure names
 * what to port.
 */
class SchemaDriftTest {

  private static final String DERBY = DerbyDatabase.TYPE;

  /**
   * What the Derby scripts have on top of H2's, by design: Java functions standing in for H2
   * built-ins.
   */
  private static final Set<String> DERBY_FUNCTIONS = Set.of("BITAND", "QUARTER");

  @Test
  void derbyScriptsDeclareEveryTableColumnKeyIndexAndSeedRowOfTheH2Scripts() {
    SchemaDefinition h2 = definition("H2", SchemaScripts.H2, UnaryOperator.identity());
    SchemaDefinition derby = definition("Derby", DERBY, UnaryOperator.identity());

    assertThat(h2.unrecognised)
        .as("H2 statements the drift parser does not understand: teach it")
        .isEmpty();
    assertThat(derby.unrecognised)
        .as("Derby statements the drift parser does not understand: teach it")
        .isEmpty();
    // Cross-checks against the raw text, so that a parser reading nothing cannot pass as "no
    // drift".
    assertThat(h2.tables).hasSize(occurrences(SchemaScripts.H2, "create", "\\bcreate\\s+table\\b"));
    assertThat(h2.indexes)
        .hasSize(occurrences(SchemaScripts.H2, "create", "\\bcreate\\s+(unique\\s+)?index\\b"));
    assertThat(h2.tables).hasSizeGreaterThan(40);
    assertThat(h2.constraints.values())
        .filteredOn(c -> c.kind().equals("foreign key"))
        .hasSizeGreaterThan(40);

    assertThat(h2.differencesFrom(derby))
        .as("port to the Derby DDL (DerbyDdlTranslator)")
        .isEmpty();
    assertThat(derby.functions).as("Derby-only functions").isEqualTo(DERBY_FUNCTIONS);
  }

  @Test
  void derbyDropScriptsDropEverythingTheCreateScriptsMakeAndNothingElse() {
    SchemaDefinition derby = definition("Derby", DERBY, UnaryOperator.identity());

    assertThat(derby.dropGaps()).isEmpty();
    assertThat(derby.droppedTables).hasSize(derby.tables.size());
    assertThat(derby.droppedFunctions).isEqualTo(DERBY_FUNCTIONS);
  }

  @Test
  void derbyAndH2DatabasesBuiltFromTheScriptsHaveTheSameSchemaAndTheDropScriptsLeaveNothing()
      throws SQLException {
    SchemaMetadata h2 = h2Metadata(SchemaScripts.readAll(SchemaScripts.H2, "create"));
    Path folder = DerbyTestEngines.newDatabaseFolder("schema-drift");
    try (Connection derby = DriverManager.getConnection(DerbyTestEngines.jdbcUrl(folder))) {
      SchemaScripts.execute(derby, SchemaScripts.readAll(DERBY, "create"));
      SchemaMetadata derbySchema = SchemaMetadata.read("Derby", derby);

      assertThat(h2.tables)
          .hasSize(definition("H2", SchemaScripts.H2, UnaryOperator.identity()).tables.size());
      assertThat(h2.namedIndexes).hasSizeGreaterThan(150);
      assertThat(h2.differencesFrom(derbySchema))
          .as("port to the Derby DDL (DerbyDdlTranslator)")
          .isEmpty();
      assertThat(rowCounts(derby)).as("seed rows per table").isEqualTo(h2RowCounts());

      SchemaScripts.execute(derby, SchemaScripts.readAll(DERBY, "drop"));

      assertThat(SchemaMetadata.tableNames(derby))
          .as("tables left by the Derby drop scripts")
          .isEmpty();
      assertThat(functionNames(derby)).as("functions left by the Derby drop scripts").isEmpty();
    } finally {
      shutDown(folder);
    }
  }

  /**
   * The guard's own test: the drifts it exists for must each produce the message that says what to
   * port.
   */
  @Test
  void textualGuardNamesANewH2ColumnAndIndexALostColumnAndAChangedType() {
    UnaryOperator<String> camundaUpgrade =
        script ->
            script
                .replace(
                    "create table ACT_RU_TASK (\n",
                    "create table ACT_RU_TASK (\n    FOO_ varchar(64),\n")
                .replace(
                    "create index ACT_IDX_TASK_CREATE",
                    "create index ACT_IDX_TASK_FOO on ACT_RU_TASK(FOO_);\ncreate index ACT_IDX_TASK_CREATE");
    SchemaDefinition h2 = definition("H2", SchemaScripts.H2, camundaUpgrade);
    SchemaDefinition derby = definition("Derby", DERBY, SchemaDriftTest::brokenTranslation);

    assertThat(h2.differencesFrom(derby))
        .containsExactlyInAnyOrder(
            "column ACT_RU_TASK.FOO_ in H2 but not in Derby",
            "index ACT_IDX_TASK_FOO in H2 but not in Derby",
            "column ACT_RU_JOB.REPEAT_ in H2 but not in Derby",
            "column ACT_GE_BYTEARRAY.GENERATED_ is BOOLEAN in H2 but SMALLINT in Derby");
  }

  @Test
  void metadataGuardNamesALostColumnAndAChangedType() throws SQLException {
    SchemaMetadata h2 = h2Metadata(SchemaScripts.readAll(SchemaScripts.H2, "create"));
    List<NamedScript> broken = new ArrayList<>();
    for (NamedScript script : SchemaScripts.readAll(DERBY, "create")) {
      broken.add(new NamedScript(script.name(), brokenTranslation(script.text())));
    }
    Path folder = DerbyTestEngines.newDatabaseFolder("schema-drift-broken");
    try (Connection derby = DriverManager.getConnection(DerbyTestEngines.jdbcUrl(folder))) {
      SchemaScripts.execute(derby, broken);

      assertThat(h2.differencesFrom(SchemaMetadata.read("Derby", derby)))
          .containsExactlyInAnyOrder(
              "column ACT_RU_JOB.REPEAT_ in H2 but not in Derby",
              "column ACT_GE_BYTEARRAY.GENERATED_ is boolean in H2 but integer in Derby");
    } finally {
      shutDown(folder);
    }
  }

  /** A translation gone wrong in the two ways that matter: a column lost and a type changed. */
  private static String brokenTranslation(String derbyScript) {
    return derbyScript
        .replace("    REPEAT_ varchar(255),\n", "")
        .replace("GENERATED_ BOOLEAN,", "GENERATED_ SMALLINT,");
  }

  private static SchemaDefinition definition(
      String label, String databaseType, UnaryOperator<String> edit) {
    return SchemaDefinition.parse(
        label,
        texts(databaseType, "create").stream().map(edit).toList(),
        texts(databaseType, "drop").stream().map(edit).toList());
  }

  private static List<String> texts(String databaseType, String operation) {
    return SchemaScripts.readAll(databaseType, operation).stream().map(NamedScript::text).toList();
  }

  private static int occurrences(String databaseType, String operation, String regex) {
    Pattern pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    return texts(databaseType, operation).stream()
        .mapToInt(
            text -> (int) pattern.matcher(SchemaScripts.withoutComments(text)).results().count())
        .sum();
  }

  /** H2 in memory, in its default mode, as the engine's own H2 test setup uses it. */
  private static Connection h2Connection() throws SQLException {
    return DriverManager.getConnection("jdbc:h2:mem:schema-drift-" + System.nanoTime(), "sa", "");
  }

  private static SchemaMetadata h2Metadata(List<NamedScript> scripts) throws SQLException {
    try (Connection h2 = h2Connection()) {
      SchemaScripts.execute(h2, scripts);
      return SchemaMetadata.read("H2", h2);
    }
  }

  private static Map<String, Integer> h2RowCounts() throws SQLException {
    try (Connection h2 = h2Connection()) {
      SchemaScripts.execute(h2, SchemaScripts.readAll(SchemaScripts.H2, "create"));
      return rowCounts(h2);
    }
  }

  private static Map<String, Integer> rowCounts(Connection connection) throws SQLException {
    Map<String, Integer> counts = new TreeMap<>();
    try (Statement statement = connection.createStatement()) {
      for (String table : SchemaMetadata.tableNames(connection)) {
        try (ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
          rs.next();
          counts.put(table, rs.getInt(1));
        }
      }
    }
    return counts;
  }

  private static Set<String> functionNames(Connection connection) throws SQLException {
    Set<String> names = new TreeSet<>();
    try (ResultSet rs = connection.getMetaData().getFunctions(null, connection.getSchema(), "%")) {
      while (rs.next()) {
        names.add(rs.getString("FUNCTION_NAME"));
      }
    }
    return names;
  }

  /** Derby keeps a booted database open until it is shut down; this releases its files. */
  private static void shutDown(Path folder) {
    try {
      DriverManager.getConnection("jdbc:derby:" + folder.toAbsolutePath() + ";shutdown=true")
          .close();
    } catch (SQLException expected) {
      // Derby reports a successful shutdown as SQLState 08006.
      if (!"08006".equals(expected.getSQLState())) {
        throw new AssertionError("Derby did not shut down cleanly", expected);
      }
    }
  }

  @Test
  void componentOrdersCoverEveryComponentTheTranslatorWrites() {
    assertThat(SchemaScripts.CREATE_ORDER)
        .containsExactlyInAnyOrderElementsOf(DerbyDdlTranslator.COMPONENTS);
    assertThat(SchemaScripts.DROP_ORDER)
        .containsExactlyInAnyOrderElementsOf(DerbyDdlTranslator.COMPONENTS);
  }
}
