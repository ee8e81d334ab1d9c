package vn.steerflow.workflow.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;

/**
 * What makes an engine safe to give uploaded models: the {@link ModelGuard} before its deployers,
 * and the settings that keep a model, a query or a variable from running code of its own. Add it to
 * the engine configuration's plugins after {@code setBeans(...)}: the guard allows exactly the
 * beans of that map.
 *
 * <ul>
 *   <li>No XML external entities or DTDs in any XML the engine parses ({@code
 *       enableXxeProcessing=false}, also Camunda's default: set here so it cannot drift).
 *   <li>No script engine at all (a resolver that resolves none, script engine caching off and no
 *       host access for a JavaScript engine, were one ever added): scripts are refused when a model
 *       is deployed, and would fail if one got past.
 *   <li>No expressions in ad-hoc queries nor in stored queries (filters): a query parameter could
 *       otherwise be {@code ${...}} evaluated on the server.
 *   <li>At most {@link #QUERY_MAX_RESULTS} results per query of an authenticated engine user (the
 *       REST API asks with one; steerflow's own services page their queries).
 *   <li>No Java-serialized variables: such a value could carry any class into the server.
 * </ul>
 */
public final class ModelGuardPlugin extends AbstractProcessEnginePlugin {

  /** The most rows one query may return to an authenticated engine user. */
  public static final int QUERY_MAX_RESULTS = 1000;

  /** Two mebibytes: the largest model file the engine takes (MP Config can lower or raise it). */
  public static final long DEFAULT_MAX_BYTES = 2L * 1024 * 1024;

  private final long maxBytes;

  public ModelGuardPlugin(long maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("the model size limit must be positive: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableXxeProcessing(false);
    configuration.setScriptEngineResolver(new NoScriptEngines());
    configuration.setEnableScriptEngineCaching(false);
    configuration.setConfigureScriptEngineHostAccess(false);
    configuration.setEnableScriptEngineLoadExternalResources(false);
    configuration.setEnableExpressionsInAdhocQueries(false);
    configuration.setEnableExpressionsInStoredQueries(false);
    configuration.setQueryMaxResultsLimit(QUERY_MAX_RESULTS);
    configuration.setJavaSerializationFormatEnabled(false);

    List<Deployer> deployers = new ArrayList<>();
    deployers.add(new ModelGuard(maxBytes, () -> beanNames(configuration)));
    if (configuration.getCustomPreDeployers() != null) {
      deployers.addAll(configuration.getCustomPreDeployers());
    }
    configuration.setCustomPreDeployers(deployers);
  }

  private static Set<String> beanNames(ProcessEngineConfigurationImpl configuration) {
    Map<Object, Object> beans = configuration.getBeans();
    return beans == null
        ? Set.of()
        : beans.keySet().stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet());
  }
}
