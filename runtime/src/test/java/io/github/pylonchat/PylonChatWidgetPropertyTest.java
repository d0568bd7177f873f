package io.github.pylonchat;

import io.github.pylonchat.testing.HostileSample;
import io.github.pylonchat.testing.HtmlPage;
import io.github.pylonchat.testing.JsEngine;
import io.github.pylonchat.testing.TestVector;
import io.github.pylonchat.testmodel.Member;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile user text in every field: a real HTML parser must find exactly the two widget scripts
 * and nothing else, a real JavaScript engine must read every field back identical, and the
 * {@code email_hash} must sign exactly the email that was rendered (see {@link HostileSample}).
 *
 * <p>Each run draws 10,000 random samples from a new seed (after one sample per known hostile
 * piece); a failure names the seed, and {@code -Dhostile.seed=<seed>} replays the same samples.
 */
class PylonChatWidgetPropertyTest {
  private static final String APP_ID = "8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f";

  private final PylonChatWidget widget = PylonChatWidget.builder()
      .appId(APP_ID)
      .identitySecret(IdentitySecret.ofHex(TestVector.SECRET_HEX))
      .build();
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

    sample.assertWidget(widget.render(user, sample.nonce()), APP_ID, loaderScript, js);
  }
}
