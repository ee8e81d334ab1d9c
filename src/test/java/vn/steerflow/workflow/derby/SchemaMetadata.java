package vn.steerflow.workflow.derby;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.derby.catalog.IndexDescriptor;

/**
 * A database schema as the JDBC driver reports it once the scripts have run: what the database made
 * of the DDL, whatever the scripts' spelling. Column types are compared by family (see {@link
 * #family}), since H2 and Derby name the same type differently.
 */
final class SchemaMetadata {

  record Column(String family, Integer textLength, boolean nullable, String defaultValue) {
    @Override
    public String toString() {
      return family
          + (textLength == null ? "" : "(" + textLength + ")")
          + (nullable ? "" : " NOT NULL")
          + (defaultValue == null ? "" : " DEFAULT " + defaultValue);
    }
  }

  /**
   * Index names the databases generate for constraints: Derby's "SQL" + digits, H2's
   * "PRIMARY_KEY_x", "CONSTRAINT_INDEX_x" and "{constraint}_INDEX_x". Only the names the scripts
   * chose are compared.
   */
  private static final Pattern GENERATED_INDEX_NAME =
      Pattern.compile(
          "SQL[0-9a-f-]+|PRIMARY_KEY_\\w*|\\w*_INDEX_[0-9A-F]+", Pattern.CASE_INSENSITIVE);

  final String label;
  final Map<String, Map<String, Column>> tables = new TreeMap<>();
  final Map<String, List<String>> primaryKeys = new TreeMap<>();

  /** Foreign keys by name: "T(C) -> P(ID_)". */
  final Map<String, String> foreignKeys = new TreeMap<>();

  /** Indexes the scripts named, by name: "unique T(A, B)" or "T(A)". */
  final Map<String, String> namedIndexes = new TreeMap<>();

  /** Every uniqueness rule by its columns, however it is declared or named: "T(A, B)". */
  final Set<String> uniqueKeys = new TreeSet<>();

  private SchemaMetadata(String label) {
    this.label = label;
  }

  /** The connection's current schema: every table in it, whatever its name. */
  static SchemaMetadata read(String label, Connection connection) throws SQLException {
    SchemaMetadata schema = new SchemaMetadata(label);
    DatabaseMetaData metaData = connection.getMetaData();
    String owner = connection.getSchema();
    for (String table : tableNames(connection)) {
      Map<String, Column> columns = new TreeMap<>();
      Map<Integer, String> columnsByPosition = new TreeMap<>();
      try (ResultSet rs = metaData.getColumns(null, owner, table, null)) {
        while (rs.next()) {
          columnsByPosition.put(rs.getInt("ORDINAL_POSITION"), rs.getString("COLUMN_NAME"));
          int type = rs.getInt("DATA_TYPE");
          String family = family(type, rs.getString("TYPE_NAME"));
          Integer length = family.equals("text") ? rs.getInt("COLUMN_SIZE") : null;
          boolean nullable = rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
          String defaultValue = rs.getString("COLUMN_DEF");
          columns.put(
              rs.getString("COLUMN_NAME"),
              new Column(
                  family,
                  length,
                  nullable,
                  defaultValue == null ? null : defaultValue.trim().toUpperCase(Locale.ROOT)));
        }
      }
      schema.tables.put(table, columns);

      try (ResultSet rs = metaData.getPrimaryKeys(null, owner, table)) {
        Map<Integer, String> keyColumns = new TreeMap<>();
        while (rs.next()) {
          keyColumns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
        }
        if (!keyColumns.isEmpty()) {
          schema.primaryKeys.put(table, List.copyOf(keyColumns.values()));
        }
      }

      Map<String, Map<Integer, String[]>> foreignKeyColumns = new TreeMap<>();
      Map<String, String[]> foreignKeyTargets = new TreeMap<>();
      try (ResultSet rs = metaData.getImportedKeys(null, owner, table)) {
        while (rs.next()) {
          String name = rs.getString("FK_NAME");
          foreignKeyColumns
              .computeIfAbsent(name, n -> new TreeMap<>())
              .put(
                  rs.getInt("KEY_SEQ"),
                  new String[] {rs.getString("FKCOLUMN_NAME"), rs.getString("PKCOLUMN_NAME")});
          foreignKeyTargets.put(
              name,
              new String[] {rs.getString("PKTABLE_NAME"), deleteRule(rs.getInt("DELETE_RULE"))});
        }
      }
      foreignKeyColumns.forEach(
          (name, pairs) -> {
            String[] target = foreignKeyTargets.get(name);
            schema.foreignKeys.put(
                name,
                table
                    + list(pairs.values(), p -> p[0])
                    + " -> "
                    + target[0]
                    + list(pairs.values(), p -> p[1])
                    + target[1]);
          });

      if (DerbySqlDialect.DERBY_PRODUCT_NAME.equals(metaData.getDatabaseProductName())) {
        schema.readDerbyIndexes(connection, table, columnsByPosition);
      } else {
        schema.readIndexes(metaData, owner, table);
      }
    }
    return schema;
  }

