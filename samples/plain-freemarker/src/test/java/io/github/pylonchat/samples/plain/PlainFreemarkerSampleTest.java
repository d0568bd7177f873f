package io.github.pylonchat.samples.plain;

import io.github.pylonchat.testing.TestVector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.pylonchat.ChatConfigurationException;
import io.github.pylonchat.ChatProfile;
import io.github.pylonchat.PylonChatWidget;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.Scriptable;

/**
 * Starts the plain sample on a free port, signs members in with its form and reads its pages as a
 * browser would receive them.
 */
class PlainFreemarkerSampleTest {
  private static final String APP_ID = "plain-sample-test";
  private static final String SECRET = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  private static final Pattern CSP_NONCE = Pattern.compile("script-src 'nonce-([A-Za-z0-9+/]+=*)' https://widget\\.usepylon\\.com;");

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static HttpServer server;

  static final List<Member> MEMBERS = PlainFreemarkerSample.MEMBERS;

  @BeforeAll
  static void startSample() throws Exception {
    PylonChatWidget widget = PlainFreemarkerSample.widgetFrom(
        Map.of("PYLON_APP_ID", APP_ID, "PYLON_IDENTITY_SECRET", SECRET));
    server = PlainFreemarkerSample.start(new InetSocketAddress("127.0.0.1", 0), widget);
  }

  @AfterAll
  static void stopSample() {
    server.stop(0);
  }

  @ParameterizedTest
  @FieldSource("MEMBERS")
  void memberSignedInWithTheFormGetsTheirVerifiedIdentityUnderTheResponsesNonce(Member member) throws Exception {
    HttpResponse<String> response = get("/", signIn(member));
    assertEquals(200, response.statusCode());
    String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
    Matcher csp = CSP_NONCE.matcher(policy);
    assertTrue(csp.find(), "CSP header with a nonce for our scripts");
    String nonce = csp.group(1);
    assertTrue(policy.startsWith("default-src 'self'; ") && policy.contains("; form-action 'self'; "), policy);

    Document page = Jsoup.parse(response.body());
    List<Element> scripts = page.select("script");
    assertEquals(2, scripts.size(), "the settings script and Pylon's loader, nothing else:\n" + scripts);
    for (Element script : scripts) {
      assertEquals(nonce, script.attr("nonce"), "every script carries this response's nonce");
    }
    Map<String, Object> settings = chatSettings(scripts.get(0).data());
    assertEquals(Map.of(
        "app_id", APP_ID,
        "email", member.email(),
        "name", member.name(),
        "email_hash", hmacSha256Hex(SECRET, member.email())), settings);
    assertTrue(scripts.get(1).data().contains("\"https://widget.usepylon.com/widget/" + APP_ID + "\""),
        scripts.get(1).data());
    assertTrue(page.body().text().contains("Signed in as " + member.name()), "the name is shown as text");
  }

  @ParameterizedTest
  @FieldSource("MEMBERS")
  void memberPageIsKeptOutOfSharedCaches(Member member) throws Exception {
    HttpResponse<String> response = get("/", signIn(member));

    assertEquals(List.of("private, no-store"), response.headers().allValues("Cache-Control"));
  }

  @Test
  void visitorWhoIsNotSignedInGetsNoWidget() throws Exception {
    assertNoWidget(get("/"));
  }

  /** Whom the page signs comes from the session only: a path, a query or a made-up session id name nobody. */
  @Test
  void noPartOfTheRequestChoosesWhoIsSigned() throws Exception {
    HttpResponse<String> path = get("/members/ada");
    assertEquals(404, path.statusCode());
    assertFalse(path.body().contains("email_hash"), path.body());
    assertNoWidget(get("/?username=ada&currentUser=ada"));
    assertNoWidget(get("/", PlainFreemarkerSample.SESSION_COOKIE + "=ada"));
  }

  @Test
  void aWrongPasswordSignsNobody() throws Exception {
    HttpResponse<String> login = post("/login", "username=ada&password=eve-password");
    assertEquals(303, login.statusCode());
    assertEquals(Optional.of("/?error"), login.headers().firstValue("Location"));
    assertEquals(Optional.empty(), login.headers().firstValue("Set-Cookie"));
    assertTrue(get("/?error").body().contains("Wrong username or password."));
  }

