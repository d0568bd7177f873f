package io.github.pylonchat.thymeleaf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.pylonchat.ChatProfile;
import io.github.pylonchat.JwtSecret;
import io.github.pylonchat.PylonChatWidget;
import io.github.pylonchat.testing.HostileSample;
import io.github.pylonchat.testing.HtmlPage;
import io.github.pylonchat.testing.JsEngine;
import io.github.pylonchat.thymeleaf.testmodel.Subscriber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code <pylon:chat/>} with a widget in JWT mode, in both engines: exactly the widget's markup,
 * read back through a real HTML parser and JavaScript engine, with a token that verifies
 * independently and signs what the page shows, the contact external id of the processed model
 * included.
 */
class PylonChatDialectTokenTest {
  private static final String APP_ID = "8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f";
  private static final String SECRET = "thymeleaf-jwt-secret-Zq8vR2mX7tK4wB9nC3hF6";
  private static final long NOW = 1_764_201_600L;

  private final PylonChatWidget widget = PylonChatWidget.builder()
      .appId(APP_ID)
      .jwtSecret(JwtSecret.ofText(SECRET))
      .tokenLifetime(Duration.ofMinutes(15))
      .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC))
      .build();
  private final TemplateEngine thymeleaf = Engines.PLAIN.create(new PylonChatDialect(widget), TemplateMode.HTML);
  private final TemplateEngine spring = Engines.SPRING.create(new PylonChatDialect(widget), TemplateMode.HTML);
  private final String loaderScript =
      HtmlPage.scripts(widget.render(ChatProfile.of("a@example.com", "A"), null)).get(1).code();
  private JsEngine js;

  @BeforeEach
  void startJavaScript() {
    js = new JsEngine();
  }

  @AfterEach
  void stopJavaScript() {
    js.close();
  }

  @Test
  void everyKnownHostilePieceInEveryFieldIsSignedAsShownAndReadsBackIdentical() {
    for (HostileSample sample : HostileSample.knownPieces()) {
      Object user = sample.asAnnotatedModel()
          ? new Subscriber(sample.email(), sample.name(), sample.accountId(), sample.accountExternalId(),
              sample.contactExternalId())
          : new ChatProfile(sample.email(), sample.name(), null, sample.accountId(), sample.accountExternalId(),
              sample.contactExternalId());
      Map<String, Object> variables = new HashMap<>();
      variables.put("currentUser", user);
      variables.put("cspNonce", sample.nonce());

      String html = thymeleaf.process("<pylon:chat/>", new Context(Locale.ROOT, variables));

      assertEquals(widget.render(user, sample.nonce()), html, "exactly the widget's markup");
      assertEquals(html, spring.process("<pylon:chat/>", new Context(Locale.ROOT, variables)), "the same in SpringTemplateEngine");
      sample.assertTokenWidget(html, APP_ID, loaderScript, js, SECRET, NOW, 900);
    }
  }
}
