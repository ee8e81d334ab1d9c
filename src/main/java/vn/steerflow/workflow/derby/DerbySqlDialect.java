package vn.steerflow.workflow.derby;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;

/**
 * Registers Derby with the engine's per-database tables: the product-name mapping, every SQL
 * fragment the mappings interpolate, and the statement overrides. The engine keeps these tables in
 * static maps that only subclasses may extend, hence the two private subclasses below, which are
 * never instantiated.
 *
 * <p>Registration is idempotent and global to the class loader, like the engine's own tables.
 */
final class DerbySqlDialect {

  /** Derby's JDBC product name. */
  static final String DERBY_PRODUCT_NAME = "Apache Derby";

  /**
   * Statement suffix of the statements this dialect adds itself (see {@code derby-statements.xml}).
   */
  static final String OWN_STATEMENT_SUFFIX = "_derby";

  /**
   * The property locks whose {@code SELECT ... FOR UPDATE} holds nothing under Derby's READ
   * COMMITTED.
   */
  static final String[] PROPERTY_LOCK_STATEMENTS = {
    "lockDeploymentLockProperty",
    "lockHistoryCleanupJobLockProperty",
    "lockStartupLockProperty",
    "lockInstallationIdLockProperty"
  };

  private static boolean registered;

  private DerbySqlDialect() {}

  static synchronized void register() {
    if (registered) {
      return;
    }
    TypeMapping.mapProductName();
    registerFragments(DerbyDatabase.TYPE);
    Statements.register(DerbyDatabase.TYPE);
    registered = true;
  }

  private static void registerFragments(String db) {
    // Derby has no LIMIT: the SQL standard's OFFSET/FETCH goes after the ORDER BY.
    String limitAfter = "OFFSET #{firstResult} ROWS FETCH NEXT #{maxResults} ROWS ONLY";
    String limitAfterWithoutOffset = "FETCH FIRST #{maxResults} ROWS ONLY";

    DbSqlSessionFactory.databaseSpecificLimitBeforeStatements.put(db, "");
    DbSqlSessionFactory.databaseSpecificLimitAfterStatements.put(db, limitAfter);
    DbSqlSessionFactory.databaseSpecificLimitBeforeWithoutOffsetStatements.put(db, "");
    DbSqlSessionFactory.databaseSpecificLimitAfterWithoutOffsetStatements.put(
        db, limitAfterWithoutOffset);
    DbSqlSessionFactory.optimizeDatabaseSpecificLimitBeforeWithoutOffsetStatements.put(db, "");
    DbSqlSessionFactory.optimizeDatabaseSpecificLimitAfterWithoutOffsetStatements.put(
        db, limitAfterWithoutOffset);
    DbSqlSessionFactory.databaseSpecificInnerLimitAfterStatements.put(db, limitAfter);
    DbSqlSessionFactory.databaseSpecificLimitBetweenStatements.put(db, "");
    DbSqlSessionFactory.databaseSpecificLimitBetweenFilterStatements.put(db, "");
    DbSqlSessionFactory.databaseSpecificLimitBetweenAcquisitionStatements.put(db, "");
    DbSqlSessionFactory.databaseSpecificLimitBeforeNativeQueryStatements.put(db, "");
    // Derby has no UPDATE ... LIMIT: chunked updates select the ids to touch in a sub-query.
    DbSqlSessionFactory.databaseSpecificLimitBeforeInUpdate.put(
        db, "WHERE ID_ IN (SELECT ID_ FROM ");
    DbSqlSessionFactory.databaseSpecificLimitAfterInUpdate.put(db, limitAfterWithoutOffset + ")");

    DbSqlSessionFactory.databaseSpecificOrderByStatements.put(db, "order by ${internalOrderBy}");
    DbSqlSessionFactory.databaseSpecificDistinct.put(db, "distinct");
    DbSqlSessionFactory.databaseSpecificNumericCast.put(db, "");
    DbSqlSessionFactory.databaseSpecificCountDistinctBeforeStart.put(
        db, "SELECT COUNT(*) FROM (SELECT DISTINCT");
    DbSqlSessionFactory.databaseSpecificCountDistinctBeforeEnd.put(db, "");
    DbSqlSessionFactory.databaseSpecificCountDistinctAfterEnd.put(db, ") countDistinct");
    DbSqlSessionFactory.databaseSpecificEscapeChar.put(db, "'\\'");

    // BITAND and QUARTER are Java functions declared by the Derby DDL (DerbyFunctions).
    DbSqlSessionFactory.databaseSpecificBitAnd1.put(db, "BITAND(");
    DbSqlSessionFactory.databaseSpecificBitAnd2.put(db, ", CAST(");
    DbSqlSessionFactory.databaseSpecificBitAnd3.put(db, " AS INTEGER))");
    DbSqlSessionFactory.databaseSpecificDatepart1.put(db, "");
    DbSqlSessionFactory.databaseSpecificDatepart2.put(db, "(");
    DbSqlSessionFactory.databaseSpecificDatepart3.put(db, ")");

    DbSqlSessionFactory.databaseSpecificDummyTable.put(db, "FROM SYSIBM.SYSDUMMY1");
    DbSqlSessionFactory.databaseSpecificTrueConstant.put(db, "true");
    DbSqlSessionFactory.databaseSpecificFalseConstant.put(db, "false");
    DbSqlSessionFactory.databaseSpecificIfNull.put(db, "COALESCE");
    DbSqlSessionFactory.databaseSpecificDaysComparator.put(
        db,
        "{fn TIMESTAMPDIFF(SQL_TSI_DAY, ${date}, CAST(#{currentTimestamp} AS TIMESTAMP))} >= ${days}");
    // Derby compares strings case-sensitively already.
    DbSqlSessionFactory.databaseSpecificCollationForCaseSensitivity.put(db, "");

    DbSqlSessionFactory.databaseSpecificAuthJoinStart.put(db, "IN (");
    DbSqlSessionFactory.databaseSpecificAuthJoinEnd.put(db, ")");
    DbSqlSessionFactory.databaseSpecificAuthJoinSeparator.put(db, ",");
    DbSqlSessionFactory.databaseSpecificAuth1JoinStart.put(db, "IN (");
    DbSqlSessionFactory.databaseSpecificAuth1JoinEnd.put(db, ")");
    DbSqlSessionFactory.databaseSpecificAuth1JoinSeparator.put(db, ",");
    // Derby has no EXTRACT; MONTH(x), MINUTE(x) are built in and QUARTER(x) is ours.
    DbSqlSessionFactory.databaseSpecificExtractTimeUnitFromDate.put(
        db, "${extractTimeUnit}(${extractDateColumn})");

    Map<String, String> constants = new HashMap<>();
    constants.put("constant.event", "'event'");
    constants.put("constant.op_message", "NEW_VALUE_ || '_|_' || PROPERTY_");
    constants.put("constant_for_update", "for update");
    constants.put("constant.datepart.quarter", "QUARTER");
    constants.put("constant.datepart.month", "MONTH");
    constants.put("constant.datepart.minute", "MINUTE");
    // Derby rejects an untyped NULL in a select list, so every NULL the mappings select is typed.
    constants.put("constant.null.startTime", "CAST(NULL AS TIMESTAMP) AS START_TIME_");
    constants.put("constant.varchar.cast", "cast('${key}' as varchar(64))");
    constants.put("constant.integer.cast", "cast(NULL as integer)");
    constants.put("constant.null.reporter", "CAST(NULL AS VARCHAR(255)) AS REPORTER_");
    DbSqlSessionFactory.dbSpecificConstants.put(db, constants);
  }

