package vn.steerflow.workflow.derby;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.steerflow.workflow.derby.ConcurrentTestSupport.WAIT;
import static vn.steerflow.workflow.derby.ConcurrentTestSupport.awaitLockWaiters;
import static vn.steerflow.workflow.derby.ConcurrentTestSupport.connect;
import static vn.steerflow.workflow.derby.ConcurrentTestSupport.outcome;
import static vn.steerflow.workflow.derby.ConcurrentTestSupport.race;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.steerflow.workflow.derby.ConcurrentTestSupport.Outcome;
import vn.steerflow.workflow.derby.ConcurrentTestSupport.SharedEngine;
import vn.steerflow.workflow.derby.ConcurrentTestSupport.SharedEngineExtension;

/**
 * Deployments from two engines ("nodes") on one Derby database at the same moment. The engine keeps
 * duplicate filtering and unique definition versions correct only through its deployment lock, a
 * row of ACT_GE_PROPERTY it locks before looking for earlier deployments. On Derby the dialect
 * takes that lock with an UPDATE (statement {@code lockDeploymentLockProperty_derby}); these tests
 * show that it holds until commit and so really serialises deployments. Both engines have the
 * JVM-wide deployment monitor off, as two cluster nodes would, so nothing but the database lock
 * stands between them.
 */
@Timeout(60)
@ExtendWith(SharedEngineExtension.class)
class ConcurrentDeploymentTest {

  private static final String DEPLOYMENT = "board-review";
  private static final String PROCESS = "boardReview";

  private static Path folder;
  private static ProcessEngine node1;
  private static ProcessEngine node2;

  @BeforeAll
  static void startSecondNode(SharedEngine shared) {
    folder = shared.folder;
    node1 = shared.engine;
    node2 = shared.anotherNode("concurrency-node2").buildProcessEngine();
  }

  @AfterAll
  static void stopSecondNode() {
    if (node2 != null) {
      node2.close();
    }
  }

  @RepeatedTest(5)
  void twoNodesDeployingTheSameNewModelAtOnceCreateExactlyOneVersion(RepetitionInfo round)
      throws Exception {
    // Each round brings a model the database has not seen, so exactly one new version is due.
    BpmnModelInstance model = model(PROCESS, "round " + round.getCurrentRepetition());

    List<Outcome<Deployment>> outcomes =
        race(
            List.of(
                retryingConflicts(deploy(node1, PROCESS, model)),
                retryingConflicts(deploy(node2, PROCESS, model))));

    assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
    String deploymentId = outcomes.get(0).value().getId();
    // The later deployment found the earlier one and answered with it instead of deploying again.
    assertThat(outcomes.get(1).value().getId()).isEqualTo(deploymentId);

    int rounds = round.getCurrentRepetition();
    assertThat(
            node1.getRepositoryService().createDeploymentQuery().deploymentName(DEPLOYMENT).count())
        .isEqualTo(rounds);
    List<ProcessDefinition> versions =
        node1
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(PROCESS)
            .orderByProcessDefinitionVersion()
            .asc()
            .list();
    assertThat(versions)
        .extracting(ProcessDefinition::getVersion)
        .containsExactly(versionsUpTo(rounds));
    assertThat(versions.get(rounds - 1).getDeploymentId()).isEqualTo(deploymentId);
    assertThat(node1.getRepositoryService().getDeploymentResourceNames(deploymentId))
        .containsExactly(PROCESS + ".bpmn");
  }

