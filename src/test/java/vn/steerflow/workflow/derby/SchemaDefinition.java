package vn.steerflow.workflow.derby;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one dialect's create and drop scripts declare, read from their text: tables and columns,
 * primary, foreign and unique keys, indexes, functions, seed rows, and what the drop scripts drop.
 * The parser knows the statement shapes the engine's scripts use; any other statement is kept in
 * {@link #unrecognised} so a new construct fails the drift test instead of slipping past it.
 */
final class SchemaDefinition {

  record Column(String type, boolean notNull, String defaultValue) {
    @Override
    public String toString() {
      return type
          + (notNull ? " NOT NULL" : "")
          + (defaultValue == null ? "" : " DEFAULT " + defaultValue);
    }
  }

  record Index(String table, boolean unique, List<String> columns) {
    @Override
    public String toString() {
      return (unique ? "unique on " : "on ") + table + list(columns);
    }
  }

  /**
   * A key constraint. {@code kind} is "primary key", "unique constraint" or "foreign key"; a
   * foreign key without referenced columns references the primary key of its table (resolved after
   * parsing).
   */
  record Constraint(
      String kind,
      String table,
      List<String> columns,
      String referencedTable,
      List<String> referencedColumns,
      String options) {
    @Override
    public String toString() {
      return table
          + list(columns)
          + (referencedTable == null ? "" : " -> " + referencedTable + list(referencedColumns))
          + (options.isEmpty() ? "" : " " + options);
    }
  }

  final String label;
  final Map<String, Map<String, Column>> tables = new TreeMap<>();
  final Map<String, Index> indexes = new TreeMap<>();

  /** Named constraints by name; unnamed ones by kind and definition ("primary key ACT_X(ID_)"). */
  final Map<String, Constraint> constraints = new TreeMap<>();

  final Set<String> functions = new TreeSet<>();
  final Set<String> seedRows = new TreeSet<>();
  final Set<String> droppedTables = new TreeSet<>();
  final Set<String> droppedIndexes = new TreeSet<>();
  final Set<String> droppedConstraints = new TreeSet<>();
  final Set<String> droppedFunctions = new TreeSet<>();
  final List<String> unrecognised = new ArrayList<>();

  private static final String NAME = "([A-Za-z_][A-Za-z0-9_]*)";
  private static final String LIST = "\\(([^()]*)\\)";
  private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;

  private static final Pattern CREATE_TABLE =
      Pattern.compile("create table " + NAME + " ?\\((.*)\\)", CI);
  private static final Pattern CREATE_INDEX =
      Pattern.compile("create (unique )?index " + NAME + " on " + NAME + " ?" + LIST, CI);
  private static final Pattern ADD_CONSTRAINT =
      Pattern.compile("alter table " + NAME + " add constraint " + NAME + " (.*)", CI);
  private static final Pattern ADD_COLUMN =
      Pattern.compile("alter table " + NAME + " add (?:column )?" + NAME + " (.*)", CI);
  private static final Pattern INSERT = Pattern.compile("insert into " + NAME + "\\b.*", CI);
  private static final Pattern CREATE_FUNCTION =
      Pattern.compile("create function " + NAME + " ?\\(.*", CI);
  private static final Pattern DROP_TABLE =
      Pattern.compile("drop table (?:if exists )?" + NAME + "(?: if exists)?", CI);
  private static final Pattern DROP_INDEX =
      Pattern.compile("drop index (?:if exists )?" + NAME + "(?: if exists)?", CI);
  private static final Pattern DROP_CONSTRAINT =
      Pattern.compile("alter table " + NAME + " drop constraint (?:if exists )?" + NAME, CI);
  private static final Pattern DROP_FUNCTION =
      Pattern.compile("drop function (?:if exists )?" + NAME, CI);

  private static final Pattern PRIMARY_KEY = Pattern.compile("primary key ?" + LIST, CI);
  private static final Pattern UNIQUE = Pattern.compile("unique ?" + LIST, CI);
  private static final Pattern FOREIGN_KEY =
      Pattern.compile(
          "foreign key ?" + LIST + " references " + NAME + "(?: ?" + LIST + ")?(.*)", CI);
  private static final Pattern NAMED_CONSTRAINT =
      Pattern.compile("constraint " + NAME + " (.*)", CI);
  private static final Pattern COLUMN_TYPE =
      Pattern.compile("([A-Za-z]+(?: precision| varying)?(?: ?\\([0-9 ,]*\\))?)(.*)", CI);
  private static final Pattern NOT_NULL = Pattern.compile("\\bnot null\\b", CI);
  private static final Pattern DEFAULT = Pattern.compile("\\bdefault ('[^']*'|[^ ]+)", CI);
  private static final Pattern INLINE_NULL = Pattern.compile("^null\\b|(?<= )null\\b", CI);

  private SchemaDefinition(String label) {
    this.label = label;
  }

  /**
   * @param label how messages name the dialect, e.g. "H2" or "Derby"
   * @param createScripts the create scripts in the engine's order
   * @param dropScripts the drop scripts in the engine's order
   */
  static SchemaDefinition parse(
      String label, List<String> createScripts, List<String> dropScripts) {
    SchemaDefinition definition = new SchemaDefinition(label);
    createScripts.forEach(
        script -> SchemaScripts.statements(script).forEach(definition::readCreateStatement));
    dropScripts.forEach(
        script -> SchemaScripts.statements(script).forEach(definition::readDropStatement));
    definition.resolveForeignKeyTargets();
    return definition;
  }

  private void readCreateStatement(String raw) {
    String sql = normalise(raw);
    Matcher m;
    if (sql.isEmpty()) {
      return;
    }
    if ((m = CREATE_TABLE.matcher(sql)).matches()) {
      readTable(upper(m.group(1)), m.group(2), sql);
    } else if ((m = CREATE_INDEX.matcher(sql)).matches()) {
      if (indexes.put(
              upper(m.group(2)),
              new Index(upper(m.group(3)), m.group(1) != null, names(m.group(4))))
          != null) {
        unrecognised.add("index declared twice: " + sql);
      }
    } else if ((m = ADD_CONSTRAINT.matcher(sql)).matches()) {
      if (!readConstraint(upper(m.group(1)), upper(m.group(2)), m.group(3))) {
        unrecognised.add(sql);
      }
    } else if ((m = ADD_COLUMN.matcher(sql)).matches()
        && !m.group(2).equalsIgnoreCase("constraint")) {
      readColumn(upper(m.group(1)), upper(m.group(2)), m.group(3), sql);
    } else if ((m = INSERT.matcher(sql)).matches()) {
      if (!seedRows.add(sql)) {
        unrecognised.add("seed row inserted twice: " + sql);
      }
    } else if ((m = CREATE_FUNCTION.matcher(sql)).matches()) {
      functions.add(upper(m.group(1)));
    } else {
      unrecognised.add(sql);
    }
  }

  private void readDropStatement(String raw) {
    String sql = normalise(raw);
    Matcher m;
    if (sql.isEmpty()) {
      return;
    }
    if ((m = DROP_TABLE.matcher(sql)).matches()) {
      droppedTables.add(upper(m.group(1)));
    } else if ((m = DROP_INDEX.matcher(sql)).matches()) {
      droppedIndexes.add(upper(m.group(1)));
    } else if ((m = DROP_CONSTRAINT.matcher(sql)).matches()) {
      droppedConstraints.add(upper(m.group(2)));
    } else if ((m = DROP_FUNCTION.matcher(sql)).matches()) {
      droppedFunctions.add(upper(m.group(1)));
    } else {
      unrecognised.add(sql);
    }
  }

  private void readTable(String table, String body, String sql) {
    if (tables.containsKey(table)) {
      unrecognised.add("second create table " + table + ": " + sql);
    }
    tables.put(table, new LinkedHashMap<>());
    for (String element : splitTopLevel(body)) {
      Matcher named = NAMED_CONSTRAINT.matcher(element);
      if (named.matches()) {
        if (!readConstraint(table, upper(named.group(1)), named.group(2))) {
          unrecognised.add("in " + table + ": " + element);
        }
      } else if (!readConstraint(table, null, element)) {
        Matcher column = Pattern.compile(NAME + " (.*)", CI).matcher(element);
        if (column.matches()) {
          readColumn(table, upper(column.group(1)), column.group(2), element);
        } else {
          unrecognised.add("in " + table + ": " + element);
        }
      }
    }
  }

  /** Reads a table or column constraint; false if the text is none. */
  private boolean readConstraint(String table, String name, String text) {
    Matcher m;
    if ((m = PRIMARY_KEY.matcher(text)).matches()) {
      putConstraint(
          name, new Constraint("primary key", table, names(m.group(1)), null, List.of(), ""));
    } else if ((m = UNIQUE.matcher(text)).matches()) {
      putConstraint(
          name, new Constraint("unique constraint", table, names(m.group(1)), null, List.of(), ""));
    } else if ((m = FOREIGN_KEY.matcher(text)).matches()) {
      List<String> referenced = m.group(3) == null ? List.of() : names(m.group(3));
      putConstraint(
          name,
          new Constraint(
              "foreign key",
              table,
              names(m.group(1)),
              upper(m.group(2)),
              referenced,
              upper(m.group(4).trim())));
    } else {
      return false;
    }
    return true;
  }

  private void putConstraint(String name, Constraint constraint) {
    String key = name != null ? name : unnamedKey(constraint);
    if (constraints.put(key, constraint) != null) {
      unrecognised.add("constraint declared twice: " + key);
    }
  }

  private void readColumn(String table, String column, String definition, String sql) {
    Map<String, Column> columns = tables.get(table);
    Matcher type = COLUMN_TYPE.matcher(definition);
    if (columns == null || !type.matches()) {
      unrecognised.add(sql);
      return;
    }
    String rest = type.group(2);
    Matcher defaultValue = DEFAULT.matcher(rest);
    String defaultText = defaultValue.find() ? upper(defaultValue.group(1)) : null;
    boolean notNull = NOT_NULL.matcher(rest).find();
    String leftOver = rest;
    leftOver = DEFAULT.matcher(leftOver).replaceAll(" ");
    leftOver = NOT_NULL.matcher(leftOver).replaceAll(" ");
    leftOver = INLINE_NULL.matcher(leftOver.trim()).replaceAll(" ");
    // A column clause with a key (inline primary key, unique, references) becomes a constraint of
    // its own.
    Matcher inlineKey =
        Pattern.compile("(primary key|unique|references " + NAME + "(?: ?" + LIST + ")?)(.*)", CI)
            .matcher(leftOver.trim());
    if (inlineKey.matches()) {
      String key = inlineKey.group(1).toLowerCase(Locale.ROOT);
      if (key.startsWith("primary")) {
        putConstraint(
            null, new Constraint("primary key", table, List.of(column), null, List.of(), ""));
      } else if (key.startsWith("unique")) {
        putConstraint(
            null, new Constraint("unique constraint", table, List.of(column), null, List.of(), ""));
      } else {
        List<String> referenced =
            inlineKey.group(3) == null ? List.of() : names(inlineKey.group(3));
        putConstraint(
            null,
            new Constraint(
                "foreign key", table, List.of(column), upper(inlineKey.group(2)), referenced, ""));
      }
      leftOver = inlineKey.group(4);
    }
    if (!leftOver.isBlank()) {
      unrecognised.add(
          "column clause '" + leftOver.trim() + "' in " + table + "." + column + ": " + sql);
    }
    if (columns.put(column, new Column(canonicalType(type.group(1)), notNull, defaultText))
        != null) {
      unrecognised.add("column declared twice: " + table + "." + column);
    }
  }

  /** "references T" means T's primary key: spell it out so both spellings compare equal. */
  private void resolveForeignKeyTargets() {
    Map<String, Constraint> resolved = new TreeMap<>();
    for (Map.Entry<String, Constraint> entry : constraints.entrySet()) {
      Constraint constraint = entry.getValue();
      boolean unnamed = entry.getKey().equals(unnamedKey(constraint));
      if (constraint.kind().equals("foreign key") && constraint.referencedColumns().isEmpty()) {
        constraint =
            new Constraint(
                constraint.kind(),
                constraint.table(),
                constraint.columns(),
                constraint.referencedTable(),
                primaryKeyOf(constraint.referencedTable()),
                constraint.options());
      }
      resolved.put(unnamed ? unnamedKey(constraint) : entry.getKey(), constraint);
    }
    constraints.clear();
    constraints.putAll(resolved);
  }

  private List<String> primaryKeyOf(String table) {
    return constraints.values().stream()
        .filter(c -> c.kind().equals("primary key") && c.table().equals(table))
        .map(Constraint::columns)
        .findFirst()
        .orElse(List.of("<no primary key>"));
  }

  private static String unnamedKey(Constraint constraint) {
    return constraint.kind() + " " + constraint;
  }

  /**
   * One spelling per type: the H2 spellings Derby lacks ({@code bit}, {@code long}, {@code
   * longvarbinary}) and the Derby types that mean the same ({@code BOOLEAN}, {@code BIGINT}, {@code
   * BLOB}) compare equal; everything else, lengths included, must match as written.
   */
  static String canonicalType(String declared) {
    String type =
        upper(declared)
            .replaceAll(" ?\\( ?", "(")
            .replaceAll(" ?, ?", ",")
            .replaceAll(" ?\\)", ")");
    String base = type.replaceAll("\\(.*", "");
    return switch (base) {
      case "BIT", "BOOLEAN" -> "BOOLEAN";
      case "LONG", "BIGINT" -> "BIGINT";
      case "LONGVARBINARY", "BLOB" -> "BLOB";
      case "INT", "INTEGER" -> "INTEGER";
      case "DOUBLE", "DOUBLE PRECISION" -> "DOUBLE";
      default -> type;
    };
  }

  /**
   * Everything in {@code this} (the reference dialect) that {@code other} lacks or declares
   * differently, and everything {@code other} has on top, one message per difference.
   */
  List<String> differencesFrom(SchemaDefinition other) {
    List<String> differences = new ArrayList<>();
    for (String table : union(tables.keySet(), other.tables.keySet())) {
      Map<String, Column> mine = tables.get(table);
      Map<String, Column> theirs = other.tables.get(table);
      if (mine == null || theirs == null) {
        differences.add(
            "table "
                + table
                + " in "
                + (mine != null ? label : other.label)
                + " but not in "
                + (mine != null ? other.label : label));
        continue;
      }
      for (String column : union(mine.keySet(), theirs.keySet())) {
        Column a = mine.get(column);
        Column b = theirs.get(column);
        String what = "column " + table + "." + column;
        if (a == null || b == null) {
          differences.add(
              what
                  + " in "
                  + (a != null ? label : other.label)
                  + " but not in "
                  + (a != null ? other.label : label));
        } else if (!a.equals(b)) {
          differences.add(what + " is " + a + " in " + label + " but " + b + " in " + other.label);
        }
      }
    }
    compareNamed(
        differences,
        constraints,
        other.constraints,
        other,
        (key, c) -> key.startsWith(c.kind()) ? key : c.kind() + " " + key);
    compareNamed(differences, indexes, other.indexes, other, (name, index) -> "index " + name);
    for (String row : union(seedRows, other.seedRows)) {
      if (!seedRows.contains(row) || !other.seedRows.contains(row)) {
        boolean mineOnly = seedRows.contains(row);
        differences.add(
            "seed row ["
                + row
                + "] in "
                + (mineOnly ? label : other.label)
                + " but not in "
                + (mineOnly ? other.label : label));
      }
    }
    for (String function : functions) {
      if (!other.functions.contains(function)) {
        differences.add("function " + function + " in " + label + " but not in " + other.label);
      }
    }
    compareSets(differences, "drop of table ", droppedTables, other.droppedTables, other);
    compareSets(differences, "drop of index ", droppedIndexes, other.droppedIndexes, other);
    compareSets(
        differences, "drop of constraint ", droppedConstraints, other.droppedConstraints, other);
    return differences;
  }

  /**
   * What the drop scripts miss or overdo: every table, index, named constraint and function the
   * create scripts make must be dropped, tables and functions by name, indexes and foreign keys too
   * because the engine's scripts drop them explicitly; and nothing may be dropped that was never
   * made, because a drop without {@code if exists} fails on Derby.
   */
  List<String> dropGaps() {
    List<String> gaps = new ArrayList<>();
    dropGaps(gaps, "table", tables.keySet(), droppedTables);
    dropGaps(gaps, "index", indexes.keySet(), droppedIndexes);
    dropGaps(gaps, "function", functions, droppedFunctions);
    for (String constraint : droppedConstraints) {
      if (!constraints.containsKey(constraint)) {
        gaps.add(
            "the "
                + label
                + " drop scripts drop constraint "
                + constraint
                + ", which the create scripts never make");
      }
    }
    return gaps;
  }

  private void dropGaps(List<String> gaps, String kind, Set<String> created, Set<String> dropped) {
    for (String name : created) {
      if (!dropped.contains(name)) {
        gaps.add(
            kind + " " + name + " is created but not dropped by the " + label + " drop scripts");
      }
    }
    for (String name : dropped) {
      if (!created.contains(name)) {
        gaps.add(
            "the "
                + label
                + " drop scripts drop "
                + kind
                + " "
                + name
                + ", which the create scripts never make");
      }
    }
  }

  private <T> void compareNamed(
      List<String> differences,
      Map<String, T> mine,
      Map<String, T> theirs,
      SchemaDefinition other,
      BiFunction<String, T, String> describe) {
    for (String name : union(mine.keySet(), theirs.keySet())) {
      T a = mine.get(name);
      T b = theirs.get(name);
      String what = describe.apply(name, a != null ? a : b);
      if (a == null || b == null) {
        differences.add(
            what
                + " in "
                + (a != null ? label : other.label)
                + " but not in "
                + (a != null ? other.label : label));
      } else if (!Objects.equals(a, b)) {
        differences.add(what + " is " + a + " in " + label + " but " + b + " in " + other.label);
      }
    }
  }

  private void compareSets(
      List<String> differences,
      String prefix,
      Set<String> mine,
      Set<String> theirs,
      SchemaDefinition other) {
    for (String name : union(mine, theirs)) {
      if (!mine.contains(name) || !theirs.contains(name)) {
        boolean mineOnly = mine.contains(name);
        differences.add(
            prefix
                + name
                + " in "
                + (mineOnly ? label : other.label)
                + " but not in "
                + (mineOnly ? other.label : label));
      }
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  /**
   * Comments out, whitespace collapsed to single spaces. Case is kept: string literals are data.
   */
  private static String normalise(String statement) {
    return SchemaScripts.withoutComments(statement).replaceAll("\\s+", " ").trim();
  }

  /** Splits a create-table body at the commas outside parentheses and string literals. */
  private static List<String> splitTopLevel(String body) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    boolean inString = false;
    StringBuilder current = new StringBuilder();
    for (char c : body.toCharArray()) {
      if (c == '\'') {
        inString = !inString;
      } else if (!inString && c == '(') {
        depth++;
      } else if (!inString && c == ')') {
        depth--;
      } else if (!inString && depth == 0 && c == ',') {
        parts.add(current.toString().trim());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    if (!current.toString().isBlank()) {
      parts.add(current.toString().trim());
    }
    return parts;
  }

  private static List<String> names(String list) {
    List<String> names = new ArrayList<>();
    for (String name : list.split(",")) {
      names.add(upper(name.trim()));
    }
    return List.copyOf(names);
  }

  private static String list(List<String> columns) {
    return "(" + String.join(", ", columns) + ")";
  }

  private static String upper(String text) {
    return text.toUpperCase(Locale.ROOT);
  }
}
