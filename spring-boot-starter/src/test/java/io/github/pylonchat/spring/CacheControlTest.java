package io.github.pylonchat.spring;

import static io.github.pylonchat.spring.RenderedWidget.assertIdentifies;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pylonchat.spring.testapp.TestApplication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP (embedded Tomcat, 8 KiB response buffer) with Spring Security: every response that
 * carries a signed identity says {@code Cache-Control: private, no-store}, so no shared cache or CDN
 * keeps it, also when the page is larger than the response buffer and so was committed before the
 * tag at its end ran.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "pylon.chat.app-id=test-app",
    "pylon.chat.identity-secret=" + RenderedWidget.SECRET})
class CacheControlTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String ADMIN = "Basic "
      + Base64.getEncoder().encodeToString("admin:admin-password".getBytes(StandardCharsets.UTF_8));

  @LocalServerPort
  int port;

  private HttpResponse<String> get(String path, boolean asAdmin) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (asAdmin) {
      request.header("Authorization", ADMIN);
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).isEqualTo(200);
    return response;
  }

  private static String cacheControl(HttpResponse<?> response) {
    return String.join(", ", response.headers().allValues("Cache-Control"));
  }

  @Test
  void pageWithTheLoggedInUsersIdentityIsPrivateAndNoStore() throws Exception {
    HttpResponse<String> response = get("/page", true);

    assertIdentifies(response.body(), "admin@example.com", "Site Admin");
    assertThat(cacheControl(response)).isEqualTo("private, no-store");
  }

  @Test
  void pageLargerThanTheResponseBufferIsPrivateAndNoStoreToo() throws Exception {
    HttpResponse<String> response = get("/big-page", true);

    assertThat(response.body().length()).isGreaterThan(4 * 8192);
    assertIdentifies(response.body(), "admin@example.com", "Site Admin");
    assertThat(cacheControl(response)).isEqualTo("private, no-store");
  }

  @Test
  void weakerCacheControlTheApplicationSetIsReplacedWhenSomeoneIsSigned() throws Exception {
    HttpResponse<String> response = get("/public-cache", true);

    assertIdentifies(response.body(), "admin@example.com", "Site Admin");
    assertThat(cacheControl(response)).isEqualTo("private, no-store");
  }

  @Test
  void pageThatSignsNobodyKeepsTheApplicationsCacheControl() throws Exception {
    HttpResponse<String> response = get("/public-cache", false);

    assertThat(response.body()).doesNotContain("<script");
    assertThat(cacheControl(response)).isEqualTo("public, max-age=3600");
  }

  @Test
  void tagWithAnExplicitUserMarksTheResponseWhenItRuns() throws Exception {
    HttpResponse<String> response = get("/explicit-user", false);

    assertIdentifies(response.body(), "alan@example.com", "Alan Turing");
    assertThat(cacheControl(response)).isEqualTo("private, no-store");
  }

  /**
   * The starter cannot know in advance whom {@code user=} names; once the response is committed
   * without the header, the tag fails instead of signing, and the server breaks off the response.
   */
  @Test
  void tagWithAnExplicitUserOnAResponseAlreadyCommittedWithoutTheHeaderSignsNobody() throws Exception {
    HttpResponse<InputStream> response = HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/big-explicit-user")).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    try (InputStream body = response.body()) {
      body.transferTo(received);
    } catch (IOException brokenOff) {
      // what a browser gets too: the page up to the tag
    }
    String page = received.toString(StandardCharsets.UTF_8);

    assertThat(cacheControl(response)).doesNotContain("private");
    assertThat(page.length()).as("sent before the tag ran").isGreaterThan(8192);
    assertThat(page).doesNotContain("email_hash").doesNotContain("alan@example.com");
  }
}