  /** Reaches the engine's protected product-name table. */
  private abstract static class TypeMapping extends ProcessEngineConfigurationImpl {
    static void mapProductName() {
      Properties mappings = databaseTypeMappings;
      mappings.setProperty(DerbySqlDialect.DERBY_PRODUCT_NAME, DerbyDatabase.TYPE);
    }
  }

  /** Reaches the engine's protected statement-override table. */
  private static final class Statements extends DbSqlSessionFactory {
    private Statements() {
      super(false);
    }

    static void register(String db) {
      Map<String, String> postgres = databaseSpecificStatements.get(POSTGRES);
      Map<String, String> db2 = databaseSpecificStatements.get(DB2);

      // PostgreSQL's chunked removal-time updates use the sub-select form of limitBeforeInUpdate,
      // which
      // Derby needs too. Its byte-array and identity-info statements rely on bytea and are left
      // out.
      postgres.forEach(
          (statement, override) -> {
            if (statement.startsWith("update") && statement.contains("ProcessInstanceId")) {
              addDatabaseSpecificStatement(db, statement, override);
            }
          });
      // DB2's removal-time deletes and filter query avoid what Derby also lacks: DELETE ... LIMIT
      // and
      // DISTINCT over CLOB columns.
      db2.forEach(
          (statement, override) -> {
            if (statement.endsWith("ByRemovalTime")
                || statement.equals("updateByteArraysByBatchId")
                || statement.equals("selectFilterByQueryCriteria")) {
              addDatabaseSpecificStatement(db, statement, override);
            }
          });
      for (String lock : PROPERTY_LOCK_STATEMENTS) {
        addDatabaseSpecificStatement(db, lock, lock + OWN_STATEMENT_SUFFIX);
      }
    }
  }
}
