package io.github.pylonchat.spring.nosecurity;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pylonchat.testing.ReferenceHmac;
import io.github.pylonchat.testing.TestVector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Without Spring Security (whose default headers forbid caching) nothing else keeps a signed page,
 * or the loader script with a session cookie, out of shared caches: the starter does. Over real
 * HTTP with embedded Tomcat's 8 KiB response buffer, so a page larger than it is committed before
 * the tag at its end runs.
 */
@SpringBootTest(classes = NoSecurityApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "pylon.chat.app-id=no-security-app",
    "pylon.chat.identity-secret=" + TestVector.SECRET_HEX,
    "pylon.chat.endpoint.enabled=true"})
class CacheControlWithoutSecurityTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String MEMBER_HASH = ReferenceHmac.emailHash(TestVector.SECRET_HEX, "member@example.com");

  @LocalServerPort
  int port;

  private HttpResponse<String> get(String path) throws Exception {
    HttpResponse<String> response = HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).isEqualTo(200);
    return response;
  }

  private static String cacheControl(HttpResponse<?> response) {
    return String.join(", ", response.headers().allValues("Cache-Control"));
  }

  @Test
  void springSecurityIsNotOnTheClassPath() {
    assertThat(ClassUtils.isPresent("org.springframework.security.core.context.SecurityContextHolder", null)).isFalse();
  }

  /** The starter brings the dialect's small jar, not Thymeleaf itself, into a FreeMarker application. */
  @Test
  void thymeleafIsNotOnTheClassPathAndNoDialectIsRegistered(@Autowired ApplicationContext context) {
    assertThat(getClass().getResource("/io/github/pylonchat/thymeleaf/PylonChatDialect.class")).isNotNull();
    assertThat(ClassUtils.isPresent("org.thymeleaf.TemplateEngine", null)).isFalse();
    assertThat(context.containsBean("pylonChatDialect")).isFalse();
  }

  @Test
  void pageThatSignsTheUserIsPrivateAndNoStore() throws Exception {
    HttpResponse<String> response = get("/member");

    assertThat(response.body()).contains("\"email_hash\":\"" + MEMBER_HASH + "\"");
    assertThat(cacheControl(response)).isEqualTo("private, no-store");
  }

  @Test
  void pageLargerThanTheResponseBufferIsPrivateAndNoStoreToo() throws Exception {
    HttpResponse<String> response = get("/big-member");

    assertThat(response.body().length()).isGreaterThan(4 * 8192);
    assertThat(response.body()).contains("\"email_hash\":\"" + MEMBER_HASH + "\"");
    assertThat(cacheControl(response)).isEqualTo("private, no-store");
  }

  @Test
  void tagWithAnExplicitUserMarksTheResponseWhenItRuns() throws Exception {
    HttpResponse<String> response = get("/explicit-user");

    assertThat(response.body()).contains("\"email_hash\":\"" + MEMBER_HASH + "\"");
    assertThat(cacheControl(response)).isEqualTo("private, no-store");
  }

  /**
   * Without Spring Security the starter cannot know in advance whom {@code user=} names; once the
   * response is committed without the header, the tag fails instead of signing, and the server
   * breaks off the response.
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
    assertThat(page).doesNotContain("email_hash").doesNotContain("member@example.com");
  }

  @Test
  void weakerCacheControlTheApplicationSetIsReplacedWhenSomeoneIsSigned() throws Exception {
    HttpResponse<String> response = get("/public-cache");

    assertThat(response.body()).contains("\"email_hash\":\"" + MEMBER_HASH + "\"");
    assertThat(cacheControl(response)).isEqualTo("private, no-store");
  }

  /** A shared cache that kept the loader with its Set-Cookie would hand one session to all its visitors. */
  @Test
  void loaderScriptThatSetsASessionCookieIsNeverPublic() throws Exception {
    HttpResponse<String> response = get(NoSecurityApplication.LOADER);

    assertThat(response.headers().firstValue("Set-Cookie")).hasValueSatisfying(
        cookie -> assertThat(cookie).startsWith("JSESSIONID="));
    assertThat(response.body()).contains("window.PylonChatJava");
    assertThat(cacheControl(response)).isEqualTo("private, max-age=3600");
  }

  @Test
  void pageThatSignsNobodyKeepsTheApplicationsCacheControl() throws Exception {
    HttpResponse<String> response = get("/visitor");

    assertThat(response.body()).contains("<main>page</main>").doesNotContain("<script");
    assertThat(cacheControl(response)).isEqualTo("public, max-age=3600");
  }
}
