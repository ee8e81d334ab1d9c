package vn.steerflow.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who the engine believes it works for on the current thread. The engine keeps that per thread, so
 * whoever sets it must clear it before the thread serves anyone else: the web layer sets it when a
 * request's caller is known and clears it when the request ends, whatever happened in between. Set,
 * the engine records the member as the one who started an instance, completed a step or changed a
 * variable (its history and user operation log).
 */
@ApplicationScoped
public class EngineIdentity {

  private Instance<ProcessEngine> engines;

  private volatile IdentityService identities;

  EngineIdentity() {
    // for CDI proxies
  }

  @Inject
  public EngineIdentity(Instance<ProcessEngine> engines) {
    this.engines = engines;
  }

  /**
   * The engine acts for the member, with the member's work groups, on this thread. Before the
   * engine has started there is nothing to tell (and no engine call can be made either).
   */
  public void actAs(String userId, Collection<String> groups) {
    identities().ifPresent(i -> i.setAuthentication(userId, List.copyOf(groups)));
  }

  /** The engine acts for no one on this thread; harmless before the engine has started. */
  public void clear() {
    identities().ifPresent(IdentityService::clearAuthentication);
  }

  /** The member the engine acts for on this thread, if any. */
  public Optional<String> current() {
    return identities()
        .map(IdentityService::getCurrentAuthentication)
        .map(Authentication::getUserId);
  }

  /** The engine's identity service once the engine runs; looked up once, then kept. */
  private Optional<IdentityService> identities() {
    IdentityService known = identities;
    if (known == null) {
      try {
        known = engines.get().getIdentityService();
      } catch (RuntimeException notStarted) {
        return Optional.empty();
      }
      identities = known;
    }
    return Optional.of(known);
  }
}
