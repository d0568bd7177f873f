package io.github.pylonchat.thymeleaf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.pylonchat.ChatProfile;
import io.github.pylonchat.IdentitySecret;
import io.github.pylonchat.JwtSecret;
import io.github.pylonchat.PylonChatWidget;
import io.github.pylonchat.testing.HostileSample;
import io.github.pylonchat.testing.HtmlPage;
import io.github.pylonchat.testing.JsEngine;
import io.github.pylonchat.testing.TestVector;
import io.github.pylonchat.thymeleaf.testmodel.Member;
import io.github.pylonchat.thymeleaf.testmodel.Subscriber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Hostile user text in every field, rendered through {@code <pylon:chat/>} in both engines: the
 * page must be byte for byte what {@link PylonChatWidget} writes (not escaped again, not processed
 * as Thymeleaf syntax), a real HTML parser must find exactly the two widget scripts, and a real
 * JavaScript engine must read every field back identical (see {@link HostileSample}); in JWT mode,
 * with a token that verifies independently and signs what the page shows.
 *
 * <p>Each run draws 10,000 random samples from a new seed (after one sample per known hostile
 * piece); a failure names the seed, and {@code -Dhostile.seed=<seed>} replays the same samples.
 */
class PylonChatDialectPropertyTest {
  private static final String APP_ID = "8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f";
  private static final String JWT_SECRET = "thymeleaf-jwt-secret-Zq8vR2mX7tK4wB9nC3hF6";
  private static final long NOW = 1_764_201_600L;

  private final PylonChatWidget widget = PylonChatWidget.builder()
      .appId(APP_ID)
      .identitySecret(IdentitySecret.ofHex(TestVector.SECRET_HEX))
      .build();
  private final TemplateEngine thymeleaf = Engines.PLAIN.create(new PylonChatDialect(widget), TemplateMode.HTML);
  private final TemplateEngine spring = Engines.SPRING.create(new PylonChatDialect(widget), TemplateMode.HTML);
  /** JWT mode: tokens valid for 15 minutes from a fixed clock. */
  private final PylonChatWidget tokenWidget = PylonChatWidget.builder()
      .appId(APP_ID)
      .jwtSecret(JwtSecret.ofText(JWT_SECRET))
      .tokenLifetime(Duration.ofMinutes(15))
      .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC))
      .build();
  /** Rendered for a plain user: user text must never change the loader. */
  private final String loaderScript =
      HtmlPage.scripts(widget.render(ChatProfile.of("a@example.com", "A"), null)).get(1).code();
  @AutoClose
  private final JsEngine js = new JsEngine();

  @Test
  void everyKnownHostilePieceAloneInEveryFieldReadsBackIdentical() {
    HostileSample.knownPieces().forEach(this::check);
  }

  @Test
  void tenThousandRandomHostileSamplesNeverLeaveTheirJsonStringAndReadBackIdentical() {
    HostileSample.forRandomSamples(this::check);
  }

  @Test
  void inJwtModeEveryKnownHostilePieceInEveryFieldIsSignedAsShownAndReadsBackIdentical() {
    TemplateEngine thymeleaf = Engines.PLAIN.create(new PylonChatDialect(tokenWidget), TemplateMode.HTML);
    TemplateEngine spring = Engines.SPRING.create(new PylonChatDialect(tokenWidget), TemplateMode.HTML);
    for (HostileSample sample : HostileSample.knownPieces()) {
      Object user = sample.asAnnotatedModel()
          ? new Subscriber(sample.email(), sample.name(), sample.accountId(), sample.accountExternalId(),
              sample.contactExternalId())
          : new ChatProfile(sample.email(), sample.name(), null, sample.accountId(), sample.accountExternalId(),
              sample.contactExternalId());
      String html = render(tokenWidget, thymeleaf, spring, user, sample.nonce());
      sample.assertTokenWidget(html, APP_ID, loaderScript, js, JWT_SECRET, NOW, 900);
    }
  }

  private void check(HostileSample sample) {
    Object user = sample.asAnnotatedModel()
        ? new Member(sample.email(), sample.name(), null, sample.accountId(), sample.accountExternalId())
        : new ChatProfile(sample.email(), sample.name(), null, sample.accountId(), sample.accountExternalId());
    sample.assertWidget(render(widget, thymeleaf, spring, user, sample.nonce()), APP_ID, loaderScript, js);
  }

  /** {@code <pylon:chat/>} for {@code user}, asserting that both engines write exactly the widget's markup. */
  private static String render(PylonChatWidget widget, TemplateEngine thymeleaf, TemplateEngine spring, Object user,
      String nonce) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("currentUser", user);
    variables.put("cspNonce", nonce);

    String html = thymeleaf.process("<pylon:chat/>", new Context(Locale.ROOT, variables));

    assertEquals(widget.render(user, nonce), html, "exactly the widget's markup");
    assertEquals(html, spring.process("<pylon:chat/>", new Context(Locale.ROOT, variables)), "the same in SpringTemplateEngine");
    return html;
  }
}
