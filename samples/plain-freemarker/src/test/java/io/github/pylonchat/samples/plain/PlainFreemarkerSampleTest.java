package io.github.pylonchat.samples.plain;

import io.github.pylonchat.testing.TestVector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.pylonchat.ChatProfile;
import io.github.pylonchat.PylonChatWidget;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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

/** Starts the plain sample on a free port and reads its pages as a browser would receive them. */
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
  void memberPageCarriesTheMembersVerifiedIdentityUnderTheResponsesNonce(Member member) throws Exception {
    HttpResponse<String> response = get("/members/" + member.id());
    assertEquals(200, response.statusCode());
    Matcher csp = CSP_NONCE.matcher(response.headers().firstValue("Content-Security-Policy").orElseThrow());
    assertTrue(csp.find(), "CSP header with a nonce for our scripts");
    String nonce = csp.group(1);

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
    HttpResponse<String> response = get("/members/" + member.id());

    assertEquals(List.of("private, no-store"), response.headers().allValues("Cache-Control"));
  }

  @Test
  void visitorWhoIsNotSignedInGetsNoWidget() throws Exception {
    HttpResponse<String> response = get("/");
    assertEquals(200, response.statusCode());
    Document page = Jsoup.parse(response.body());
    assertEquals(0, page.select("script").size());
    assertTrue(page.body().text().contains("Nobody is signed in"));
  }

  @Test
  void unknownPathIsNotFound() throws Exception {
    assertEquals(404, get("/members/nobody").statusCode());
  }

  @Test
  void withoutConfigurationTheAnnouncedDemoValuesAreUsed() {
    PylonChatWidget widget = PlainFreemarkerSample.widgetFrom(Map.of());
    assertEquals("pylon-chat-java-demo", widget.appId());
    String html = widget.render(ChatProfile.of("user@example.com", "User"), null);
    // Pylon's documented test vector: the demo secret is its test secret.
    assertTrue(html.contains("\"email_hash\":\"" + TestVector.EMAIL_HASH + "\""), html);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
