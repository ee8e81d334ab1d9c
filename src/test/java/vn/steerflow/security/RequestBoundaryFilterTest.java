package vn.steerflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.inject.Instance;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.junit.jupiter.api.Test;
import vn.steerflow.workflow.EngineIdentity;

/**
 * The engine's identity lives on the thread; a thread that served one member must not carry that
 * member into the next request it serves, however the first request ended.
 */
class RequestBoundaryFilterTest {

  /**
   * The engine's own identity service: it keeps the identity in a thread-local, as in the server.
   */
  private final IdentityServiceImpl identities = new IdentityServiceImpl();

  private final EngineIdentity engineIdentity = new EngineIdentity(engines(identities));

  private final RequestClient client = new RequestClient();

  private final RequestBoundaryFilter filter =
      new RequestBoundaryFilter(RequestOrigin.trusting(), client, engineIdentity);

  @Test
  void theIdentitySetDuringARequestIsGoneWhenItEnds() throws Exception {
    List<Optional<String>> seen = new ArrayList<>();

    filter.doFilter(
        request("10.0.0.7"),
        response(),
        chain(
            () -> {
              engineIdentity.actAs("giamsat", Set.of("supervisors:BCD-LC"));
              seen.add(engineIdentity.current());
            }));

    assertThat(seen).containsExactly(Optional.of("giamsat"));
    assertThat(identities.getCurrentAuthentication()).isNull();
    assertThat(client.address()).contains("10.0.0.7");
  }

  @Test
  void theIdentityIsGoneAlsoWhenTheRequestFails() {
    assertThatThrownBy(
            () ->
                filter.doFilter(
                    request("10.0.0.8"),
                    response(),
                    chain(
                        () -> {
                          engineIdentity.actAs("lanhdao", Set.of("leaders:BCD-LC"));
                          throw new IllegalStateException("the resource failed");
                        })))
        .hasMessage("the resource failed");

    assertThat(identities.getCurrentAuthentication()).isNull();
  }

  @Test
  void anIdentitySetOutsideTheFilterHoldsForTheRequestAndEndsWithIt() throws Exception {
    // as an authentication filter of Camunda's REST API wrapped around this one would set it
    identities.setAuthentication("admin", List.of("camunda-admin"));
    List<Optional<String>> seen = new ArrayList<>();

    filter.doFilter(
        request("10.0.0.9"), response(), chain(() -> seen.add(engineIdentity.current())));

    assertThat(seen).containsExactly(Optional.of("admin"));
    assertThat(identities.getCurrentAuthentication()).isNull();
  }

  private static FilterChain chain(Runnable work) {
    return (request, response) -> work.run();
  }

  private static HttpServletRequest request(String remoteAddress) {
    return proxy(
        HttpServletRequest.class,
        (name, args) -> name.equals("getRemoteAddr") ? remoteAddress : null);
  }

  private static HttpServletResponse response() {
    return proxy(HttpServletResponse.class, (name, args) -> null);
  }

  @SuppressWarnings("unchecked")
  private static Instance<ProcessEngine> engines(IdentityServiceImpl identities) {
    ProcessEngine engine =
        proxy(
            ProcessEngine.class,
            (name, args) -> name.equals("getIdentityService") ? identities : null);
    return proxy(Instance.class, (name, args) -> name.equals("get") ? engine : null);
  }

  private interface Answer {
    Object answer(String method, Object[] args);
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Answer answer) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> answer.answer(method.getName(), args));
  }
}
