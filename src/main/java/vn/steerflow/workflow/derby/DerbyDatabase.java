package vn.steerflow.workflow.derby;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Derby facts the dialect and steerflow's other database code share. */
public final class DerbyDatabase {

  /** The engine's database type for Derby; also the infix of the DDL resource names. */
  public static final String TYPE = "derby";

  /** A deadlock was detected; Derby has rolled the transaction back. */
  public static final String SQLSTATE_DEADLOCK = "40001";

  /**
   * A lock was not granted within {@code derby.locks.waitTimeout}; the transaction is rolled back.
   */
  public static final String SQLSTATE_LOCK_TIMEOUT = "40XL1";

  /** A unique or primary key was violated. */
  public static final String SQLSTATE_DUPLICATE_KEY = "23505";

  private DerbyDatabase() {}

  /**
   * Whether this error means another transaction got there first: a deadlock, a lock time-out or a
   * duplicate key. Looks through {@link SQLException#getNextException()} because a failed JDBC
   * batch reports the real cause there; a chain that loops back on itself ends the search.
   */
  public static boolean isConflict(SQLException exception) {
    Set<SQLException> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (SQLException e = exception; e != null && seen.add(e); e = e.getNextException()) {
      if (isConflictState(e.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** Whether the SQLState is one of the conflict states above. */
  public static boolean isConflictState(String sqlState) {
    return SQLSTATE_DEADLOCK.equals(sqlState)
        || SQLSTATE_LOCK_TIMEOUT.equals(sqlState)
        || SQLSTATE_DUPLICATE_KEY.equals(sqlState);
  }
}
