package io.github.pylonchat.spring;

import static io.github.pylonchat.spring.RenderedWidget.assertIdentifies;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pylonchat.spring.testapp.TestApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP (embedded Tomcat, 8 KiB response buffer) with Spring Security, in FreeMarker and
 * Thymeleaf views: every response that
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

  @ParameterizedTest
  @ValueSource(strings = {"/page", "/thymeleaf/page"})
  void pageWithTheLoggedInUsersIdentityIsPrivateAndNoStore(String path) throws Exception {
    HttpResponse<String> response = get(path, true);

    assertIdentifies(response.body(), "admin@example.com", "Site Admin");
    assertThat(cacheControl(response)).isEqualTo("private, no-store");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/big-page", "/thymeleaf/big-page"})
  void pageLargerThanTheResponseBufferIsPrivateAndNoStoreToo(String path) throws Exception {
    HttpResponse<String> response = get(path, true);

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

  /** The tag's user= of a visitor who is not logged in is never signed, so nothing needs hiding. */
  @ParameterizedTest
  @ValueSource(strings = {"/explicit-user", "/thymeleaf/explicit-user"})
  void tagWithAnExplicitUserOfAVisitorWhoIsNotLoggedInSignsNobody(String path) throws Exception {
    HttpResponse<String> response = get(path, false);

    assertThat(response.body()).contains("<main>").doesNotContain("<script").doesNotContain("alan@example.com");
    assertThat(cacheControl(response)).doesNotContain("private");
  }

  /**
   * With Spring Security the principal decides whom the tag signs, also when the tag names its
   * user, so the response is private before the page renders, though it is committed before the tag
   * at its end runs.
   */
  @ParameterizedTest
  @ValueSource(strings = {"/big-explicit-viewer", "/thymeleaf/big-explicit-viewer"})
  void tagWithAnExplicitUserOnAPageLargerThanTheResponseBufferIsPrivateAndNoStore(String path) throws Exception {
    HttpResponse<String> response = get(path, true);

    assertThat(response.body().length()).isGreaterThan(4 * 8192);
    assertIdentifies(response.body(), "admin@example.com", "Site Admin");
    assertThat(cacheControl(response)).isEqualTo("private, no-store");
  }
}
