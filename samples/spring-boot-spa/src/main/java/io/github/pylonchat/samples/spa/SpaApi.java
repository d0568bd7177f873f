package io.github.pylonchat.samples.spa;

import io.github.pylonchat.samples.demosite.ContentSecurityPolicy;
import io.github.pylonchat.samples.demosite.DemoUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * The single page and the JSON the front end reads. Note what is missing: nothing here is about the
 * chat; the starter's endpoint answers {@code /pylon/chat-settings} for the signed-in principal.
 */
@RestController
class SpaApi {
  /** The page, with a placeholder for the response's CSP nonce on its two script elements. */
  private static final String PAGE = resource("/spa/index.html");

  /** Who is signed in (null: nobody), and the CSRF token that the login and logout posts carry. */
  record Session(SignedIn user, Csrf csrf) {}

  record SignedIn(String username, String displayName, String email) {}

  record Csrf(String header, String token) {}

  /** The single page: its scripts carry this response's nonce (a base64 value, safe in HTML as is). */
  @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
  String page(@RequestAttribute(ContentSecurityPolicy.NONCE_ATTRIBUTE) String nonce) {
    return PAGE.replace("{{cspNonce}}", nonce);
  }

  @GetMapping("/api/session")
  Session session(@AuthenticationPrincipal DemoUser user, CsrfToken csrf) {
    return new Session(user == null ? null : new SignedIn(user.username(), user.displayName(), user.email()),
        new Csrf(csrf.getHeaderName(), csrf.getToken()));
  }

  private static String resource(String name) {
    try (InputStream in = SpaApi.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