  /** A form on another site would sign the visitor in as a member they did not choose. */
  @Test
  void aFormPostedFromAnotherSiteIsRefused() throws Exception {
    HttpResponse<String> login = post("/login", "username=ada&password=ada-password", "Origin", "https://evil.example");
    assertEquals(403, login.statusCode());
    assertEquals(Optional.empty(), login.headers().firstValue("Set-Cookie"));
  }

  @Test
  void signingOutEndsTheSession() throws Exception {
    String session = signIn(MEMBERS.get(0));
    HttpResponse<String> logout = post("/logout", "", "Cookie", session);
    assertEquals(303, logout.statusCode());
    assertTrue(logout.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
    assertNoWidget(get("/", session));
  }

  @Test
  void withoutConfigurationTheAnnouncedDemoValuesAreUsed() {
    PylonChatWidget widget = PlainFreemarkerSample.widgetFrom(Map.of());
    assertEquals("pylon-chat-java-demo", widget.appId());
    String html = widget.render(ChatProfile.of("user@example.com", "User"), null);
    // Pylon's documented test vector: the demo secret is its test secret.
    assertTrue(html.contains("\"email_hash\":\"" + TestVector.EMAIL_HASH + "\""), html);
  }

  /** A real app id never gets the public demo secret: the sample does not start, and says which variable is missing. */
  @Test
  void aRealAppIdWithoutASecretOrASecretWithoutAnAppIdIsRefused() {
    ChatConfigurationException noSecret = assertThrows(ChatConfigurationException.class,
        () -> PlainFreemarkerSample.widgetFrom(Map.of("PYLON_APP_ID", APP_ID)));
    assertTrue(noSecret.getMessage().startsWith("PYLON_IDENTITY_SECRET is not set (nor PYLON_IDENTITY_SECRET_FILE)."),
        noSecret.getMessage());
    ChatConfigurationException noAppId = assertThrows(ChatConfigurationException.class,
        () -> PlainFreemarkerSample.widgetFrom(Map.of("PYLON_IDENTITY_SECRET", SECRET)));
    assertTrue(noAppId.getMessage().startsWith("PYLON_APP_ID is not set."), noAppId.getMessage());
  }

  private static void assertNoWidget(HttpResponse<String> response) {
    assertEquals(200, response.statusCode());
    Document page = Jsoup.parse(response.body());
    assertEquals(0, page.select("script").size(), response.body());
    assertTrue(page.body().text().contains("Nobody is signed in"));
  }

  /** Signs {@code member} in with the page's form: the {@code Cookie} header of the new session. */
  private static String signIn(Member member) throws Exception {
    HttpResponse<String> login = post("/login", "username=" + URLEncoder.encode(member.username(), StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(member.demoPassword(), StandardCharsets.UTF_8), "Origin", origin());
    assertEquals(303, login.statusCode(), login.body());
    assertEquals(Optional.of("/"), login.headers().firstValue("Location"));
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.startsWith(PlainFreemarkerSample.SESSION_COOKIE + "=") && cookie.contains("; HttpOnly"), cookie);
    return cookie.substring(0, cookie.indexOf(';'));
  }

  private static String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(origin() + path)));
  }

  private static HttpResponse<String> get(String path, String cookie) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(origin() + path)).header("Cookie", cookie));
  }

  private static HttpResponse<String> post(String path, String form, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Runs the settings script in a JavaScript engine and returns {@code window.pylon.chat_settings}. */
  private static Map<String, Object> chatSettings(String script) {
    try (Context js = Context.enter()) {
      Scriptable scope = js.initStandardObjects();
      js.evaluateString(scope, "var window = {};", "setup", 1, null);
      js.evaluateString(scope, script, "settings script", 1, null);
      NativeObject settings = (NativeObject) js.evaluateString(scope, "window.pylon.chat_settings", "read", 1, null);
      Map<String, Object> copy = new HashMap<>();
      settings.forEach((key, value) -> copy.put(key.toString(), value));
      return copy;
    }
  }

  /** The email_hash computed here, independently of the library: HMAC-SHA256 keyed with the hex-decoded secret. */
  private static String hmacSha256Hex(String hexSecret, String email) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(HexFormat.of().parseHex(hexSecret), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(email.getBytes(StandardCharsets.UTF_8)));
  }
}
