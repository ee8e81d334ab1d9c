package vn.steerflow.workflow.derby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.executor.BatchExecutorException;
import org.apache.ibatis.executor.BatchResult;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which Derby errors count as a lost race, and what the translator makes of the exception chains
 * the engine and MyBatis really build around them (a failed batch reports its cause as a next
 * exception).
 */
class ConflictDetectionTest {

  @ParameterizedTest(name = "SQLState {0} is a conflict")
  @ValueSource(strings = {"40001", "40XL1", "23505"})
  void deadlockLockTimeOutAndDuplicateKeyAreConflicts(String state) {
    assertThat(DerbyDatabase.isConflict(new SQLException("conflict", state))).isTrue();
  }

  @ParameterizedTest(name = "SQLState {0} is no conflict")
  // syntax error / table missing, foreign key, check constraint, value too long, connection gone,
  // Derby's self-deadlock of a nested transaction (no other transaction involved), no state at all
  @ValueSource(strings = {"42X01", "42X05", "23503", "23513", "22001", "08006", "40XL2", ""})
  void otherStatesAreNoConflicts(String state) {
    assertThat(DerbyDatabase.isConflict(new SQLException("other", state.isEmpty() ? null : state)))
        .isFalse();
  }

  @Test
  void aFailedBatchIsAConflictWhenItsNextExceptionIsOne() {
    // Derby's BatchUpdateException of a batch a deadlock broke off: the batch's own state says
    // little,
    // the statement's failure follows as the next exception.
    BatchUpdateException batch =
        new BatchUpdateException("batch failed", "XJ208", 20000, new int[] {1, 1});
    batch.setNextException(
        new SQLException("A lock could not be obtained due to a deadlock", "40001", 30000));

    assertThat(DerbyDatabase.isConflict(batch)).isTrue();
  }

  @Test
  void aFailedBatchWhoseChainHoldsNoConflictIsNone() {
    BatchUpdateException batch = new BatchUpdateException("batch failed", null, 0, new int[0]);
    batch.setNextException(new SQLException("syntax", "42X01"));
    batch.setNextException(new SQLException("table missing", "42X05"));

    assertThat(DerbyDatabase.isConflict(batch)).isFalse();
  }

  @Test
  void aNextChainThatLoopsBackEndsTheSearch() {
    SQLException first = new SQLException("first", "42X01");
    SQLException second = new SQLException("second", "42X05");
    first.setNextException(second);
    second.setNextException(first);

    assertThat(DerbyDatabase.isConflict(first)).isFalse();
  }

  @Test
  void aDeadlockInAFailedFlushBecomesOptimisticLockingExceptionWithTheDerbyCause() {
    BatchUpdateException batch =
        new BatchUpdateException("batch failed", "XJ208", 20000, new int[] {1});
    batch.setNextException(
        new SQLException("A lock could not be obtained due to a deadlock", "40001", 30000));
    RuntimeException flushFailure = engineFlushFailure(batch);

    Throwable thrown = catchThrowable(() -> translatorThrowing(flushFailure).execute(noCommand()));

    assertThat(thrown)
        .isInstanceOf(OptimisticLockingException.class)
        .hasMessageContaining("40001")
        .hasCauseReference(flushFailure);
    assertThat(((ProcessEngineException) thrown).getCode())
        .isEqualTo(BuiltinExceptionCode.OPTIMISTIC_LOCKING.getCode());
  }

  @Test
  void aConflictBelowAnSqlExceptionThatIsNoneIsStillFound() {
    SQLException timeout =
        new SQLException("A lock could not be obtained within the time requested", "40XL1", 30000);
    SQLException wrapper = new SQLException("Java exception", "XJ001", 0, timeout);
    RuntimeException failure =
        new ProcessEnginePersistenceException("persistence", new PersistenceException(wrapper));

    Throwable thrown = catchThrowable(() -> translatorThrowing(failure).execute(noCommand()));

    assertThat(thrown).isInstanceOf(OptimisticLockingException.class).hasMessageContaining("40XL1");
  }

  @Test
  void aSyntaxErrorIsNotTranslated() {
    RuntimeException failure =
        new ProcessEnginePersistenceException(
            "persistence",
            new PersistenceException(new SQLException("Table 'X' does not exist", "42X05")));

    Throwable thrown = catchThrowable(() -> translatorThrowing(failure).execute(noCommand()));

    assertThat(thrown).isSameAs(failure);
  }

