package vn.steerflow.workflow.derby;

import java.sql.SQLException;

/** Derby facts the dialect and steerflow's other database code share. */
public final class DerbyDatabase {

  /** The engine's database type for Derby; also the infix of the DDL resource names. */
  public static final String TYPE = "derby";

  /** A deadlock was detected; Derby has rolled the transaction back. */
  public static final String SQLSTATE_DEADLOCK = "40001";

  /** A lock was not granted within {@code derby.locks.waitTimeout}; the transaction is rolled back. */
  public static final String SQLSTATE_LOCK_TIMEOUT = "40XL1";

  /** A unique or primary key was violated. */
  public static final String SQLSTATE_DUPLICATE_KEY = "23505";

  private DerbyDatabase() {}

  /**
   * Whether this error means another transaction got there first: a deadlock, a lock time-out or a
   * duplicate key. Looks through {@link SQLException#getNextException()} because a failed JDBC batch
   * reports the real cause there.
   */
  public static boolean isConflict(SQLException exception) {
    for (SQLException e = exception; e != null; e = e.getNextException()) {
      String state = e.getSQLState();
      if (SQLSTATE_DEADLOCK.equals(state)
          || SQLSTATE_LOCK_TIMEOUT.equals(state)
          || SQLSTATE_DUPLICATE_KEY.equals(state)) {
        return true;
      }
      if (e.getNextException() == e) {
        break;
      }
    }
    return false;
  }
}
