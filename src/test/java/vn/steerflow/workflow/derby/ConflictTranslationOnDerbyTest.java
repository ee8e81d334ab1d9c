package vn.steerflow.workflow.derby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static vn.steerflow.workflow.derby.ConcurrentTestSupport.awaitLockWaiters;
import static vn.steerflow.workflow.derby.ConcurrentTestSupport.connect;
import static vn.steerflow.workflow.derby.ConcurrentTestSupport.outcome;
import static vn.steerflow.workflow.derby.ConcurrentTestSupport.race;
import static vn.steerflow.workflow.derby.ConcurrentTestSupport.sqlStates;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.steerflow.workflow.derby.ConcurrentTestSupport.FlushGate;
import vn.steerflow.workflow.derby.ConcurrentTestSupport.Outcome;
import vn.steerflow.workflow.derby.ConcurrentTestSupport.SharedEngine;
import vn.steerflow.workflow.derby.ConcurrentTestSupport.SharedEngineExtension;

/**
 * Provokes each of Derby's conflict conditions for real, through the engine, and checks that the
 * caller sees the engine's {@link OptimisticLockingException} (so a REST client gets 409 and a job
 * is retried) with Derby's SQLState still in the cause chain, and that the database is left
 * consistent.
 */
@Timeout(60)
@ExtendWith(SharedEngineExtension.class)
class ConflictTranslationOnDerbyTest {

  private static final String PROCESS = "conflictTranslation";

  private static Path folder;
  private static ProcessEngine engine;
  private static FlushGate gate;