  @Test
  void theEnginesOwnOptimisticLockingExceptionPassesUnchanged() {
    OptimisticLockingException own =
        new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity' failed");

    assertThat(catchThrowable(() -> translatorThrowing(own).execute(noCommand()))).isSameAs(own);
  }

  @Test
  void aFailureWithoutAnySqlExceptionIsNotTranslated() {
    ProcessEngineException failure = new ProcessEngineException("Cannot find task with id 42");

    assertThat(catchThrowable(() -> translatorThrowing(failure).execute(noCommand())))
        .isSameAs(failure);
  }

  @Test
  void aJobThatLostARaceOnDerbyGetsItsRetryCommandForAnOptimisticLockingException() {
    List<Throwable> handedOn = new ArrayList<>();
    FailedJobCommandFactory factory =
        DerbyConflictTranslator.forJobRetries(
            (jobId, failure) -> {
              handedOn.add(failure);
              return commandContext -> null;
            });
    SQLException timeout =
        new SQLException("A lock could not be obtained within the time requested", "40XL1", 30000);
    RuntimeException lostRace =
        new ProcessEnginePersistenceException("persistence", new PersistenceException(timeout));
    RuntimeException realFailure = new IllegalStateException("the service is down");
    OptimisticLockingException enginesOwn = new OptimisticLockingException("ENGINE-03005");

    factory.getCommand("job-1", lostRace);
    factory.getCommand("job-2", realFailure);
    factory.getCommand("job-3", enginesOwn);

    // The engine's retry command spends no retry on an OptimisticLockingException, and only on
    // that.
    assertThat(handedOn.get(0))
        .isInstanceOf(OptimisticLockingException.class)
        .hasCauseReference(lostRace);
    assertThat(handedOn.get(1)).isSameAs(realFailure);
    assertThat(handedOn.get(2)).isSameAs(enginesOwn);
  }

  @Test
  void aJobFailingOnADuplicateKeySpendsItsRetriesSoThatAPermanentDuplicateEndsInAnIncident() {
    List<Throwable> handedOn = new ArrayList<>();
    FailedJobCommandFactory factory =
        DerbyConflictTranslator.forJobRetries(
            (jobId, failure) -> {
              handedOn.add(failure);
              return commandContext -> null;
            });
    SQLException duplicate =
        new SQLException(
            "duplicate key value in a unique or primary key constraint", "23505", 20000);
    RuntimeException failure =
        new ProcessEnginePersistenceException("persistence", new PersistenceException(duplicate));

    factory.getCommand("job-1", failure);

    assertThat(handedOn).containsExactly(failure);
  }

  @Test
  void theJobRetryWrapperIsAppliedOnceAndDefaultsToTheEnginesFactory() {
    FailedJobCommandFactory wrapped = DerbyConflictTranslator.forJobRetries(null);

    assertThat(DerbyConflictTranslator.forJobRetries(wrapped)).isSameAs(wrapped);
    assertThat(wrapped.getCommand("job", new IllegalStateException()))
        .isInstanceOf(DefaultJobRetryCmd.class);
  }

  /**
   * The chain the engine builds when a batched flush fails (see DbEntityManager and ExceptionUtil).
   */
  private static RuntimeException engineFlushFailure(BatchUpdateException batch) {
    BatchResult result = new BatchResult(null, "insertTask", null);
    BatchExecutorException mybatis =
        new BatchExecutorException("insertTask failed", batch, List.of(), result);
    ProcessEngineException operation =
        new ProcessEngineException(
            "ENGINE-03004 Exception while executing Database Operation",
            new PersistenceException(mybatis));
    return new ProcessEnginePersistenceException(
        "An exception occurred in the persistence layer.", operation);
  }

  private static DerbyConflictTranslator translatorThrowing(RuntimeException failure) {
    DerbyConflictTranslator translator = new DerbyConflictTranslator();
    translator.setNext(
        new CommandInterceptor() {
          @Override
          public <T> T execute(Command<T> command) {
            throw failure;
          }
        });
    return translator;
  }

  private static Command<Void> noCommand() {
    return commandContext -> null;
  }
}
