package vn.steerflow.workflow;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.JakartaTransactionProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.steerflow.persistence.SteerflowDataSource;
import vn.steerflow.workflow.delegate.ReportingPeriodEvents;
import vn.steerflow.workflow.delegate.TaskCycleBeans;
import vn.steerflow.workflow.delegate.TaskCycleEvents;
import vn.steerflow.workflow.derby.DerbyDialectPlugin;
import vn.steerflow.workflow.model.ModelGuardPlugin;

/**
 * Builds the process engine at start-up, after the domain migrations, and closes it at shut-down.
 *
 * <p>The engine joins the container's JTA transactions on the application's own DataSource: a
 * domain write and its workflow step commit together or not at all. The engine creates and checks
 * its own schema. Its expressions resolve only the allowlisted beans, and every new deployment is
 * checked by {@link ModelGuardPlugin}'s guard, so an uploaded model cannot call anything else in
 * the server.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EngineBootstrap {

  private static final Logger LOG = Logger.getLogger(EngineBootstrap.class.getName());

  /** Payara's JTA transaction manager. */
  static final String TRANSACTION_MANAGER_JNDI = "java:appserver/TransactionManager";

  /** The engine's name in Camunda's engine registry, where Camunda's REST API finds it. */
  public static final String ENGINE_NAME = "default";

  /** The longest an idle job executor waits before it looks for due jobs again. */
  static final long JOB_ACQUISITION_MAX_IDLE_MILLIS = 5_000;

  @Resource(lookup = SteerflowDataSource.JNDI_NAME)
  private DataSource dataSource;

  @Resource private ManagedExecutorService executor;

  @Resource private ManagedThreadFactory threadFactory;

  @Inject private TaskCycleEvents taskCycleEvents;

  @Inject private ReportingPeriodEvents reportingPeriodEvents;

  @Inject private ModelDeployer modelDeployer;

  /** The largest model file the engine deploys, in bytes, whoever sends it. */
  @Inject
  @ConfigProperty(name = MAX_MODEL_BYTES, defaultValue = "2097152")
  private long maxModelBytes;

  /** MP Config name of the model size limit; the admin API answers 413 above it. */
  public static final String MAX_MODEL_BYTES = "steerflow.models.max-bytes";

  private ProcessEngine engine;

  @PostConstruct
  // A class-level attribute does not reach a singleton's lifecycle callback: without this the whole
  // start-up would run in one container transaction that the engine's own commands would wait on.
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void start() {
    JakartaTransactionProcessEngineConfiguration configuration =
        new JakartaTransactionProcessEngineConfiguration();
    configuration.setProcessEngineName(ENGINE_NAME);
    configuration.setDataSource(dataSource);
    configuration.setTransactionManagerJndiName(TRANSACTION_MANAGER_JNDI);
    configuration.setTransactionsExternallyManaged(true);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setEnforceHistoryTimeToLive(true);
    // No identity tables of the engine's: steerflow's members are its users.
    configuration.setDbIdentityUsed(false);
    configuration.setBeans(
        new java.util.HashMap<>(TaskCycleBeans.allowlist(taskCycleEvents, reportingPeriodEvents)));
    // Java-serialized variables could carry any class into the server.
    configuration.setJavaSerializationFormatEnabled(false);
    ManagedJobExecutor jobExecutor = new ManagedJobExecutor(executor, threadFactory);
    // An idle job executor looks for due timers every 5 s instead of backing off to once a minute:
    // a
    // period's end, an urge or a deadline is acted on within seconds, and the next period opens on
    // time.
    jobExecutor.setMaxWait(JOB_ACQUISITION_MAX_IDLE_MILLIS);
    configuration.setJobExecutor(jobExecutor);
    configuration.setJobExecutorActivate(true);
    // The guard checks every new deployment (size, contract, no code of a model's own) and hardens
    // the engine: no scripts, no XXE, no expressions in queries, a maximum query size.
    List<ProcessEnginePlugin> plugins =
        List.of(new DerbyDialectPlugin(), new ModelGuardPlugin(maxModelBytes));
    configuration.setProcessEnginePlugins(new java.util.ArrayList<>(plugins));

    long started = System.nanoTime();
    engine = configuration.buildProcessEngine();
    LOG.info(
        () ->
            "Process engine started in "
                + (System.nanoTime() - started) / 1_000_000
                + " ms on "
                + configuration.getDatabaseType());
    modelDeployer.deployBundledModels(engine);
  }

  @PreDestroy
  void stop() {
    if (engine != null) {
      engine.close();
    }
  }

  /** The running engine, for the workflow package's services. */
  @Produces
  public ProcessEngine engine() {
    if (engine == null) {
      throw new IllegalStateException("The process engine has not started");
    }
    return engine;
  }

  /** For the readiness check. */
  public boolean isRunning() {
    return engine != null;
  }
}
