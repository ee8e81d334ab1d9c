package vn.steerflow.workflow.derby;

import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * What the Derby concurrency and conflict tests share: raw JDBC next to the engine, Derby's lock
 * table as the observable "somebody is waiting" condition, races started from one barrier, and a
 * gate that holds engine commands just before they flush so that a race is certain to overlap.
 */
final class ConcurrentTestSupport {

  /** Upper bound for every wait in these tests; nothing should come near it. */
  static final Duration WAIT = Duration.ofSeconds(20);

  private ConcurrentTestSupport() {}

  /**
   * The engine the concurrency and conflict test classes share, on one Derby database. Building an
   * engine creates the whole schema, which takes several seconds on two cores; one engine for all
   * classes keeps the run short. Tests count only what they created themselves (their own
   * instances, keys, names).
   *
   * <p>Its configuration differs from production only where a test needs it: the flush gate as the
   * innermost command interceptor; the JVM-wide deployment monitor off, so that only the database's
   * deployment lock stands between two deployments, as between two cluster nodes; a job executor
   * that is started only by the test that wants it and polls often. Derby's lock timers are
   * shortened (see {@link #setLockTimeouts}).
   */
  static final class SharedEngine implements AutoCloseable {

    static final String NAME = "concurrency";

    /**
     * Long enough that a transaction waiting for another's commit never gives up on a busy machine.
     */
    static final int LOCK_WAIT_SECONDS = 10;

    static final int DEADLOCK_CHECK_SECONDS = 1;

    final Path folder;
    final FlushGate gate = new FlushGate();
    final ProcessEngine engine;

    private SharedEngine() throws SQLException {
      folder = DerbyTestEngines.newDatabaseFolder(NAME);
      StandaloneProcessEngineConfiguration configuration = configuration(NAME, folder);
      configuration.setCustomPostCommandInterceptorsTxRequired(List.of(gate));
      DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
      jobExecutor.setWaitTimeInMillis(200);
      jobExecutor.setMaxWait(1000);
      configuration.setJobExecutor(jobExecutor);
      engine = configuration.buildProcessEngine();
      setLockTimeouts(folder, LOCK_WAIT_SECONDS, DEADLOCK_CHECK_SECONDS);
    }

    /** A configuration for one more engine ("node") on the shared database. */
    StandaloneProcessEngineConfiguration anotherNode(String name) {
      return configuration(name, folder);
    }

    private static StandaloneProcessEngineConfiguration configuration(String name, Path folder) {
      StandaloneProcessEngineConfiguration configuration =
          DerbyTestEngines.configuration(name, folder);
      configuration.setDeploymentSynchronized(false);
      return configuration;
    }

    @Override
    public void close() {
      engine.close();
    }
  }

