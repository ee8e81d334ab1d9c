package vn.steerflow.workflow.derby;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.steerflow.workflow.derby.ddl.DerbyDdlTranslator;

/**
 * The translation rules one by one, on small scripts, and their effect on the engine's real
 * scripts.
 */
class DerbyDdlTranslatorTest {

  /** A component without the functions, so that only the type and drop rules apply. */
  private static final String PLAIN = "history";

  private static String create(String h2) {
    return DerbyDdlTranslator.translate("create", PLAIN, h2);
  }

  @Test
  void bitBecomesBooleanWhereverATypeEnds() {
    String h2 =
        "create table T (\n    A_ bit,\n    B_ bit not null,\n    C_ BIT default false,\n    D_ bit\n);\n";

    assertThat(create(h2))
        .isEqualTo(
            "create table T (\n    A_ BOOLEAN,\n    B_ BOOLEAN not null,\n    C_ BOOLEAN default false,\n    D_ BOOLEAN\n);\n");
  }

  @Test
  void longvarbinaryBecomesBlob() {
    assertThat(create("create table T (\n    A_ longvarbinary,\n    B_ LONGVARBINARY\n);\n"))
        .isEqualTo("create table T (\n    A_ BLOB,\n    B_ BLOB\n);\n");
  }

  @Test
  void longBecomesBigint() {
    assertThat(
            create(
                "create table T (\n    A_ long,\n    B_ long not null,\n    C_ LONG default 0,\n    D_ long)\n;\n"))
        .isEqualTo(
            "create table T (\n    A_ BIGINT,\n    B_ BIGINT not null,\n    C_ BIGINT default 0,\n    D_ BIGINT)\n;\n");
  }

  @Test
  void ifExistsIsRemovedFromDrops() {
    String h2 =
        "drop table ACT_A if exists;\ndrop table ACT_B IF  EXISTS ;\ndrop index ACT_IDX_C;\n";

    assertThat(DerbyDdlTranslator.translate("drop", PLAIN, h2))
        .isEqualTo("drop table ACT_A;\ndrop table ACT_B ;\ndrop index ACT_IDX_C;\n");
  }

  @Test
  void typeWordsInsideIdentifiersAreUntouched() {
    String h2 =
        "create table ACT_BIT_LONG (\n"
            + "    ORBIT_ varchar(64),\n"
            + "    BIT_COUNT_ integer,\n"
            + "    HAS_BIT_ varchar(64),\n"
            + "    LONG_NAME_ varchar(255),\n"
            + "    BELONG_ varchar(64),\n"
            + "    LONGVARBINARY_ID_ varchar(64),\n"
            + "    BITS_ bigint,\n"
            + "    IF_EXISTS_ varchar(64)\n"
            + ");\n"
            + "create index ACT_IDX_BIT on ACT_BIT_LONG(BIT_COUNT_, LONG_NAME_);\n";

    assertThat(create(h2)).isEqualTo(h2);
  }

  @Test
  void identifiersThatEndInATypeWordKeepTheirNameWhileTheirTypeIsTranslated() {
    assertThat(
            create(
                "create table T (\n    ORBIT_ bit,\n    BELONG_ long,\n    BLOB_ID_ longvarbinary\n);\n"))
        .isEqualTo(
            "create table T (\n    ORBIT_ BOOLEAN,\n    BELONG_ BIGINT,\n    BLOB_ID_ BLOB\n);\n");
  }

  @Test
  void typesDerbyKnowsAndEverythingElseStayAsWritten() {
    String h2 =
        "create table ACT_T (\n"
            + "    ID_ varchar(64) not null,\n"
            + "    REV_ integer,\n"
            + "    PRIORITY_ bigint NOT NULL DEFAULT 0,\n"
            + "    EXCLUSIVE_ boolean,\n"
            + "    BYTES_ blob,\n"
            + "    TEXT_ CLOB,\n"
            + "    DOUBLE_ double,\n"
            + "    TIME_ timestamp,\n"
            + "    primary key (ID_),\n"
            + "    unique (REV_)\n"
            + ");\n\n"
            + "insert into ACT_T values ('0', 1);\n"
            + "alter table ACT_T\n    add constraint ACT_FK_T\n    foreign key (REV_)\n    references ACT_U (ID_);\n";

    assertThat(create(h2)).isEqualTo(h2);
  }

