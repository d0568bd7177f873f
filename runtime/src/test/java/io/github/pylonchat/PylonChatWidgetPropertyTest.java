package io.github.pylonchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.testing.HostileSample;
import io.github.pylonchat.testing.HostileText;
import io.github.pylonchat.testing.HtmlPage;
import io.github.pylonchat.testing.JsEngine;
import io.github.pylonchat.testing.TestVector;
import io.github.pylonchat.testmodel.Member;
import io.github.pylonchat.testmodel.Subscriber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Hostile user text in every field: a real HTML parser must find exactly the two widget scripts
 * and nothing else, a real JavaScript engine must read every field back identical, from the
 * script and from {@code settingsJson} through {@code JSON.parse}, and the {@code email_hash}
 * must sign exactly the email that was rendered (see {@link HostileSample}); in JWT mode, the
 * token must verify and sign exactly the identity that was rendered.
 *
 * <p>Each run draws 10,000 random samples from a new seed (after one sample per known hostile
 * piece); a failure names the seed, and {@code -Dhostile.seed=<seed>} replays the same samples.
 */
class PylonChatWidgetPropertyTest {
  private static final String APP_ID = "8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f";

  private static final long NOW = 1_764_201_600L;

  private final PylonChatWidget widget = PylonChatWidget.builder()
      .appId(APP_ID)
      .identitySecret(IdentitySecret.ofHex(TestVector.SECRET_HEX))
      .build();
  /** JWT mode: a token valid for 5 minutes from a fixed clock. */
  private final PylonChatWidget tokenWidget = PylonChatWidget.builder()
      .appId(APP_ID)
      .jwtSecret(JwtSecret.ofText(JwtSecretTest.SECRET))
      .tokenLifetime(Duration.ofMinutes(5))
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
  void inJwtModeEveryKnownHostilePieceAloneInEveryFieldReadsBackIdenticalAndIsSignedAsShown() {
    HostileSample.knownPieces().forEach(this::checkToken);
  }

  @Test
  void inJwtModeTenThousandRandomHostileSamplesReadBackIdenticalAndAreSignedAsShown() {
    HostileSample.forRandomSamples(this::checkToken);
  }

  @Test
  void everyRandomHostileEmailWithAnUnpairedSurrogateIsRefusedAndNothingIsWritten() {
    long seed = Long.getLong("hostile.seed", ThreadLocalRandom.current().nextLong());
    HostileText hostile = new HostileText(seed);
    int refused = 0;
    for (int i = 0; i < HostileSample.RANDOM_SAMPLES; i++) {
      String email = hostile.text() + "@";
      if (!HostileText.hasUnpairedSurrogate(email)) {
        continue;
      }
      StringBuilder out = new StringBuilder();
      String replay = "sample " + i + " of seed " + seed + " (replay with -Dhostile.seed=" + seed + "): "
          + HostileText.show(email);
      assertThrows(IllegalArgumentException.class,
          () -> widget.render(new Member(email, "A", null, null, null), null, out), replay);
      assertEquals("", out.toString(), replay);
      refused++;
    }
    assertTrue(refused > HostileSample.RANDOM_SAMPLES / 10, "enough samples with an unpaired surrogate: " + refused);
  }

  /**
   * JWT mode: the settings besides the token read back identical, the token verifies with the
   * secret's text and signs exactly the shown identity (the contact external id only there), from the
   * script and from {@code settingsJson}.
   */
  private void checkToken(HostileSample sample) {
    Object user = sample.asAnnotatedModel()
        ? new Subscriber(sample.email(), sample.name(), null, sample.accountId(), sample.accountExternalId(),
            sample.contactExternalId())
        : new ChatProfile(sample.email(), sample.name(), null, sample.accountId(), sample.accountExternalId(),
            sample.contactExternalId());

    String html = tokenWidget.render(user, sample.nonce());
    sample.assertTokenWidget(html, APP_ID, loaderScript, js, JwtSecretTest.SECRET, NOW, 300);

    String json = tokenWidget.settingsJson(user).orElseThrow();
    assertTrue(json.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "JSON is printable ASCII");
    sample.assertTokenSettings(js.jsonObject(json), APP_ID, JwtSecretTest.SECRET, NOW, 300);
    assertEquals("window.pylon={\"chat_settings\":" + json + "};", HtmlPage.scripts(html).get(0).code());
  }

  private void check(HostileSample sample) {
    Object user = sample.asAnnotatedModel()
        ? new Member(sample.email(), sample.name(), null, sample.accountId(), sample.accountExternalId())
        : new ChatProfile(sample.email(), sample.name(), null, sample.accountId(), sample.accountExternalId());

    String html = widget.render(user, sample.nonce());
    sample.assertWidget(html, APP_ID, loaderScript, js);

    // The same settings as JSON text: valid JSON (parsed by JSON.parse, not run), printable ASCII,
    // every field read back identical, and exactly the object the script sets.
    String json = widget.settingsJson(user).orElseThrow();
    assertTrue(json.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "JSON is printable ASCII");
    assertEquals(sample.expectedSettings(APP_ID), js.jsonObject(json), "settingsJson");
    assertEquals("window.pylon={\"chat_settings\":" + json + "};", HtmlPage.scripts(html).get(0).code());
  }
}
