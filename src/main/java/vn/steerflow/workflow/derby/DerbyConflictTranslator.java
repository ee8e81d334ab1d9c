package vn.steerflow.workflow.derby;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;

/**
 * The outermost command interceptor on Derby: a deadlock, lock time-out or duplicate key means
 * another transaction won a race, which the engine expresses as {@link OptimisticLockingException}.
 * The engine recognises none of Derby's codes, so without this a lost race would reach a REST
 * client as a 500 and the job executor would count it as a job failure instead of retrying.
 *
 * <p>For jobs this interceptor alone comes too late: the engine records a job's failure inside the
 * command context (its {@code JobFailureCollector} listens to the context and keeps the first
 * failure it is told), before the exception leaves the context and reaches this interceptor. The
 * retry command made from that record uses up a retry for anything but an {@link
 * OptimisticLockingException}, so a job that kept losing races on Derby would end in an incident.
 * {@link #forJobRetries} closes that gap.
 */
final class DerbyConflictTranslator extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    try {
      return next.execute(command);
    } catch (OptimisticLockingException alreadyAConflict) {
      throw alreadyAConflict;
    } catch (RuntimeException e) {
      SQLException conflict = findConflict(e);
      if (conflict != null) {
        throw translate(e, conflict);
      }
      throw e;
    }
  }

  /**
   * Wraps the engine's failed-job command factory so that a job that lost a race on Derby is
   * retried as one that lost it to the engine's own optimistic locking is: at once, without using
   * up a retry. Other failures reach the wrapped factory unchanged.
   */
  static FailedJobCommandFactory forJobRetries(FailedJobCommandFactory factory) {
    if (factory instanceof ConflictAwareJobRetries) {
      return factory;
    }
    return new ConflictAwareJobRetries(
        factory != null ? factory : new DefaultFailedJobCommandFactory());
  }

  private record ConflictAwareJobRetries(FailedJobCommandFactory delegate)
      implements FailedJobCommandFactory {
    @Override
    public Command<Object> getCommand(String jobId, Throwable failure) {
      if (!(failure instanceof OptimisticLockingException)) {
        SQLException conflict = findConflict(failure);
        // A duplicate key in a job may be permanent (the job inserts what already exists): it uses
        // up
        // retries like any failure, so that it ends in an incident instead of retrying for ever.
        if (conflict != null
            && !DerbyDatabase.SQLSTATE_DUPLICATE_KEY.equals(conflictState(conflict))) {
          return delegate.getCommand(jobId, translate(failure, conflict));
        }
      }
      return delegate.getCommand(jobId, failure);
    }
  }

  /** The engine's exception for a lost race, with the original failure as its cause. */
  static OptimisticLockingException translate(Throwable failure, SQLException conflict) {
    OptimisticLockingException translated =
        new OptimisticLockingException(
            "Another transaction changed the same data first (Derby SQLState "
                + conflictState(conflict)
                + "); repeat the operation on fresh data",
            failure);
    // The code the engine gives its own optimistic-locking failures, so that clients see one kind.
    translated.setCode(BuiltinExceptionCode.OPTIMISTIC_LOCKING.getCode());
    return translated;
  }

  /**
   * The Derby conflict behind a failure, or {@code null}: every SQLException along the cause chain
   * is looked at, not only the first, since a wrapper may carry a state of its own above Derby's.
   */
  static SQLException findConflict(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof SQLException sqlException && DerbyDatabase.isConflict(sqlException)) {
        return sqlException;
      }
    }
    return null;
  }

  /** The conflict's own state, which in a failed batch is that of a next exception. */
  private static String conflictState(SQLException conflict) {
    Set<SQLException> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (SQLException e = conflict; e != null && seen.add(e); e = e.getNextException()) {
      if (DerbyDatabase.isConflictState(e.getSQLState())) {
        return e.getSQLState();
      }
    }
    return conflict.getSQLState();
  }
}
