package io.github.pylonchat.spring.endpoint;

import static io.github.pylonchat.spring.endpoint.AbstractChatSettingsEndpointTest.APP_ID;
import static io.github.pylonchat.spring.endpoint.AbstractChatSettingsEndpointTest.SECRET;
import static io.github.pylonchat.spring.endpoint.AbstractChatSettingsEndpointTest.settingsOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pylonchat.ChatProfile;
import io.github.pylonchat.spring.endpoint.LoadRun.Call;
import io.github.pylonchat.spring.endpoint.LoadRun.Result;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The chat-settings endpoint over real HTTP (embedded Tomcat), under lazy initialization, with a
 * path of the application's choosing, anonymous visitors getting the widget and one front-end
 * origin allowed: sessions of form logins, bearer tokens, {@code HEAD}, CORS, the loader script,
 * and many sessions at once. The load test ({@code @Tag("load")}, not part of {@code mvn verify})
 * measures its throughput beside a trivial JSON endpoint of the same application:
 * {@code benchmarks/endpoint-load.sh}.
 */
@SpringBootTest(classes = EndpointApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "pylon.chat.app-id=" + APP_ID,
    "pylon.chat.identity-secret=" + SECRET,
    "pylon.chat.anonymous=widget",
    "pylon.chat.endpoint.enabled=true",
    "pylon.chat.endpoint.path=" + ChatSettingsEndpointHttpTest.PATH,
    "pylon.chat.endpoint.allowed-origins=" + ChatSettingsEndpointHttpTest.FRONT_END,
    "spring.main.lazy-initialization=true",
    // the load test's connections stay open for all their requests
    "server.tomcat.max-keep-alive-requests=-1"})
class ChatSettingsEndpointHttpTest {
  static final String PATH = "/api/chat/settings";
  static final String FRONT_END = "https://app.example.com";
  private static final String ANONYMOUS = "{\"app_id\":\"" + APP_ID + "\"}";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  @LocalServerPort
  int port;

  /** The {@code Cookie} header of each account's session, logged in once for all tests. */
  private static final Map<String, String> sessions = new ConcurrentHashMap<>();

