package vn.steerflow.workflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Timeout;
import vn.steerflow.workflow.derby.DerbyTestEngines;

/**
 * Two admins upload the same changed model at the same moment, through two engines ("nodes") on one
 * Derby database with the JVM-wide deployment monitor off, as two cluster nodes would be: the
 * engine's deployment lock serialises them, so exactly one new version is created and the other
 * upload finds the file unchanged.
 */
@Timeout(120)
class ConcurrentModelDeploymentTest {

  private static ProcessEngine node1;
  private static ProcessEngine node2;

  @BeforeAll
  static void start() {
    Path folder = DerbyTestEngines.newDatabaseFolder("concurrent-models");
    node1 = node("concurrent-models-1", folder).buildProcessEngine();
    node2 = node("concurrent-models-2", folder).buildProcessEngine();
  }

  @AfterAll
  static void stop() {
    for (ProcessEngine node : new ProcessEngine[] {node1, node2}) {
      if (node != null) {
        node.close();
      }
    }
  }

  @RepeatedTest(3)
  void twoUploadsOfTheSameChangedModelAtOnceCreateOneVersion(RepetitionInfo round)
      throws Exception {
    ModelFile file = ModelsTest.file("racedModel", "round " + round.getCurrentRepetition());

    List<ModelDeployment> outcomes =
        race(
            retrying(() -> new Models(node1).deploy(List.of(file), "admin1", false)),
            retrying(() -> new Models(node2).deploy(List.of(file), "admin2", false)));

    int expected = round.getCurrentRepetition();
    assertThat(outcomes)
        .flatExtracting(ModelDeployment::models)
        .extracting(DeployedModel::version)
        .containsOnly(expected);
    assertThat(outcomes).filteredOn(ModelDeployment::changed).hasSize(1);
    assertThat(
            node1
                .getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey("racedModel")
                .count())
        .isEqualTo(expected);
  }

  private static StandaloneProcessEngineConfiguration node(String name, Path folder) {
    StandaloneProcessEngineConfiguration configuration = GuardedEngines.configuration(name, folder);
    configuration.setDeploymentSynchronized(false);
    return configuration;
  }

  /**
   * Repeats on a conflict: not the deployment race, which the lock settles, but two nodes drawing a
   * new block of ids at the same moment (see ConcurrentDeploymentTest).
   */
  private static Callable<ModelDeployment> retrying(Callable<ModelDeployment> call) {
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

  @SafeVarargs
  private static <T> List<T> race(Callable<T>... calls) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(calls.length);
    try {
      CyclicBarrier startLine = new CyclicBarrier(calls.length);
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> call : calls) {
        futures.add(
            threads.submit(
                () -> {
                  startLine.await(30, TimeUnit.SECONDS);
                  return call.call();
                }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      threads.shutdownNow();
    }
  }
}
