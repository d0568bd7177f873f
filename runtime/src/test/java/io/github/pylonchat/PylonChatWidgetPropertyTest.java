package io.github.pylonchat;

import io.github.pylonchat.testing.HostileText;
import io.github.pylonchat.testing.JsEngine;
import io.github.pylonchat.testing.HtmlPage;
import io.github.pylonchat.testing.ReferenceHmac;
import io.github.pylonchat.testing.TestVector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.testmodel.Member;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile user text in every field: a real HTML parser must find exactly the two widget scripts
 * and nothing else, a real JavaScript engine must read every field back identical, from the
 * script and from {@code settingsJson} through {@code JSON.parse}, and the {@code email_hash}
 * must sign exactly the email that was rendered.
 *
 * <p>Each run draws 10,000 random samples from a new seed (after one sample per known hostile
 * piece); a failure names the seed, and {@code -Dhostile.seed=<seed>} replays the same samples.
 */
class PylonChatWidgetPropertyTest {
  private static final String APP_ID = "8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f";
  private static final int RANDOM_SAMPLES = 10_000;

  private final PylonChatWidget widget = PylonChatWidget.builder()
      .appId(APP_ID)
      .identitySecret(IdentitySecret.ofHex(TestVector.SECRET_HEX))
      .build();
  /** Rendered for a plain user: user text must never change the loader. */
  private final String loaderScript =
      HtmlPage.scripts(widget.render(ChatProfile.of("a@example.com", "A"), null)).get(1).code();
  private JsEngine js;

  /** One widget input: every user-supplied field, the nonce, and how the user is passed. */
  private record Sample(String email, String name, String accountId, String accountExternalId, String nonce,
      boolean asAnnotatedModel) {
    @Override
    public String toString() {
      return "email=" + HostileText.show(email) + ", name=" + HostileText.show(name)
          + ", accountId=" + HostileText.show(accountId) + ", accountExternalId=" + HostileText.show(accountExternalId)
          + ", nonce=" + HostileText.show(nonce) + ", asAnnotatedModel=" + asAnnotatedModel;
    }
  }

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
    for (String piece : HostileText.PIECES) {
      String email = piece.isBlank() || HostileText.hasUnpairedSurrogate(piece) ? "a@" : piece;
      check(new Sample(email, piece, piece, piece, null, true));
      check(new Sample(email, piece, piece, piece, "n0nce", false));
    }
  }

  @Test
  void everyRandomHostileEmailWithAnUnpairedSurrogateIsRefusedAndNothingIsWritten() throws Exception {
    long seed = Long.getLong("hostile.seed", ThreadLocalRandom.current().nextLong());
    HostileText hostile = new HostileText(seed);
    int refused = 0;
    for (int i = 0; i < RANDOM_SAMPLES; i++) {
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
    assertTrue(refused > RANDOM_SAMPLES / 10, "enough samples with an unpaired surrogate: " + refused);
  }

  @Test
  void tenThousandRandomHostileSamplesNeverLeaveTheirJsonStringAndReadBackIdentical() {
    long seed = Long.getLong("hostile.seed", ThreadLocalRandom.current().nextLong());
    HostileText hostile = new HostileText(seed);
    for (int i = 0; i < RANDOM_SAMPLES; i++) {
      Sample sample = new Sample(hostile.email(), hostile.textOrNull(), hostile.textOrNull(), hostile.textOrNull(),
          hostile.nonceOrNull(), hostile.coin());
      try {
        check(sample);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("sample " + i + " of seed " + seed + " (replay with -Dhostile.seed=" + seed
            + "): " + sample + ": " + e.getMessage(), e);
      }
    }
  }

  private void check(Sample sample) {
    Object user = sample.asAnnotatedModel()
        ? new Member(sample.email(), sample.name(), null, sample.accountId(), sample.accountExternalId())
        : new ChatProfile(sample.email(), sample.name(), null, sample.accountId(), sample.accountExternalId());

    String html = widget.render(user, sample.nonce());

    // Printable ASCII survives any page encoding and any JavaScript engine, old or new.
    assertTrue(html.chars().allMatch(c -> c == '\n' || c >= 0x20 && c < 0x7f), "output is printable ASCII");
    List<HtmlPage.Script> scripts = HtmlPage.scripts(html);
    assertEquals(2, scripts.size(), "settings script and loader script");
    assertEquals(sample.nonce(), scripts.get(0).nonce());
    assertEquals(sample.nonce(), scripts.get(1).nonce());
    assertEquals(loaderScript, scripts.get(1).code());
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("app_id", APP_ID);
    expected.put("email", sample.email());
    putIfNotNull(expected, "name", sample.name());
    putIfNotNull(expected, "account_id", sample.accountId());
    putIfNotNull(expected, "account_external_id", sample.accountExternalId());
    expected.put("email_hash", ReferenceHmac.emailHash(sample.email()));
    assertEquals(expected, js.chatSettings(scripts.get(0).code()));

    // The same settings as JSON text: valid JSON (parsed by JSON.parse, not run), printable ASCII,
    // every field read back identical, and exactly the object the script sets.
    String json = widget.settingsJson(user).orElseThrow();
    assertTrue(json.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "JSON is printable ASCII");
    assertEquals(expected, js.jsonObject(json), "settingsJson");
    assertEquals("window.pylon={\"chat_settings\":" + json + "};", scripts.get(0).code());
  }

  private static void putIfNotNull(Map<String, String> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
