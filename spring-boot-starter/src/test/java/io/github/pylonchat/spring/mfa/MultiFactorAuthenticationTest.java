package io.github.pylonchat.spring.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pylonchat.testing.ReferenceHmac;
import io.github.pylonchat.testing.TestVector;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With multi-factor authentication, a login that passed the password but not the second factor
 * is not logged in for the chat: whoever has only the password must not get the user's
 * {@code email_hash}, a permanent key to their chat history. Over real HTTP, with a browser's
 * cookies.
 */
@SpringBootTest(classes = MultiFactorApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "pylon.chat.app-id=mfa-app",
    "pylon.chat.identity-secret=" + TestVector.SECRET_HEX,
    "pylon.chat.endpoint.enabled=true"})
class MultiFactorAuthenticationTest {
  @LocalServerPort
  int port;

  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  private HttpResponse<String> get(String path) throws Exception {
    return browser.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String form) throws Exception {
    return browser.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  @Test
  void passwordWithoutTheSecondFactorGetsNoHashAndBothFactorsDo() throws Exception {
    post("/login", "username=ada&password=ada-password");
    assertThat(get("/account").statusCode()).as("the application wants the second factor").isEqualTo(302);

    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<main>page</main>").doesNotContain("email_hash").doesNotContain("ada@example.com");
    assertThat(get("/pylon/chat-settings").statusCode()).isEqualTo(204);

    post("/ott/generate", "username=ada");
    post("/login/ott", "token=" + MultiFactorApplication.LAST_TOKEN.get());
    assertThat(get("/account").statusCode()).as("both factors passed").isEqualTo(200);

    HttpResponse<String> signed = get("/");
    assertThat(signed.body()).contains("\"email_hash\":\"" + ReferenceHmac.emailHash(TestVector.SECRET_HEX, "ada@example.com"));
    assertThat(signed.headers().allValues("Cache-Control")).containsExactly("private, no-store");
  }
}
