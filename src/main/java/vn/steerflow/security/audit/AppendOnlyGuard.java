package vn.steerflow.security.audit;

import java.sql.SQLException;

/**
 * The Java procedure behind Derby's triggers on SF_AUDIT_ENTRY (migration {@code
 * db/vendor/derby/V10_1}): it refuses, so every UPDATE and DELETE of the table fails, from any
 * connection, JPA or plain JDBC. Derby finds it on the application's class path; a tool that opens
 * the database without it fails on the missing class, which refuses the statement just as well.
 *
 * <p>The migration names this class and method: they must not move.
 */
public final class AppendOnlyGuard {

  /** SQLState of the refusal: class 38 is the one Derby leaves to routines. */
  public static final String SQL_STATE = "38SF1";

  private AppendOnlyGuard() {}

  /** Always throws: the statement named is refused. */
  public static void refuse(String statement) throws SQLException {
    throw new SQLException(
        "SF_AUDIT_ENTRY is append-only: " + statement + " is refused", SQL_STATE);
  }
}