  @BeforeEach
  void logIn() throws Exception {
    for (String username : List.of("ada", "grace", "linus", "admin")) {
      if (!sessions.containsKey(username)) {
        sessions.put(username, sessionCookie(username));
      }
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** Logs in through Spring Security's login form: the {@code Cookie} header of the new session. */
  private String sessionCookie(String username) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    Matcher csrf = CSRF_FIELD.matcher(browser.send(HttpRequest.newBuilder(uri("/login")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    assertThat(csrf.find()).as("the login page's CSRF field").isTrue();
    String form = "username=" + username + "&password=" + username + "-password&_csrf=" + csrf.group(1);
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.headers().firstValue("Location")).as("logged in").hasValueSatisfying(
        location -> assertThat(location).doesNotContain("error"));
    return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("JSESSIONID"))
        .map(Object::toString).findFirst().orElseThrow();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  private static String expected(String username) {
    ChatProfile profile = EndpointApplication.PROFILES.get(username);
    return settingsOf(profile.email(), profile.name());
  }

  @Test
  void sessionOfAFormLoginGetsItsUsersSettingsWithPrivateHeaders() throws Exception {
    HttpResponse<String> response = get(PATH, "Cookie", sessions.get("ada"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(expected("ada"));
    assertThat(response.headers().allValues("Cache-Control")).containsExactly("private, no-store");
    assertThat(String.join(", ", response.headers().allValues("Vary"))).contains("Cookie").contains("Authorization");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("Pylon-Widget-Script")).hasValue("https://widget.usepylon.com/widget/" + APP_ID);
  }

  @Test
  void visitorWhoIsNotLoggedInGetsTheAppIdAloneWhenAnonymousVisitorsGetTheWidget() throws Exception {
    HttpResponse<String> response = get(PATH);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(ANONYMOUS);
    assertThat(response.headers().allValues("Cache-Control")).containsExactly("private, no-store");
    assertThat(response.headers().firstValue("Pylon-Widget-Script")).hasValue("https://widget.usepylon.com/widget/" + APP_ID);
  }

  /** What a mobile app sends: its bearer token, which a PylonChatUserResolver maps to the user. */
  @Test
  void bearerTokenGetsItsUsersSettings() throws Exception {
    HttpResponse<String> response = get(PATH, "Authorization", "Bearer " + EndpointApplication.bearerToken("linus"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(expected("linus"));
    assertThat(response.headers().allValues("Cache-Control")).containsExactly("private, no-store");
  }

  @Test
  void invalidBearerTokenIsRejectedByTheApplicationsSecurity() throws Exception {
    HttpResponse<String> response = get(PATH, "Authorization", "Bearer forged");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    assertThat(response.body()).doesNotContain("app_id");
  }

  @Test
  void headAnswersTheHeadersAndNoBody() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(PATH)).header("Cookie", sessions.get("ada"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().allValues("Cache-Control")).containsExactly("private, no-store");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void allowedFrontEndOriginReadsTheSettingsWithCredentials() throws Exception {
    HttpResponse<String> response = get(PATH, "Origin", FRONT_END, "Cookie", sessions.get("grace"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(expected("grace"));
    assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(FRONT_END);
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(
        value -> assertThat(value).contains("Pylon-Widget-Script"));
    assertThat(String.join(", ", response.headers().allValues("Vary"))).contains("Origin").contains("Cookie");
  }

  @Test
  void preflightOfTheAllowedOriginAllowsGet() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(PATH)).header("Origin", FRONT_END)
        .header("Access-Control-Request-Method", "GET").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(FRONT_END);
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
        value -> assertThat(value).contains("GET").doesNotContain("POST"));
  }

  @Test
  void anotherOriginGetsNoCorsHeaderAndNoSettings() throws Exception {
    HttpResponse<String> response = get(PATH, "Origin", "https://evil.example", "Cookie", sessions.get("grace"));

    assertThat(response.statusCode()).as("Spring MVC's CORS check").isEqualTo(403);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(response.body()).doesNotContain("grace@example.com");
  }

  @Test
  void loaderScriptIsAStaticAssetNextToTheEndpoint() throws Exception {
    HttpResponse<String> anonymous = get(PATH + ".js");
    HttpResponse<String> loggedIn = get(PATH + ".js", "Cookie", sessions.get("ada"));

    assertThat(anonymous.statusCode()).isEqualTo(200);
    assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("text/javascript;charset=UTF-8");
    // Spring Security's default headers are kept: never a public copy in a shared cache
    assertThat(anonymous.headers().allValues("Cache-Control"))
        .containsExactly("no-cache, no-store, max-age=0, must-revalidate");
    assertThat(loggedIn.headers().allValues("Cache-Control"))
        .containsExactly("no-cache, no-store, max-age=0, must-revalidate");
    assertThat(anonymous.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(anonymous.body()).contains("window.PylonChatJava").contains("Pylon-Widget-Script");
    assertThat(loggedIn.body()).as("the same for everyone: no user data").isEqualTo(anonymous.body());
    String etag = anonymous.headers().firstValue("ETag").orElseThrow();
    assertThat(get(PATH + ".js", "If-None-Match", etag).statusCode()).isEqualTo(304);
  }

  @Test
  void theDefaultPathIsNotServedWhenAnotherIsConfigured() throws Exception {
    assertThat(get("/pylon/chat-settings", "Cookie", sessions.get("ada")).statusCode()).isEqualTo(404);
  }

  private static double median(List<Double> values) {
    return values.stream().sorted().toList().get(values.size() / 2);
  }

  /** The median and, in brackets, the least and the greatest value. */
  private static String spread(List<Double> values) {
    return String.format("%.3f (%.3f-%.3f)", median(values), values.stream().min(Double::compare).orElseThrow(),
        values.stream().max(Double::compare).orElseThrow());
  }

  /** Every session's user, and a visitor without a session, each expected answer. */
  private List<Call> everySession(String path, boolean settings) {
    List<Call> calls = new ArrayList<>();
    for (String username : List.of("ada", "grace", "linus", "admin")) {
      String body = settings ? expected(username) : "{\"ok\":true}";
      calls.add(new Call(path, sessions.get(username), answer -> answer.status() == 200 && answer.body().equals(body)
          && (!settings || "private, no-store".equals(answer.header("Cache-Control"))), username));
    }
    String anonymous = settings ? ANONYMOUS : "{\"ok\":true}";
    calls.add(new Call(path, null, answer -> answer.status() == 200 && answer.body().equals(anonymous), "no session"));
    return calls;
  }

  /** A short run of the load test in every build: correctness only, no timing. */
  @Test
  void concurrentSessionsEachGetTheirOwnUsersSettings() throws Exception {
    Result result = LoadRun.run(port, everySession(PATH, true), 2_000, 8, Duration.ofSeconds(60));

    assertThat(result.errors()).isEmpty();
    assertThat(result.completed()).isEqualTo(2_000);
  }

  /**
   * The load test: after {@code load.warm-up-rounds} (3) unrecorded rounds, {@code load.rounds} (7)
   * rounds of {@code load.requests} (20,000) requests over {@code load.connections} (8) connections
   * to the endpoint and to {@code /ping}, a trivial JSON endpoint of the same application,
   * alternating which goes first; every answer checked. Prints each round's
   * throughputs and their ratio, and writes them to {@code target/endpoint-load.md}.
   */
  @Test
  @Tag("load")
  void throughputBesideATrivialJsonEndpoint() throws Exception {
    int requests = Integer.getInteger("load.requests", 20_000);
    int connections = Integer.getInteger("load.connections", 8);
    int rounds = Integer.getInteger("load.rounds", 7);
    int warmUpRounds = Integer.getInteger("load.warm-up-rounds", 3);
    Duration limit = Duration.ofSeconds(Long.getLong("load.round-seconds", 60));
    List<Call> settings = everySession(PATH, true);
    List<Call> ping = everySession("/ping", false);
    for (int round = 1; round <= warmUpRounds; round++) { // until the JIT has compiled both paths
      LoadRun.run(port, settings, requests, connections, limit);
      LoadRun.run(port, ping, requests, connections, limit);
    }

    StringBuilder table = new StringBuilder("| round | /ping req/s | " + PATH + " req/s | throughput ratio"
        + " | /ping CPU µs/req | " + PATH + " CPU µs/req | CPU ratio |\n|---|---|---|---|---|---|---|\n");
    List<Double> ratios = new ArrayList<>();
    List<Double> cpuRatios = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      Result first = LoadRun.run(port, round % 2 == 0 ? settings : ping, requests, connections, limit);
      Result second = LoadRun.run(port, round % 2 == 0 ? ping : settings, requests, connections, limit);
      Result endpoint = round % 2 == 0 ? first : second;
      Result trivial = round % 2 == 0 ? second : first;
      Stream.of(endpoint, trivial).forEach(result -> {
        errors.addAll(result.errors());
        assertThat(result.completed()).as("all requests within %s", limit).isEqualTo(requests);
      });
      ratios.add(endpoint.perSecond() / trivial.perSecond());
      cpuRatios.add(trivial.cpuMicrosPerRequest() / endpoint.cpuMicrosPerRequest());
      table.append(String.format("| %d | %.0f | %.0f | %.3f | %.1f | %.1f | %.3f |%n", round, trivial.perSecond(),
          endpoint.perSecond(), ratios.get(round - 1), trivial.cpuMicrosPerRequest(), endpoint.cpuMicrosPerRequest(),
          cpuRatios.get(round - 1)));
    }
    String summary = String.format("%d rounds (after %d of warm-up) of %,d requests over %d connections per endpoint,"
            + " 4 sessions and no session in turn, %s: throughput ratio (endpoint / ping) median %s;"
            + " CPU-time ratio (ping / endpoint per request, this JVM: server and client) median %s; goal >= 0.8: %s%n",
        rounds, warmUpRounds, requests, connections, errors.isEmpty() ? "every answer right" : errors.size() + " WRONG",
        spread(ratios), spread(cpuRatios), median(ratios) >= 0.8 ? "pass" : "MISS");
    System.out.println(table + summary);
    Files.writeString(Path.of("target", "endpoint-load.md"), table + "\n" + summary);
    assertThat(errors).as("wrong answers").isEmpty();
  }
}