  @Test
  void aDeploymentWaitsWhileAnotherTransactionHoldsTheDeploymentLock() throws Exception {
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (Connection probe = connect(folder)) {
      // Node 1 takes the deployment lock in a transaction that stays open until the test lets it
      // end.
      Future<Void> holder =
          threads.submit(
              () ->
                  execute(
                      node1,
                      commandContext -> {
                        commandContext.getPropertyManager().acquireExclusiveLock();
                        locked.countDown();
                        awaitLatch(release);
                        return null;
                      }));
      awaitLatch(locked);

      Future<Deployment> deployment =
          threads.submit(deploy(node2, "lockedOut", model("lockedOut", "waits")));
      // Node 2's deployment waits for that very row ...
      awaitLockWaiters(probe, "ACT_GE_PROPERTY", 1);
      assertThat(deployment).isNotDone();
      assertThat(
              node1
                  .getRepositoryService()
                  .createProcessDefinitionQuery()
                  .processDefinitionKey("lockedOut")
                  .count())
          .isZero();

      // ... and goes on once node 1's transaction has ended.
      release.countDown();
      assertThat(outcome(holder).failure()).isNull();
      assertThat(outcome(deployment).failure()).isNull();
      assertThat(
              node1
                  .getRepositoryService()
                  .createProcessDefinitionQuery()
                  .processDefinitionKey("lockedOut")
                  .count())
          .isEqualTo(1);
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
  }

  @ParameterizedTest(name = "{0} holds until commit")
  @ValueSource(
      strings = {
        "lockDeploymentLockProperty",
        "lockHistoryCleanupJobLockProperty",
        "lockStartupLockProperty",
        "lockInstallationIdLockProperty"
      })
  void everyPropertyLockOfTheDialectIsHeldUntilItsTransactionEnds(String lockStatement)
      throws Exception {
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch contenderLocked = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (Connection probe = connect(folder)) {
      Future<Void> holder =
          threads.submit(
              () ->
                  execute(
                      node1,
                      commandContext -> {
                        commandContext.getDbEntityManager().lock(lockStatement);
                        locked.countDown();
                        awaitLatch(release);
                        return null;
                      }));
      awaitLatch(locked);
      Future<Void> contender =
          threads.submit(
              () ->
                  execute(
                      node2,
                      commandContext -> {
                        commandContext.getDbEntityManager().lock(lockStatement);
                        contenderLocked.countDown();
                        return null;
                      }));

      awaitLockWaiters(probe, "ACT_GE_PROPERTY", 1);
      assertThat(contenderLocked.getCount())
          .as("the second lock taken while the first is held")
          .isEqualTo(1);

      release.countDown();
      assertThat(outcome(holder).failure()).isNull();
      assertThat(outcome(contender).failure()).isNull();
      assertThat(contenderLocked.getCount()).isZero();
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
  }

  @Test
  void theEnginesOwnSelectForUpdateWouldLockNothingOnDerby() throws Exception {
    // Why the dialect replaces the engine's lock statements: under READ COMMITTED Derby drops a
    // SELECT ... FOR UPDATE lock once the cursor has left the row, so another transaction may take
    // the
    // row while the "holder" is still open. Were this to change, the override would be unnecessary.
    try (Connection holder = connect(folder);
        Connection other = connect(folder)) {
      holder.setAutoCommit(false);
      other.setAutoCommit(false);
      try (PreparedStatement select =
              holder.prepareStatement(
                  "SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'deployment.lock' FOR UPDATE");
          ResultSet rows = select.executeQuery()) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.next()).isFalse();
      }
      assertThat(lockRow(other)).isEqualTo(1);
      other.rollback();
      holder.rollback();
    }
  }

  private static int lockRow(Connection connection) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE ACT_GE_PROPERTY SET VALUE_ = VALUE_ WHERE NAME_ = 'deployment.lock'")) {
      return update.executeUpdate();
    }
  }

  /** A deployment as steerflow makes it at start-up: by name, with duplicate filtering. */
  private static Callable<Deployment> deploy(
      ProcessEngine node, String key, BpmnModelInstance model) {
    return () ->
        node.getRepositoryService()
            .createDeployment()
            .name(DEPLOYMENT)
            .enableDuplicateFiltering(true)
            .addModelInstance(key + ".bpmn", model)
            .deploy();
  }

  /**
   * Repeats the call on a conflict, as a client would. The race itself needs no retry, but both
   * nodes draw ids from the database in blocks, and two nodes fetching a new block at the same
   * moment is a conflict of its own, unrelated to the deployment lock.
   */
  private static <T> Callable<T> retryingConflicts(Callable<T> call) {
    return () -> {
      for (int attempt = 1; ; attempt++) {
        try {
          return call.call();
        } catch (OptimisticLockingException e) {
          if (attempt == 3) {
            throw e;
          }
        }
      }
    };
  }

  private static BpmnModelInstance model(String key, String name) {
    return Bpmn.createExecutableProcess(key)
        .name(name)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("review")
        .endEvent()
        .done();
  }

  private static Integer[] versionsUpTo(int last) {
    Integer[] versions = new Integer[last];
    for (int i = 0; i < last; i++) {
      versions[i] = i + 1;
    }
    return versions;
  }

  private static <T> T execute(ProcessEngine node, Command<T> command) {
    return ((ProcessEngineConfigurationImpl) node.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired()
        .execute(command);
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("latch not reached within " + WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
