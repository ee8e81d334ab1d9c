package vn.steerflow.workflow.derby;

import java.sql.Timestamp;

/**
 * SQL functions the engine's queries call and Derby lacks. The Derby DDL declares them as Java
 * functions ({@code CREATE FUNCTION ... EXTERNAL NAME}) so Derby calls these methods; embedded
 * Derby finds them on the application's class path.
 */
public final class DerbyFunctions {

  /** The class name the DDL's {@code EXTERNAL NAME} clauses point at. */
  public static final String CLASS_NAME = DerbyFunctions.class.getName();

  private DerbyFunctions() {}

  /** Bitwise AND, used by the authorization checks on permission masks. */
  public static int bitand(int a, int b) {
    return a & b;
  }

  /** Quarter of the year (1 to 4), used by the history duration reports. */
  public static int quarter(Timestamp timestamp) {
    return (timestamp.toLocalDateTime().getMonthValue() - 1) / 3 + 1;
  }
}
