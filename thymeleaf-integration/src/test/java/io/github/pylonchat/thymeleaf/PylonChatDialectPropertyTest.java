package io.github.pylonchat.thymeleaf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.pylonchat.ChatProfile;
import io.github.pylonchat.IdentitySecret;
import io.github.pylonchat.PylonChatWidget;
import io.github.pylonchat.testing.HostileSample;
import io.github.pylonchat.testing.HtmlPage;
import io.github.pylonchat.testing.JsEngine;
import io.github.pylonchat.testing.TestVector;
import io.github.pylonchat.thymeleaf.testmodel.Member;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Hostile user text in every field, rendered through {@code <pylon:chat/>} in both engines: the
 * page must be byte for byte what {@link PylonChatWidget} writes (not escaped again, not processed
 * as Thymeleaf syntax), a real HTML parser must find exactly the two widget scripts, and a real
 * JavaScript engine must read every field back identical (see {@link HostileSample}).
 *
 * <p>Each run draws 10,000 random samples from a new seed (after one sample per known hostile
 * piece); a failure names the seed, and {@code -Dhostile.seed=<seed>} replays the same samples.
 */
class PylonChatDialectPropertyTest {
  private static final String APP_ID = "8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f";

  private final PylonChatWidget widget = PylonChatWidget.builder()
      .appId(APP_ID)
      .identitySecret(IdentitySecret.ofHex(TestVector.SECRET_HEX))
      .build();
  private final TemplateEngine thymeleaf = Engines.PLAIN.create(new PylonChatDialect(widget), TemplateMode.HTML);
  private final TemplateEngine spring = Engines.SPRING.create(new PylonChatDialect(widget), TemplateMode.HTML);
  /** Rendered for a plain user: user text must never change the loader. */
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
  void everyKnownHostilePieceAloneInEveryFieldReadsBackIdentical() {
    HostileSample.knownPieces().forEach(this::check);
  }

  @Test
  void tenThousandRandomHostileSamplesNeverLeaveTheirJsonStringAndReadBackIdentical() {
    HostileSample.forRandomSamples(this::check);
  }

  private void check(HostileSample sample) {
    Object user = sample.asAnnotatedModel()
        ? new Member(sample.email(), sample.name(), null, sample.accountId(), sample.accountExternalId())
        : new ChatProfile(sample.email(), sample.name(), null, sample.accountId(), sample.accountExternalId());
    Map<String, Object> variables = new HashMap<>();
    variables.put("currentUser", user);
    variables.put("cspNonce", sample.nonce());

    String html = thymeleaf.process("<pylon:chat/>", new Context(Locale.ROOT, variables));

    assertEquals(widget.render(user, sample.nonce()), html, "exactly the widget's markup");
    assertEquals(html, spring.process("<pylon:chat/>", new Context(Locale.ROOT, variables)), "the same in SpringTemplateEngine");
    sample.assertWidget(html, APP_ID, loaderScript, js);
  }
}
