package vn.steerflow.workflow.derby;

import java.sql.SQLException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The outermost command interceptor on Derby: a deadlock, lock time-out or duplicate key means another
 * transaction won a race, which the engine expresses as {@link OptimisticLockingException}. The engine
 * recognises none of Derby's codes, so without this a lost race would reach a REST client as a 500 and the
 * job executor would count it as a job failure instead of retrying.
 */
final class DerbyConflictTranslator extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (OptimisticLockingException alreadyAConflict) {
      throw alreadyAConflict;
    } catch (RuntimeException e) {
      SQLException sqlException = findSqlException(e);
      if (sqlException != null && DerbyDatabase.isConflict(sqlException)) {
        OptimisticLockingException conflict =
            new OptimisticLockingException(
                "Another transaction changed the same data first (Derby SQLState "
                    + sqlException.getSQLState()
                    + "); repeat the operation on fresh data",
                e);
        throw conflict;
      }
      throw e;
    }
  }

  private static SQLException findSqlException(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sqlException) {
        return sqlException;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
