package io.github.pylonchat.spring.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Attacks on who is signed, over real HTTP as with curl, against {@link ViewerApplication}: the
 * request's parameters land in the model as {@code currentUser} (or as the tag's {@code user=}),
 * and must never choose whose identity is signed. Only the logged-in viewer Spring Security
 * authenticated is ever signed. Subclasses start the application in one kind of identity
 * verification, on Spring Boot 4 (the starter's tests) and on Spring Boot 3.5 (tests/spring-boot-3).
 */
public abstract class AbstractOnlyTheViewerIsSignedTest {
  /** The test vector's secret, as hex. */
  protected static final String SECRET_HEX = io.github.pylonchat.testing.TestVector.SECRET_HEX;
  /** A JWT secret as Pylon might show it; its text is the key. */
  protected static final String JWT_SECRET = "pylon-jwt-secret-Zq8vR2mX7tK4wB9nC3hF6jL1";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  /** One HTTP answer. */
  protected record Answer(int status, String body, String cacheControl) {
    /** The value of {@code "key":"..."} in the page's {@code chat_settings}, or null. */
    String setting(String key) {
      Matcher m = Pattern.compile("\"" + key + "\":\"([^\"]*)\"").matcher(body);
      return m.find() ? m.group(1) : null;
    }

    /**
     * Asserts that the tag failed: an error page (Thymeleaf), or FreeMarker's default debug output
     * in the page, which was sent in part (Spring Boot's FreeMarker keeps FreeMarker's default
     * exception handler, which writes the message into the page).
     */
    void tagFailed() {
      assertThat(status == 500 || body.contains("is not the logged-in user")).as("failed: %s %s", status, body).isTrue();
    }

    /** Whether the page carries no widget at all, no proof of identity and none of {@code texts}. */
    void signsNobody(String... texts) {
      assertThat(body).doesNotContain("window.pylon").doesNotContain("email_hash").doesNotContain("\"jwt\"")
          .doesNotContain(texts);
    }
  }

  /** {@code GET path?query} as {@code login} (null: not logged in), over HTTP basic. */
  protected Answer get(String login, String path, Map<String, String> query) throws Exception {
    String parameters = query.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + path + (parameters.isEmpty() ? "" : "?" + parameters)));
    if (login != null) {
      String credentials = login + ":" + login + "-password";
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    try (InputStream body = response.body()) {
      body.transferTo(received);
    } catch (IOException brokenOff) {
      // a page that fails after it was sent in part is broken off: the client keeps what came
    }
    return new Answer(response.statusCode(), received.toString(StandardCharsets.UTF_8),
        String.join(", ", response.headers().allValues("Cache-Control")));
  }

  /** The victim's identity, as an attacker writes it into the query string. */
  protected static Map<String, String> victim() {
    return Map.of("email", "victim@example.com", "name", "Victim",
        "accountExternalId", "victim-account", "contactExternalId", "victim-id");
  }
}