  /**
   * Resolves a {@link SharedEngine} parameter (of a {@code @BeforeAll} method, say), building it on
   * first use and letting JUnit close it when the whole run ends.
   */
  static final class SharedEngineExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == SharedEngine.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context
          .getRoot()
          .getStore(ExtensionContext.Namespace.create(SharedEngine.class))
          .getOrComputeIfAbsent(
              SharedEngine.class,
              key -> {
                try {
                  return new SharedEngine();
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              },
              SharedEngine.class);
    }
  }

  /**
   * A plain JDBC connection to the embedded database in the folder, next to the engine's own pool.
   */
  static Connection connect(Path databaseFolder) throws SQLException {
    return DriverManager.getConnection(DerbyTestEngines.jdbcUrl(databaseFolder));
  }

  /**
   * Sets Derby's lock timers for one database. Defaults are a 60 s lock wait and a deadlock check
   * only after 20 s, which would make every lost race in a test cost 20 s. Both properties are
   * dynamic: they apply to the running database at once, no reboot needed.
   */
  static void setLockTimeouts(
      Path databaseFolder, int waitTimeoutSeconds, int deadlockTimeoutSeconds) throws SQLException {
    try (Connection connection = connect(databaseFolder)) {
      setDatabaseProperty(connection, "derby.locks.waitTimeout", waitTimeoutSeconds);
      setDatabaseProperty(connection, "derby.locks.deadlockTimeout", deadlockTimeoutSeconds);
    }
  }

  /** Sets only Derby's lock wait for the database; it applies to lock requests made from now on. */
  static void setLockWaitTimeout(Path databaseFolder, int waitTimeoutSeconds) throws SQLException {
    try (Connection connection = connect(databaseFolder)) {
      setDatabaseProperty(connection, "derby.locks.waitTimeout", waitTimeoutSeconds);
    }
  }

  private static void setDatabaseProperty(Connection connection, String name, int value)
      throws SQLException {
    try (CallableStatement call =
        connection.prepareCall("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY(?, ?)")) {
      call.setString(1, name);
      call.setString(2, Integer.toString(value));
      call.execute();
    }
  }

  /** Number of lock requests now waiting on the table, from Derby's own lock table. */
  static int lockWaiters(Connection probe, String table) throws SQLException {
    try (PreparedStatement query =
        probe.prepareStatement(
            "SELECT COUNT(*) FROM SYSCS_DIAG.LOCK_TABLE WHERE STATE = 'WAIT' AND TABLENAME = ?")) {
      query.setString(1, table);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  /**
   * Waits until at least {@code count} lock requests wait on the table; fails after {@link #WAIT}.
   */
  static void awaitLockWaiters(Connection probe, String table, int count) {
    awaitCondition(
        "a lock wait on " + table,
        () -> {
          try {
            return lockWaiters(probe, table) >= count;
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** Polls a condition every few milliseconds; fails with the description after {@link #WAIT}. */
  static void awaitCondition(String description, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting for " + description);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  /**
   * Every SQLState found in the failure: along the cause chain and each SQLException's next chain.
   */
  static List<String> sqlStates(Throwable failure) {
    List<String> states = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof SQLException sql) {
        Set<SQLException> chain = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SQLException e = sql; e != null && chain.add(e); e = e.getNextException()) {
          if (e.getSQLState() != null) {
            states.add(e.getSQLState());
          }
        }
      }
    }
    return states;
  }

  /** How one racer ended. */
  record Outcome<T>(T value, Throwable failure) {
    boolean succeeded() {
      return failure == null;
    }
  }

  /**
   * Runs the tasks on their own threads, released together from one barrier, and returns how each
   * ended, in the order given. Fails if any task is still running after {@link #WAIT}.
   */
  static <T> List<Outcome<T>> race(List<Callable<T>> tasks) throws InterruptedException {
    ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
    try {
      CyclicBarrier startLine = new CyclicBarrier(tasks.size());
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(
            threads.submit(
                () -> {
                  startLine.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                  return task.call();
                }));
      }
      List<Outcome<T>> outcomes = new ArrayList<>();
      for (Future<T> future : futures) {
        outcomes.add(outcome(future));
      }
      return outcomes;
    } finally {
      threads.shutdownNow();
    }
  }

  /** How a task run on another thread ended, waiting at most {@link #WAIT}. */
  static <T> Outcome<T> outcome(Future<T> future) throws InterruptedException {
    try {
      return new Outcome<>(future.get(WAIT.toSeconds(), TimeUnit.SECONDS), null);
    } catch (ExecutionException e) {
      return new Outcome<>(null, e.getCause());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new AssertionError("A racer did not finish within " + WAIT, e);
    }
  }

  /**
   * A command interceptor placed after the engine's command-context interceptor: once armed for a
   * command type, each of the next {@code commands} commands of that type waits, after its body ran
   * and before its context flushes and commits, until {@code parties} have arrived (the commands,
   * and the test itself if it takes part through {@link #release()}). All racers have then read the
   * same state and none has written yet, so the race a test wants is certain instead of a matter of
   * thread timing. Under READ COMMITTED Derby releases read locks as it reads, so a command waiting
   * here holds no row lock.
   */
  static final class FlushGate extends CommandInterceptor {

    private record Armed(
        Class<?> commandType,
        AtomicInteger seats,
        CountDownLatch arrivals,
        CyclicBarrier barrier) {}

    private final AtomicReference<Armed> armed = new AtomicReference<>();

    /** The next two commands of the type wait for each other before they flush. */
    void armRace(Class<?> commandType) {
      arm(commandType, 2, 2);
    }

    /**
     * The next command of the type waits before it flushes until the test calls {@link #release()}.
     */
    void armHold(Class<?> commandType) {
      arm(commandType, 1, 2);
    }

    private void arm(Class<?> commandType, int commands, int parties) {
      armed.set(
          new Armed(
              commandType,
              new AtomicInteger(commands),
              new CountDownLatch(commands),
              new CyclicBarrier(parties)));
    }

    /** Waits until every armed command has arrived at the gate. */
    void awaitArrivals() throws InterruptedException {
      Armed gate = armed.get();
      if (!gate.arrivals().await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("No command arrived at the flush gate");
      }
    }

    /** Lets a held command go on to flush. */
    void release() {
      awaitOthers(armed.get().barrier());
    }

    void disarm() {
      armed.set(null);
    }

    @Override
    public <T> T execute(Command<T> command) {
      Armed gate = armed.get();
      boolean gated =
          gate != null
              && gate.commandType().isInstance(command)
              && gate.seats().getAndDecrement() > 0;
      try {
        return next.execute(command);
      } finally {
        if (gated) {
          // Also on failure, so that the other party is not left waiting.
          gate.arrivals().countDown();
          awaitOthers(gate.barrier());
        }
      }
    }

    private static void awaitOthers(CyclicBarrier barrier) {
      try {
        barrier.await(WAIT.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted at the flush gate", e);
      } catch (BrokenBarrierException | TimeoutException e) {
        throw new IllegalStateException("the other party never reached the flush gate", e);
      }
    }
  }
}
