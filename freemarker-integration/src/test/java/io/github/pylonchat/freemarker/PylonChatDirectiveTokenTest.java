package io.github.pylonchat.freemarker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import freemarker.cache.StringTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateExceptionHandler;
import io.github.pylonchat.ChatProfile;
import io.github.pylonchat.JwtSecret;
import io.github.pylonchat.PylonChatWidget;
import io.github.pylonchat.freemarker.testmodel.Subscriber;
import io.github.pylonchat.testing.HostileSample;
import io.github.pylonchat.testing.HtmlPage;
import io.github.pylonchat.testing.JsEngine;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code <@pylonChat/>} with a widget in JWT mode: exactly the widget's markup, read back through a
 * real HTML parser and JavaScript engine, with a token that verifies independently and signs what
 * the page shows, the contact external id of the processed model included.
 */
class PylonChatDirectiveTokenTest {
  private static final String APP_ID = "8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f";
  private static final String SECRET = "freemarker-jwt-secret-Zq8vR2mX7tK4wB9nC3hF6";
  private static final long NOW = 1_764_201_600L;

  private final PylonChatWidget widget = PylonChatWidget.builder()
      .appId(APP_ID)
      .jwtSecret(JwtSecret.ofText(SECRET))
      .tokenLifetime(Duration.ofMinutes(3))
      .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC))
      .build();
  private final Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
  private final String loaderScript =
      HtmlPage.scripts(widget.render(ChatProfile.of("a@example.com", "A"), null)).get(1).code();
  @AutoClose
  private final JsEngine js = new JsEngine();

  @BeforeEach
  void setUp() {
    cfg.setTemplateLoader(new StringTemplateLoader());
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    PylonChatDirective.install(cfg, widget);
    ((StringTemplateLoader) cfg.getTemplateLoader()).putTemplate("page.ftlh", "<@pylonChat/>");
  }

  @Test
  void everyKnownHostilePieceInEveryFieldIsSignedAsShownAndReadsBackIdentical() throws Exception {
    for (HostileSample sample : HostileSample.knownPieces()) {
      Object user = sample.asAnnotatedModel()
          ? new Subscriber(sample.email(), sample.name(), sample.accountExternalId(), sample.contactExternalId())
          : new ChatProfile(sample.email(), sample.name(), null, sample.accountId(), sample.accountExternalId(),
              sample.contactExternalId());
      HostileSample shown = sample.asAnnotatedModel() // the model has no account id
          ? new HostileSample(sample.email(), sample.name(), null, sample.accountExternalId(), sample.contactExternalId(),
              sample.nonce(), true)
          : sample;
      Map<String, Object> model = new HashMap<>();
      model.put("currentUser", user);
      model.put("cspNonce", sample.nonce());
      StringWriter out = new StringWriter();
      cfg.getTemplate("page.ftlh").process(model, out);

      assertEquals(widget.render(user, sample.nonce()), out.toString(), "exactly the widget's markup");
      shown.assertTokenWidget(out.toString(), APP_ID, loaderScript, js, SECRET, NOW, 180);
    }
  }
}