  @Test
  void indexesAreCreatedBeforeTheConstraintsSoThatDerbyCreatesThemAll() {
    String h2 =
        "create table ACT_A (\n    ID_ varchar(64),\n    B_ varchar(64)\n);\n\n"
            + "create index ACT_IDX_A_FIRST on ACT_A(ID_, B_);\n\n"
            + "alter table ACT_A\n    add constraint ACT_FK_A_B\n    foreign key (B_)\n    references ACT_B (ID_);\n\n"
            + "create index ACT_IDX_A_B on ACT_A(B_);\n"
            + "CREATE UNIQUE INDEX ACT_UNIQ_A ON ACT_A(ID_);\n";

    assertThat(create(h2))
        .isEqualTo(
            "create table ACT_A (\n    ID_ varchar(64),\n    B_ varchar(64)\n);\n\n"
                + "create index ACT_IDX_A_FIRST on ACT_A(ID_, B_);\n\n"
                + "create index ACT_IDX_A_B on ACT_A(B_);\n"
                + "CREATE UNIQUE INDEX ACT_UNIQ_A ON ACT_A(ID_);\n\n"
                + "alter table ACT_A\n    add constraint ACT_FK_A_B\n    foreign key (B_)\n    references ACT_B (ID_);\n\n");
    assertThat(
            DerbyDdlTranslator.translate(
                "drop",
                PLAIN,
                "drop index ACT_IDX_A_B;\nalter table ACT_A\n    drop constraint ACT_FK_A_B;\n"))
        .as("drop scripts keep their order")
        .isEqualTo("drop index ACT_IDX_A_B;\nalter table ACT_A\n    drop constraint ACT_FK_A_B;\n");
  }

  @Test
  void aScriptWithoutConstraintsKeepsItsOrder() {
    String h2 =
        "create table ACT_A (\n    ID_ varchar(64)\n);\ncreate index ACT_IDX_A on ACT_A(ID_);\n";

    assertThat(create(h2)).isEqualTo(h2);
  }

  @Test
  void theEngineComponentDeclaresTheFunctionsFirstAndDropsThemLast() {
    String createEngine =
        DerbyDdlTranslator.translate(
            "create", "engine", "create table ACT_GE_PROPERTY (\n    NAME_ varchar(64)\n);\n");
    String dropEngine =
        DerbyDdlTranslator.translate("drop", "engine", "drop table ACT_GE_PROPERTY if exists;\n");

    assertThat(createEngine)
        .startsWith("create function BITAND(A integer, B integer) returns integer")
        .contains("external name '" + DerbyFunctions.CLASS_NAME + ".bitand';")
        .contains("create function QUARTER(T timestamp) returns integer")
        .contains("external name '" + DerbyFunctions.CLASS_NAME + ".quarter';")
        .endsWith("create table ACT_GE_PROPERTY (\n    NAME_ varchar(64)\n);\n");
    assertThat(dropEngine)
        .startsWith("drop table ACT_GE_PROPERTY;\n")
        .endsWith("drop function BITAND;\n\ndrop function QUARTER;\n");
  }

  @Test
  void noOtherComponentCarriesTheFunctions() {
    for (String component : DerbyDdlTranslator.COMPONENTS) {
      if (component.equals("engine")) {
        continue;
      }
      assertThat(
              DerbyDdlTranslator.translate(
                  "create", component, "create table ACT_X (\n    ID_ varchar(64)\n);\n"))
          .as(component)
          .isEqualTo("create table ACT_X (\n    ID_ varchar(64)\n);\n");
      assertThat(DerbyDdlTranslator.translate("drop", component, "drop table ACT_X if exists;\n"))
          .as(component)
          .isEqualTo("drop table ACT_X;\n");
    }
  }

  @Test
  void theFunctionsTheDdlPointsAtExistAndCompute() {
    // The DDL names these methods by string only: this breaks the build if they move or change
    // shape.
    assertThat(DerbyFunctions.bitand(0b0110, 0b0011)).isEqualTo(0b0010);
    assertThat(DerbyFunctions.quarter(Timestamp.valueOf("2025-01-01 00:00:00"))).isEqualTo(1);
    assertThat(DerbyFunctions.quarter(Timestamp.valueOf("2025-06-30 23:59:59"))).isEqualTo(2);
    assertThat(DerbyFunctions.quarter(Timestamp.valueOf("2025-07-01 00:00:00"))).isEqualTo(3);
    assertThat(DerbyFunctions.quarter(Timestamp.valueOf("2025-12-31 23:59:59"))).isEqualTo(4);
  }

  @Test
  void theEngineScriptsKeepNoH2OnlyTypeAndNoIfExists() {
    Pattern h2OnlyType =
        Pattern.compile("(?i)\\s(bit|long|longvarbinary)\\s*(,|\\)|\\n|not\\b|default\\b)");
    Pattern ifExists = Pattern.compile("(?i)\\bif\\s+exists\\b");
    for (String component : DerbyDdlTranslator.COMPONENTS) {
      String create =
          DerbyDdlTranslator.translate(
              "create", component, SchemaScripts.read(SchemaScripts.H2, "create", component));
      String drop =
          DerbyDdlTranslator.translate(
              "drop", component, SchemaScripts.read(SchemaScripts.H2, "drop", component));

      assertThat(h2OnlyType.matcher(create).find())
          .as("H2-only type left in create " + component)
          .isFalse();
      assertThat(ifExists.matcher(drop).find())
          .as("'if exists' left in drop " + component)
          .isFalse();
    }
  }
}
