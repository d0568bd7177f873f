package io.github.pylonchat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.pylonchat.testusers.Member;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Hostile user text in every field: a real HTML parser must find exactly the two widget scripts
 * and nothing else, a real JavaScript engine must read every field back identical, and the
 * {@code email_hash} must sign exactly the email that was rendered.
 */
class PylonChatWidgetPropertyTest {
  private static final String APP_ID = "8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f";

  /** Text known to break out of scripts, strings or comments, or to trip up encoders. */
  private static final String[] HOSTILE_PIECES = {
    "</script>", "</SCRIPT >", "</script\t", "<script>", "<script", "<!--", "-->", "<!--<script>", "]]>",
    "<![CDATA[", "\"", "'", "`", "\\", "\\\"", "\\u2028", "\u2028", "\u2029", "\u0085", "\ufeff",
    "\ud800", "\udbff", "\udc00", "\udfff", "😀", "👩\u200d👩\u200d👧", "\u0000", "\u0008", "\u001b",
    "\u001f", "\u007f", "\r\n", "\n", "\t", "&", "&amp;", "&lt;/script&gt;", "<", ">", "/", "*/", "//",
    "${x}", "\"};alert(1);//", "'};alert(1);//", "</scr", "ipt>", "@", "é", "ß", "Ω", "中文", "\u202e"
  };

  private final PylonChatWidget widget = PylonChatWidget.builder()
      .appId(APP_ID)
      .identitySecret(IdentitySecret.ofHex(ReferenceHmac.SECRET_HEX))
      .build();
  /** Rendered for a plain user: user text must never change the loader. */
  private final String loaderScript = HtmlPage.scripts(widget.render(ChatProfile.of("a@example.com", "A"), null)).get(1).code();
  private JsEngine js;

  @BeforeProperty
  void startJavaScript() {
    js = new JsEngine();
  }

  @AfterProperty
  void stopJavaScript() {
    js.close();
  }

  @Property(tries = 10_000, generation = GenerationMode.RANDOMIZED)
  void hostileTextNeverLeavesItsJsonStringAndReadsBackIdentical(
      @ForAll("hostileEmails") String email,
      @ForAll("hostileTextOrNull") String name,
      @ForAll("hostileTextOrNull") String accountId,
      @ForAll("hostileTextOrNull") String accountExternalId,
      @ForAll("nonces") String nonce,
      @ForAll boolean asAnnotatedModel) {
    Object user = asAnnotatedModel
        ? new Member(email, name, null, accountId, accountExternalId)
        : new ChatProfile(email, name, null, accountId, accountExternalId);

    String html = widget.render(user, nonce);

    List<HtmlPage.Script> scripts = HtmlPage.scripts(html);
    assertEquals(2, scripts.size(), "settings script and loader script");
    String expectedNonce = nonce == null || nonce.isEmpty() ? null : nonce;
    assertEquals(expectedNonce, scripts.get(0).nonce());
    assertEquals(expectedNonce, scripts.get(1).nonce());
    assertEquals(loaderScript, scripts.get(1).code());
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("app_id", APP_ID);
    expected.put("email", email);
    putIfNotNull(expected, "name", name);
    putIfNotNull(expected, "account_id", accountId);
    putIfNotNull(expected, "account_external_id", accountExternalId);
    expected.put("email_hash", ReferenceHmac.emailHash(email));
    assertEquals(expected, js.chatSettings(scripts.get(0).code()));
  }

  private static void putIfNotNull(Map<String, String> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  @Provide
  Arbitrary<String> hostileTextOrNull() {
    return hostileText().injectNull(0.05);
  }

  @Provide
  Arbitrary<String> hostileEmails() {
    // A blank email is refused by ChatProfile (tested elsewhere); keep the rest of the text.
    return hostileText().map(text -> text.isBlank() ? text + "@" : text);
  }

  @Provide
  Arbitrary<String> nonces() {
    Arbitrary<String> base64 = Arbitraries.strings()
        .withCharRange('a', 'z').withCharRange('A', 'Z').numeric().withChars('+', '/', '-', '_')
        .ofMinLength(1).ofMaxLength(44);
    Arbitrary<String> padding = Arbitraries.of("", "=", "==");
    return Combinators.combine(base64, padding).as(String::concat).injectNull(0.2);
  }

  private static Arbitrary<String> hostileText() {
    Arbitrary<String> piece = Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.of(HOSTILE_PIECES)),
        Tuple.of(2, Arbitraries.chars().all().map(String::valueOf)), // any UTF-16 unit, lone surrogates too
        Tuple.of(1, Arbitraries.chars().range('\u0000', '\u001f').map(String::valueOf)),
        Tuple.of(2, Arbitraries.strings().alpha().numeric().ofMaxLength(6)));
    Arbitrary<String> text = piece.list().ofMaxSize(30).map(pieces -> String.join("", pieces));
    Arbitrary<String> veryLong = Combinators.combine(
            text.filter(t -> !t.isEmpty()), Arbitraries.integers().between(8_000, 40_000))
        .as((t, length) -> t.repeat(length / t.length() + 1))
        .withoutEdgeCases(); // edge cases are mixed in often; keep long text at its 0.5 %
    return Arbitraries.frequencyOf(Tuple.of(199, text), Tuple.of(1, veryLong));
  }
}
