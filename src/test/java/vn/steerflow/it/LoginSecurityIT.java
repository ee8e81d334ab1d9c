package vn.steerflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * Login for people (JSON login, session cookie, anti-CSRF token) and programs (HTTP Basic) on the
 * real server: cookie flags, session renewal and logout, CSRF and cross-site refusals, the password
 * policy, a member's own change and an admin's reset, the login throttle, and the security headers.
 * Every test acts on members it creates, so that no other test class sharing the server is locked
 * out or finds a demo password changed.
 */
@RunAsClient
class LoginSecurityIT extends DeployedSteerflow {

  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
  private static final String PASSWORD = "Rieng-cua-toi-" + RUN;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static int members;

  // --- sessions --------------------------------------------------------------------------------

  @Test
  void aLoginOpensASessionInAHardenedCookieRenewedAtEveryLoginAndEndedByLogout() {
    String member = createMember("OFFICER");

    // A session id the browser had before logging in (planted, or left over) is never adopted.
    String planted = "planted-" + RUN;
    Answer login = send(post("api/v1/session", login(member, PASSWORD)).cookie(planted));
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    JsonNode body = login.json();
    assertThat(body.get("username").asText()).isEqualTo(member);
    assertThat(body.get("unit").asText()).isEqualTo(Demo.JUSTICE);
    assertThat(body.get("roles")).extracting(JsonNode::asText).containsExactly("OFFICER");
    assertThat(body.get("authentication").asText()).isEqualTo("SESSION");
    assertThat(body.get("passwordChangeRequired").asBoolean()).isFalse();
    assertThat(body.get("idleTimeout").asText()).isEqualTo("PT30M");
    String csrf = body.get("csrfToken").asText();
    assertThat(csrf).hasSizeGreaterThanOrEqualTo(43);

    String setCookie = login.header("Set-Cookie").orElseThrow();
    assertThat(setCookie)
        .startsWith("sf_session=")
        .contains("; HttpOnly")
        .contains("; SameSite=Strict");
    // Plain HTTP here: a Secure cookie would never come back.
    assertThat(setCookie).doesNotContain("Secure");
    String first = cookieValue(setCookie);
    assertThat(first).isNotEqualTo(planted).doesNotContain(planted);
    assertThat(send(get("api/v1/session").cookie(planted)).status()).isEqualTo(401);

    // The cookie authenticates every API request and the session repeats the token.
    Answer current = send(get("api/v1/session").cookie(first));
    assertThat(current.status()).as(current.toString()).isEqualTo(200);
    assertThat(current.json().get("csrfToken").asText()).isEqualTo(csrf);
    assertThat(send(get("api/v1/units/" + Demo.JUSTICE).cookie(first)).status()).isEqualTo(200);

    // Logging in again renews the id; the old one is dead.
    Answer again = send(post("api/v1/session", login(member, PASSWORD)).cookie(first));
    assertThat(again.status()).isEqualTo(200);
    String second = cookieValue(again.header("Set-Cookie").orElseThrow());
    assertThat(second).isNotEqualTo(first);
    assertThat(again.json().get("csrfToken").asText()).isNotEqualTo(csrf);
    assertThat(send(get("api/v1/session").cookie(first)).status()).isEqualTo(401);
    assertThat(send(get("api/v1/session").cookie(second)).status()).isEqualTo(200);

    // Logout is state-changing: without the token it is refused and the session lives on.
    assertProblem(send(delete("api/v1/session").cookie(second)), 403);
    assertThat(send(get("api/v1/session").cookie(second)).status()).isEqualTo(200);
    String token = again.json().get("csrfToken").asText();
    Answer logout = send(delete("api/v1/session").cookie(second).csrf(token));
    assertThat(logout.status()).as(logout.toString()).isEqualTo(204);
    assertThat(logout.header("Set-Cookie").orElseThrow())
        .startsWith("sf_session=;")
        .contains("Max-Age=0");
    Answer after = send(get("api/v1/session").cookie(second));
    assertProblem(after, 401);
    // A browser script asked: no Basic challenge, so no browser login prompt.
    assertThat(after.header("WWW-Authenticate")).isEmpty();
    assertProblem(send(get("api/v1/units").cookie(second)), 401);

    assertProblem(send(post("api/v1/session", login(member, "Sai-mat-khau-" + RUN))), 401);
  }