  private void readIndexes(DatabaseMetaData metaData, String owner, String table)
      throws SQLException {
    Map<String, Map<Integer, String>> indexColumns = new TreeMap<>();
    Map<String, Boolean> indexUnique = new TreeMap<>();
    try (ResultSet rs = metaData.getIndexInfo(null, owner, table, false, false)) {
      while (rs.next()) {
        String name = rs.getString("INDEX_NAME");
        if (name == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
          continue;
        }
        indexColumns
            .computeIfAbsent(name, n -> new TreeMap<>())
            .put((int) rs.getShort("ORDINAL_POSITION"), rs.getString("COLUMN_NAME"));
        indexUnique.put(name, !rs.getBoolean("NON_UNIQUE"));
      }
    }
    indexColumns.forEach(
        (name, byPosition) -> addIndex(name, table, indexUnique.get(name), byPosition.values()));
  }

  /**
   * Derby's index catalog rather than {@code getIndexInfo}, which lists the index backing a unique
   * constraint on nullable columns as non-unique, although Derby enforces it for the non-null
   * values as H2 does (ACT_UNIQ_AUTH_USER, ACT_UNIQ_TENANT_MEMB_USER, ...).
   */
  private void readDerbyIndexes(
      Connection connection, String table, Map<Integer, String> columnsByPosition)
      throws SQLException {
    String sql =
        "select g.CONGLOMERATENAME, g.DESCRIPTOR from SYS.SYSCONGLOMERATES g"
            + " join SYS.SYSTABLES t on g.TABLEID = t.TABLEID join SYS.SYSSCHEMAS s on t.SCHEMAID = s.SCHEMAID"
            + " where g.ISINDEX and s.SCHEMANAME = ? and t.TABLENAME = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, connection.getSchema());
      statement.setString(2, table);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          IndexDescriptor index = (IndexDescriptor) rs.getObject("DESCRIPTOR");
          List<String> columnNames = new ArrayList<>();
          for (int position : index.baseColumnPositions()) {
            columnNames.add(columnsByPosition.get(position));
          }
          addIndex(
              rs.getString("CONGLOMERATENAME"),
              table,
              index.isUnique() || index.isUniqueWithDuplicateNulls(),
              columnNames);
        }
      }
    }
  }

  private void addIndex(
      String name, String table, boolean unique, java.util.Collection<String> columnNames) {
    String columnsOfIndex = table + list(columnNames, c -> c);
    if (unique) {
      uniqueKeys.add(columnsOfIndex);
    }
    if (!GENERATED_INDEX_NAME.matcher(name).matches()) {
      namedIndexes.put(name, (unique ? "unique " : "") + columnsOfIndex);
    }
  }

  /** The tables of the connection's current schema. */
  static Set<String> tableNames(Connection connection) throws SQLException {
    Set<String> names = new TreeSet<>();
    try (ResultSet rs =
        connection.getMetaData().getTables(null, connection.getSchema(), "%", null)) {
      while (rs.next()) {
        String type = rs.getString("TABLE_TYPE");
        if (type != null
            && type.toUpperCase(Locale.ROOT).contains("TABLE")
            && !type.toUpperCase(Locale.ROOT).contains("SYSTEM")) {
          names.add(rs.getString("TABLE_NAME"));
        }
      }
    }
    return names;
  }

  /**
   * The type family of a JDBC type: what the engine's MyBatis mappings can tell apart. Text keeps
   * its length, since a shorter column truncates or rejects data; binary and character large
   * objects do not, since H2 and Derby size them differently and the engine does not rely on their
   * limits.
   */
  static String family(int jdbcType, String typeName) {
    return switch (jdbcType) {
      case Types.CHAR,
              Types.VARCHAR,
              Types.NCHAR,
              Types.NVARCHAR,
              Types.LONGVARCHAR,
              Types.LONGNVARCHAR ->
          "text";
      case Types.CLOB, Types.NCLOB -> "character large object";
      case Types.BIT, Types.BOOLEAN -> "boolean";
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> "integer";
      case Types.BIGINT -> "bigint";
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> "floating point";
      case Types.DECIMAL, Types.NUMERIC -> "decimal";
      case Types.DATE -> "date";
      case Types.TIME, Types.TIME_WITH_TIMEZONE -> "time";
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> "timestamp";
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "binary";
      default -> typeName.toLowerCase(Locale.ROOT);
    };
  }

  /**
   * RESTRICT and NO ACTION differ only in when they check, which no engine statement can observe.
   */
  private static String deleteRule(int rule) {
    return switch (rule) {
      case DatabaseMetaData.importedKeyCascade -> " on delete cascade";
      case DatabaseMetaData.importedKeySetNull -> " on delete set null";
      case DatabaseMetaData.importedKeySetDefault -> " on delete set default";
      default -> "";
    };
  }

  /** Everything that differs between this schema and the other, one message per difference. */
  List<String> differencesFrom(SchemaMetadata other) {
    List<String> differences = new ArrayList<>();
    for (String table : union(tables.keySet(), other.tables.keySet())) {
      Map<String, Column> mine = tables.get(table);
      Map<String, Column> theirs = other.tables.get(table);
      if (mine == null || theirs == null) {
        differences.add(presence("table " + table, mine != null, other));
        continue;
      }
      for (String column : union(mine.keySet(), theirs.keySet())) {
        Column a = mine.get(column);
        Column b = theirs.get(column);
        if (a == null || b == null) {
          differences.add(presence("column " + table + "." + column, a != null, other));
        } else if (!a.equals(b)) {
          differences.add(
              "column "
                  + table
                  + "."
                  + column
                  + " is "
                  + a
                  + " in "
                  + label
                  + " but "
                  + b
                  + " in "
                  + other.label);
        }
      }
    }
    compare(differences, "primary key of ", primaryKeys, other.primaryKeys, other);
    compare(differences, "foreign key ", foreignKeys, other.foreignKeys, other);
    compare(differences, "index ", namedIndexes, other.namedIndexes, other);
    for (String key : union(uniqueKeys, other.uniqueKeys)) {
      if (!uniqueKeys.contains(key) || !other.uniqueKeys.contains(key)) {
        differences.add(presence("unique key " + key, uniqueKeys.contains(key), other));
      }
    }
    return differences;
  }

  private <T> void compare(
      List<String> differences,
      String prefix,
      Map<String, T> mine,
      Map<String, T> theirs,
      SchemaMetadata other) {
    for (String name : union(mine.keySet(), theirs.keySet())) {
      T a = mine.get(name);
      T b = theirs.get(name);
      if (a == null || b == null) {
        differences.add(presence(prefix + name, a != null, other));
      } else if (!Objects.equals(a, b)) {
        differences.add(
            prefix + name + " is " + a + " in " + label + " but " + b + " in " + other.label);
      }
    }
  }

  private String presence(String what, boolean mine, SchemaMetadata other) {
    return what
        + " in "
        + (mine ? label : other.label)
        + " but not in "
        + (mine ? other.label : label);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  private static <T> String list(java.util.Collection<T> items, Function<T, String> name) {
    List<String> names = new ArrayList<>();
    items.forEach(item -> names.add(name.apply(item)));
    return "(" + String.join(", ", names) + ")";
  }
}