  @BeforeAll
  static void deploy(SharedEngine shared) throws SQLException {
    folder = shared.folder;
    engine = shared.engine;
    gate = shared.gate;
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            PROCESS + ".bpmn",
            Bpmn.createExecutableProcess(PROCESS)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("work")
                .userTask("after")
                .endEvent()
                .done())
        .deploy();
    try (Connection connection = connect(folder);
        Statement ddl = connection.createStatement()) {
      ddl.execute("CREATE TABLE CONFLICT_SCRATCH (ID INTEGER)");
    }
  }

  @Test
  void lockTimeOutOnARowTheEngineNeedsReachesTheCallerAsOptimisticLockingException()
      throws Exception {
    String instance = start();
    Task work = task(instance, "work");

    Throwable thrown;
    // A short lock wait for this test only, so that the engine gives up quickly.
    ConcurrentTestSupport.setLockWaitTimeout(folder, 1);
    try (Connection holder = connect(folder)) {
      // Another transaction (a long report, an admin tool) holds the task row and does not commit.
      holder.setAutoCommit(false);
      assertThat(update(holder, "UPDATE ACT_RU_TASK SET REV_ = REV_ WHERE ID_ = ?", work.getId()))
          .isEqualTo(1);

      thrown = catchThrowable(() -> engine.getTaskService().complete(work.getId()));

      holder.rollback();
    } finally {
      ConcurrentTestSupport.setLockWaitTimeout(folder, SharedEngine.LOCK_WAIT_SECONDS);
    }

    assertConflict(thrown, DerbyDatabase.SQLSTATE_LOCK_TIMEOUT);
    // Nothing of the failed attempt remains: the client's retry completes the task once.
    assertThat(task(instance, "work").getId()).isEqualTo(work.getId());
    engine.getTaskService().complete(work.getId());
    assertCompletedOnce(instance);
  }

  @Test
  void deadlockBetweenTheEngineAndAnotherTransactionReachesTheCallerAsOptimisticLockingException()
      throws Exception {
    String instance = start();
    Task work = task(instance, "work");

    Throwable thrown;
    ExecutorService client = Executors.newSingleThreadExecutor();
    try (Connection other = connect(folder);
        Connection probe = connect(folder)) {
      other.setAutoCommit(false);
      // Derby rolls back the party of a deadlock that holds the fewest locks. This transaction
      // first does
      // a lot of work, so that the engine's command is the one Derby chooses, as it would be
      // against a
      // long-running batch.
      try (PreparedStatement insert =
          other.prepareStatement("INSERT INTO CONFLICT_SCRATCH VALUES (?)")) {
        for (int i = 0; i < 200; i++) {
          insert.setInt(1, i);
          insert.addBatch();
        }
        insert.executeBatch();
      }

      // The engine completes the task: it reads what it needs and stops before writing anything.
      gate.armHold(CompleteTaskCmd.class);
      Future<Void> completion =
          client.submit(
              () -> {
                engine.getTaskService().complete(work.getId());
                return null;
              });
      gate.awaitArrivals();
      // Lock order one way: this transaction locks the process instance's execution row ...
      assertThat(update(other, "UPDATE ACT_RU_EXECUTION SET REV_ = REV_ WHERE ID_ = ?", instance))
          .isEqualTo(1);
      // ... which the engine, flushing its inserts, needs (the new task's foreign key): it waits
      // for us ...
      gate.release();
      awaitLockWaiters(probe, "ACT_RU_EXECUTION", 1);
      // ... and the other way: this transaction reads the tables the engine has inserted into
      // before it
      // had to wait (history first, as its flush orders them). Derby finds the cycle after its
      // deadlock
      // check time and rolls back the engine's transaction; these reads then go through.
      for (String table : List.of("ACT_HI_TASKINST", "ACT_HI_ACTINST", "ACT_RU_TASK")) {
        try (Statement read = other.createStatement();
            ResultSet rows = read.executeQuery("SELECT COUNT(*) FROM " + table)) {
          rows.next();
        }
      }
      Outcome<Void> result = outcome(completion);
      other.rollback();
      thrown = result.failure();
    } finally {
      gate.disarm();
      client.shutdownNow();
    }

    assertConflict(thrown, DerbyDatabase.SQLSTATE_DEADLOCK);
    engine.getTaskService().complete(work.getId());
    assertCompletedOnce(instance);
  }

  @Test
  void twoTransactionsCreatingTheSameUserAtOnceGiveOneUserAndOneOptimisticLockingException()
      throws Exception {
    // Both commands insert the same primary key: Derby makes the second wait for the first and,
    // once
    // that has committed, refuses it with a duplicate key.
    gate.armRace(SaveUserCmd.class);
    List<Outcome<Void>> outcomes;
    try {
      outcomes = race(List.of(createUser("chair", "First"), createUser("chair", "Second")));
    } finally {
      gate.disarm();
    }

    assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
    Throwable loser =
        outcomes.stream().map(Outcome::failure).filter(f -> f != null).findFirst().orElseThrow();
    assertConflict(loser, DerbyDatabase.SQLSTATE_DUPLICATE_KEY);

    String winner = outcomes.get(0).succeeded() ? "First" : "Second";
    assertThat(engine.getIdentityService().createUserQuery().userId("chair").list())
        .extracting(User::getFirstName)
        .containsExactly(winner);
  }

  @Test
  void twoTransactionsCreatingTheSameVariableAtOnceGiveOneVariableAndOneOptimisticLockingException()
      throws Exception {
    String instance = start();

    // Both commands look for the variable, find none, insert it and update the execution. Depending
    // on
    // how their statements interleave, Derby either refuses the second insert by the unique key
    // ACT_UNIQ_VARIABLE (scope, name) or finds the two waiting for each other: a duplicate key or a
    // deadlock, a conflict either way.
    gate.armRace(SetExecutionVariablesCmd.class);
    List<Outcome<Void>> outcomes;
    try {
      outcomes = race(List.of(setVariable(instance, "first"), setVariable(instance, "second")));
    } finally {
      gate.disarm();
    }

    assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
    Throwable loser =
        outcomes.stream().map(Outcome::failure).filter(f -> f != null).findFirst().orElseThrow();
    assertThat(loser).isInstanceOf(OptimisticLockingException.class);
    assertThat(sqlStates(loser))
        .containsAnyOf(DerbyDatabase.SQLSTATE_DUPLICATE_KEY, DerbyDatabase.SQLSTATE_DEADLOCK);

    String winner = outcomes.get(0).succeeded() ? "first" : "second";
    assertThat(engine.getRuntimeService().getVariable(instance, "decision")).isEqualTo(winner);
    try (Connection connection = connect(folder)) {
      assertThat(
              count(
                  connection,
                  "SELECT COUNT(*) FROM ACT_RU_VARIABLE WHERE PROC_INST_ID_ = ? AND NAME_ = 'decision'",
                  instance))
          .isEqualTo(1);
      assertThat(
              count(
                  connection,
                  "SELECT COUNT(*) FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = ? AND NAME_ = 'decision'",
                  instance))
          .isEqualTo(1);
    }
  }

  @Test
  void anSqlErrorThatIsNoConflictIsNotTranslated() {
    Throwable thrown =
        catchThrowable(
            () ->
                engine
                    .getTaskService()
                    .createNativeTaskQuery()
                    .sql("SELECT * FROM NO_SUCH_TABLE")
                    .list());

    assertThat(thrown)
        .isInstanceOf(ProcessEngineException.class)
        .isNotInstanceOf(OptimisticLockingException.class);
    // 42X05: table does not exist.
    assertThat(sqlStates(thrown)).contains("42X05");
  }

  private static void assertConflict(Throwable thrown, String derbySqlState) {
    assertThat(thrown)
        .as("a Derby %s conflict", derbySqlState)
        .isInstanceOf(OptimisticLockingException.class)
        .hasMessageContaining(derbySqlState);
    assertThat(sqlStates(thrown)).contains(derbySqlState);
    // The engine's own optimistic-locking failures carry this code; REST clients may rely on it.
    assertThat(((ProcessEngineException) thrown).getCode())
        .isEqualTo(BuiltinExceptionCode.OPTIMISTIC_LOCKING.getCode());
  }

  /** One completion of "work": one finished historic task, "after" reached once, one execution. */
  private static void assertCompletedOnce(String instance) {
    assertThat(
            engine
                .getHistoryService()
                .createHistoricTaskInstanceQuery()
                .processInstanceId(instance)
                .taskDefinitionKey("work")
                .finished()
                .count())
        .isEqualTo(1);
    assertThat(
            engine
                .getHistoryService()
                .createHistoricTaskInstanceQuery()
                .processInstanceId(instance)
                .taskDefinitionKey("work")
                .count())
        .isEqualTo(1);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).list())
        .extracting(Task::getTaskDefinitionKey)
        .containsExactly("after");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance)
                .activityId("after")
                .count())
        .isEqualTo(1);
    assertThat(
            engine.getRuntimeService().createExecutionQuery().processInstanceId(instance).count())
        .isEqualTo(1);
  }

  private static Callable<Void> setVariable(String instance, String value) {
    return () -> {
      engine.getRuntimeService().setVariable(instance, "decision", value);
      return null;
    };
  }

  private static Callable<Void> createUser(String id, String firstName) {
    return () -> {
      User user = engine.getIdentityService().newUser(id);
      user.setFirstName(firstName);
      engine.getIdentityService().saveUser(user);
      return null;
    };
  }

  private static String start() {
    return engine.getRuntimeService().startProcessInstanceByKey(PROCESS).getId();
  }

  private static Task task(String instance, String key) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(instance)
        .taskDefinitionKey(key)
        .singleResult();
  }

  private static int update(Connection connection, String sql, String id) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, id);
      return statement.executeUpdate();
    }
  }

  private static long count(Connection connection, String sql, String id) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, id);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