  @Test
  void withTheSessionCookieChangesNeedTheCsrfTokenAndCrossSiteRequestsAreRefused() {
    String admin = createMember("ADMIN");
    Answer login = send(post("api/v1/session", login(admin, PASSWORD)));
    String session = cookieValue(login.header("Set-Cookie").orElseThrow());
    String csrf = login.json().get("csrfToken").asText();

    String code = "CSRF-" + RUN.toUpperCase(Locale.ROOT);
    assertProblem(send(post("api/v1/units", unit(code)).cookie(session)), 403);
    assertProblem(send(post("api/v1/units", unit(code)).cookie(session).csrf("not-" + csrf)), 403);
    assertProblem(
        send(
            post("api/v1/units", unit(code))
                .cookie(session)
                .csrf(csrf)
                .header("Sec-Fetch-Site", "cross-site")),
        403);
    // None of those created anything.
    assertProblem(as(Demo.ADMIN).get("api/v1/units/" + code), 404);

    Answer created =
        send(
            post("api/v1/units", unit(code))
                .cookie(session)
                .csrf(csrf)
                .header("Sec-Fetch-Site", "same-origin"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(as(Demo.ADMIN).get("api/v1/units/" + code).status()).isEqualTo(200);
    // Reading needs no token.
    assertThat(send(get("api/v1/units/" + code).cookie(session)).status()).isEqualTo(200);

    // HTTP Basic needs no token, but a browser's cross-site request is refused all the same.
    String other = code + "-B";
    assertProblem(
        send(
            post("api/v1/units", unit(other))
                .basic(admin, PASSWORD)
                .header("Sec-Fetch-Site", "cross-site")),
        403);
    assertThat(send(post("api/v1/units", unit(other)).basic(admin, PASSWORD)).status())
        .isEqualTo(201);

    // Nor may another site log a browser in (login CSRF).
    assertProblem(
        send(post("api/v1/session", login(admin, PASSWORD)).header("Sec-Fetch-Site", "cross-site")),
        403);
  }

  // --- passwords -------------------------------------------------------------------------------

  @Test
  void newPasswordsMustPassThePolicyAndAChangedPasswordIsTheOneThatLogsIn() {
    String member = createMember("OFFICER");
    Answer login = send(post("api/v1/session", login(member, PASSWORD)));
    String session = cookieValue(login.header("Set-Cookie").orElseThrow());
    String csrf = login.json().get("csrfToken").asText();
    String elsewhere =
        cookieValue(
            send(post("api/v1/session", login(member, PASSWORD)))
                .header("Set-Cookie")
                .orElseThrow());

    assertProblem(
        send(
            post("api/v1/me/password", change(PASSWORD, "qwerty123456"))
                .cookie(session)
                .csrf(csrf)),
        400,
        "newPassword");
    assertProblem(
        send(
            post("api/v1/me/password", change(PASSWORD, "Password2026!"))
                .cookie(session)
                .csrf(csrf)),
        400,
        "newPassword");
    assertProblem(
        send(post("api/v1/me/password", change(PASSWORD, "ngan-qua-1")).cookie(session).csrf(csrf)),
        400,
        "newPassword");
    assertProblem(
        send(post("api/v1/me/password", change(PASSWORD, PASSWORD)).cookie(session).csrf(csrf)),
        400,
        "newPassword");
    assertProblem(
        send(
            post("api/v1/me/password", change("Khong-phai-" + RUN, "Mot-mat-khau-moi-" + RUN))
                .cookie(session)
                .csrf(csrf)),
        400,
        "currentPassword");
    // Nothing changed: the password still logs in.
    assertThat(ApiClient.as(base(), member, PASSWORD).get("api/v1/session").status())
        .isEqualTo(200);

    String chosen = "Mot-mat-khau-moi-" + RUN;
    Answer changed =
        send(post("api/v1/me/password", change(PASSWORD, chosen)).cookie(session).csrf(csrf));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
    assertProblem(send(post("api/v1/session", login(member, PASSWORD))), 401);
    assertThat(send(post("api/v1/session", login(member, chosen))).status()).isEqualTo(200);
    assertThat(ApiClient.as(base(), member, chosen).get("api/v1/session").status()).isEqualTo(200);
    // This session stays; the member's other session, opened with the old password, ended.
    assertThat(send(get("api/v1/session").cookie(session)).status()).isEqualTo(200);
    assertProblem(send(get("api/v1/session").cookie(elsewhere)), 401);

    // Admins creating a member are held to the same policy.
    String refused = "pw" + RUN + "x";
    Map<String, Object> request = memberRequest(refused, "OFFICER");
    request.put("password", "administrator2026");
    assertProblem(as(Demo.ADMIN).post("api/v1/members", request), 400, "password");
    assertProblem(as(Demo.ADMIN).get("api/v1/members/" + refused), 404);
  }

  @Test
  void afterAnAdminsResetTheMemberMayOnlyChangeTheirPassword() {
    String member = createMember("OFFICER");
    ApiClient admin = as(Demo.ADMIN);

    assertProblem(
        ApiClient.as(base(), member, PASSWORD)
            .post("api/v1/members/" + Demo.ADMIN + "/password-reset", ""),
        403);
    assertProblem(admin.post("api/v1/members/" + Demo.ADMIN + "/password-reset", ""), 409);
    assertProblem(admin.post("api/v1/members/no-such-" + RUN + "/password-reset", ""), 404);

    ApiClient.Reply reset = admin.post("api/v1/members/" + member + "/password-reset", "");
    assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
    String temporary = reset.json().get("temporaryPassword").asText();
    assertThat(reset.json().get("passwordChangeRequired").asBoolean()).isTrue();
    assertThat(reset.json().get("expiresAt").asText()).isNotBlank();
    assertThat(ApiClient.as(base(), member, PASSWORD).get("api/v1/session").status())
        .isEqualTo(401);

    // With HTTP Basic: anything but the password change is refused, saying why.
    ApiClient basic = ApiClient.as(base(), member, temporary);
    ApiClient.Reply refused = basic.get("api/v1/units");
    assertProblem(refused, 403);
    assertThat(refused.json().get("detail").asText()).contains("/api/v1/me/password");
    assertThat(basic.get("api/v1/session").json().get("passwordChangeRequired").asBoolean())
        .isTrue();

    // With a session: the same.
    Answer login = send(post("api/v1/session", login(member, temporary)));
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.json().get("passwordChangeRequired").asBoolean()).isTrue();
    String session = cookieValue(login.header("Set-Cookie").orElseThrow());
    String csrf = login.json().get("csrfToken").asText();
    assertProblem(send(get("api/v1/tasks").cookie(session)), 403);
    assertProblem(
        send(
            post("api/v1/units", unit("RS-" + RUN.toUpperCase(Locale.ROOT)))
                .cookie(session)
                .csrf(csrf)),
        403);

    String chosen = "Da-doi-sau-khi-cap-lai-" + RUN;
    Answer changed =
        send(post("api/v1/me/password", change(temporary, chosen)).cookie(session).csrf(csrf));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
    assertThat(send(get("api/v1/units").cookie(session)).status()).isEqualTo(200);
    assertThat(
            send(get("api/v1/session").cookie(session))
                .json()
                .get("passwordChangeRequired")
                .asBoolean())
        .isFalse();
    assertThat(ApiClient.as(base(), member, chosen).get("api/v1/units").status()).isEqualTo(200);
    assertThat(basic.get("api/v1/units").status()).isEqualTo(401);
  }

  // --- throttling ------------------------------------------------------------------------------

  @Test
  void tenWrongPasswordsThrottleTheAccountEvenForTheRightPassword() {
    String member = createMember("OFFICER");
    for (int i = 1; i <= 10; i++) {
      Answer wrong = send(post("api/v1/session", login(member, "Doan-sai-lan-" + i + "-" + RUN)));
      assertThat(wrong.status()).as("attempt %d: %s", i, wrong).isEqualTo(401);
    }

    Answer right = send(post("api/v1/session", login(member, PASSWORD)));
    assertProblem(right, 429);
    long retryAfter = Long.parseLong(right.header("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 15 * 60L);
    assertThat(right.header("Set-Cookie")).isEmpty();
    // HTTP Basic shares the count.
    ApiClient.Reply basic = ApiClient.as(base(), member, PASSWORD).get("api/v1/units");
    assertThat(basic.status()).as(basic.toString()).isEqualTo(429);

    // Other accounts from the same address are not locked out: the address limit is higher.
    String neighbour = createMember("OFFICER");
    assertThat(send(post("api/v1/session", login(neighbour, PASSWORD))).status()).isEqualTo(200);
    assertThat(as(Demo.JUSTICE_OFFICER).get("api/v1/units").status()).isEqualTo(200);
  }

  @Test
  void parallelGuessesDoNotGetPastTheThrottle() throws InterruptedException {
    String member = createMember("OFFICER");
    List<Callable<Integer>> guesses = new ArrayList<>();
    for (int i = 1; i <= 16; i++) {
      String guess = "Doan-song-song-" + i + "-" + RUN;
      guesses.add(() -> send(post("api/v1/session", login(member, guess))).status());
    }
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Integer> statuses = new ArrayList<>();
    try {
      for (Future<Integer> status : pool.invokeAll(guesses)) {
        statuses.add(status.get());
      }
    } catch (ExecutionException e) {
      throw new AssertionError(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    // Exactly ten were checked, however they raced; the rest were refused unchecked.
    assertThat(statuses).filteredOn(s -> s == 401).hasSize(10);
    assertThat(statuses).filteredOn(s -> s == 429).hasSize(6);
  }

  // --- headers ---------------------------------------------------------------------------------

  @Test
  void securityHeadersAreOnEveryAnswerErrorsIncluded() {
    List<Answer> answers = new ArrayList<>();
    Answer ok = send(get("api/v1/session").basic(Demo.JUSTICE_OFFICER, Demo.PASSWORD));
    assertThat(ok.status()).isEqualTo(200);
    answers.add(ok);
    Answer unauthorized = send(get("api/v1/units").program());
    assertThat(unauthorized.status()).isEqualTo(401);
    assertThat(unauthorized.header("WWW-Authenticate"))
        .contains("Basic realm=\"steerflow\", charset=\"UTF-8\"");
    answers.add(unauthorized);
    Answer notFound =
        send(get("api/v1/no-such-resource").basic(Demo.JUSTICE_OFFICER, Demo.PASSWORD));
    assertThat(notFound.status()).isEqualTo(404);
    answers.add(notFound);
    Answer notFoundOutsideTheApi = send(get("no-such-page").program());
    assertThat(notFoundOutsideTheApi.status()).isEqualTo(404);
    answers.add(notFoundOutsideTheApi);

    for (Answer answer : answers) {
      assertThat(answer.header("Content-Security-Policy"))
          .as("CSP of %s", answer)
          .hasValueSatisfying(
              csp ->
                  assertThat(csp)
                      .contains("default-src 'self'")
                      .contains("frame-ancestors 'none'"));
      assertThat(answer.header("X-Content-Type-Options")).as("%s", answer).contains("nosniff");
      assertThat(answer.header("Referrer-Policy")).as("%s", answer).contains("no-referrer");
      // Plain HTTP and no trusted proxy: no HSTS.
      assertThat(answer.header("Strict-Transport-Security")).as("%s", answer).isEmpty();
    }
    assertThat(ok.header("Cache-Control")).contains("no-store");
    assertThat(unauthorized.header("Cache-Control")).contains("no-store");
    // A proxy header from an untrusted connection changes nothing.
    Answer spoofed =
        send(
            get("api/v1/session")
                .basic(Demo.JUSTICE_OFFICER, Demo.PASSWORD)
                .header("X-Forwarded-Proto", "https"));
    assertThat(spoofed.header("Strict-Transport-Security")).isEmpty();
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** A new member of the Department of Justice with the role, PASSWORD as password. */
  private String createMember(String role) {
    String username = ("ls" + RUN + "-" + (++members)).toLowerCase(Locale.ROOT);
    ApiClient.Reply created = as(Demo.ADMIN).post("api/v1/members", memberRequest(username, role));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return username;
  }

  private static Map<String, Object> memberRequest(String username, String role) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("username", username);
    body.put("fullName", "Cán bộ " + username);
    body.put("unit", Demo.JUSTICE);
    body.put("committee", role.equals("OFFICER") || role.equals("ADMIN") ? null : Demo.COMMITTEE);
    body.put("roles", List.of(role));
    body.put("password", PASSWORD);
    return body;
  }

  private static Map<String, Object> login(String username, String password) {
    return Map.of("username", username, "password", password);
  }

  private static Map<String, Object> change(String current, String chosen) {
    return Map.of("currentPassword", current, "newPassword", chosen);
  }

  private static Map<String, Object> unit(String code) {
    return Map.of(
        "code", code, "name", "Đơn vị " + code, "kind", "DEPARTMENT", "parent", "UBND-LC");
  }

  private static String cookieValue(String setCookie) {
    return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
  }

  private static void assertProblem(Answer answer, int status, String... fields) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.header("Content-Type"))
        .as(answer.toString())
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    List<String> named = new ArrayList<>();
    answer.json().path("errors").forEach(e -> named.add(e.get("field").asText()));
    assertThat(named).as(answer.toString()).contains(fields);
  }

  private static void assertProblem(ApiClient.Reply reply, int status, String... fields) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
    List<String> named = new ArrayList<>();
    reply.json().path("errors").forEach(e -> named.add(e.get("field").asText()));
    assertThat(named).as(reply.toString()).contains(fields);
  }

  private Call get(String path) {
    return new Call(base().resolve(path), "GET", null);
  }

  private Call post(String path, Object body) {
    return new Call(base().resolve(path), "POST", body);
  }

  private Call delete(String path) {
    return new Call(base().resolve(path), "DELETE", null);
  }

  /**
   * A request as a browser's script would send it (Sec-Fetch-Mode: cors) unless it carries Basic
   * credentials or is marked as a program's; cookies and headers set by hand, so that the test sees
   * exactly what the server sets.
   */
  private static final class Call {
    private final HttpRequest.Builder builder;
    private boolean basic;

    Call(URI uri, String method, Object body) {
      builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
      builder.header("Accept", "application/json");
      if (body == null) {
        builder.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        try {
          builder
              .header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }

    Call cookie(String sessionId) {
      builder.header("Cookie", "sf_session=" + sessionId);
      return this;
    }

    Call csrf(String token) {
      return header("X-CSRF-Token", token);
    }

    Call basic(String username, String password) {
      basic = true;
      return header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** Sent as a program would: no Sec-Fetch headers. */
    Call program() {
      basic = true;
      return this;
    }

    Call header(String name, String value) {
      builder.header(name, value);
      return this;
    }

    HttpRequest build() {
      if (!basic) {
        builder.header("Sec-Fetch-Mode", "cors");
      }
      return builder.build();
    }
  }

  private static Answer send(Call call) {
    try {
      HttpResponse<String> response = HTTP.send(call.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private record Answer(int status, Map<String, List<String>> headers, String body) {
    Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + header("Content-Type").orElse("") + " " + body;
    }
  }
}
