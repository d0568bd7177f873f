package io.github.pylonchat.samples.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.samples.browsertest.AbstractBrowserEndToEndTest;
import io.github.pylonchat.samples.demosite.DemoUsers.Account;
import io.github.pylonchat.testing.ReferenceJwt;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.test.context.TestPropertySource;

/**
 * The FreeMarker sample in headless Chromium with {@code pylon.chat.identity-verification=jwt}: the
 * same checks as {@link BrowserEndToEndTest}, except that the live page's {@code chat_settings}
 * carry a token that verifies independently with the secret's text and signs the shown identity,
 * the user name as {@code contact_external_id}, and no {@code email_hash}.
 */
@TestPropertySource(properties = {"pylon.chat.identity-verification=jwt", "pylon.chat.jwt.lifetime=5m"})
class JwtBrowserEndToEndTest extends AbstractBrowserEndToEndTest {
  @Override
  protected void assertVerifiedChatSettings(Account account, Map<?, ?> settings) {
    Map<Object, Object> shown = new HashMap<>(settings);
    String jwt = (String) shown.remove("jwt");
    assertEquals(Map.of("app_id", APP_ID, "email", account.email(), "name", account.displayName()), shown,
        "no email_hash, no contact_external_id beside the token");

    Map<String, Object> claims = ReferenceJwt.verifiedClaims(jwt, SECRET);
    long iat = (Long) claims.get("iat");
    assertEquals(Map.of("aud", APP_ID, "email", account.email(), "name", account.displayName(),
        "contact_external_id", account.username(), "iat", iat, "exp", iat + 300), claims);
    long now = Instant.now().getEpochSecond();
    assertTrue(iat <= now && iat > now - 60, "signed for this page view: iat " + iat + ", now " + now);
  }
}
