package vn.steerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestOriginTest {

  @Test
  void forwardedHeadersAreIgnoredUnlessTheConnectionComesFromATrustedProxy() {
    RequestOrigin nobodyTrusted = RequestOrigin.trusting();
    HttpServletRequest spoofed =
        request(
            "198.51.100.4",
            false,
            Map.of("X-Forwarded-For", "10.9.9.9", "X-Forwarded-Proto", "https"));

    assertThat(nobodyTrusted.clientAddress(spoofed)).isEqualTo("198.51.100.4");
    assertThat(nobodyTrusted.isSecure(spoofed)).isFalse();
  }

  @Test
  void behindTrustedProxiesTheNearestUntrustedForwardedAddressIsTheClient() {
    RequestOrigin origin = RequestOrigin.trusting("127.0.0.1", " 10.0.0.2 ");
    HttpServletRequest viaTwoProxies =
        request(
            "127.0.0.1",
            false,
            Map.of(
                "X-Forwarded-For", "6.6.6.6, 203.0.113.9, 10.0.0.2", "X-Forwarded-Proto", "https"));

    // 6.6.6.6 was written by the client itself; 203.0.113.9 is what our proxy saw.
    assertThat(origin.clientAddress(viaTwoProxies)).isEqualTo("203.0.113.9");
    assertThat(origin.isSecure(viaTwoProxies)).isTrue();
    assertThat(origin.isSecure(request("127.0.0.1", false, Map.of("X-Forwarded-Proto", "http"))))
        .isFalse();
    assertThat(origin.clientAddress(request("127.0.0.1", false, Map.of()))).isEqualTo("127.0.0.1");
  }

  @Test
  void aDirectTlsConnectionIsSecure() {
    assertThat(RequestOrigin.trusting().isSecure(request("198.51.100.4", true, Map.of()))).isTrue();
  }

  private static HttpServletRequest request(
      String remote, boolean secure, Map<String, String> headers) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            RequestOriginTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getRemoteAddr" -> remote;
                  case "isSecure" -> secure;
                  case "getHeader" -> headers.get((String) args[0]);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
