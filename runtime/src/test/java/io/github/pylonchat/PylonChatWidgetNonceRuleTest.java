package io.github.pylonchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The nonce check accepts exactly what its message promises (base64 or base64url characters, then
 * at most two {@code =}), at the edges of each character range and of the padding.
 */
class PylonChatWidgetNonceRuleTest {
  private final PylonChatWidget widget = PylonChatWidget.builder()
      .appId("app-1").withoutIdentityVerification().build();
  private final ChatProfile user = ChatProfile.of("a@example.com", null);

  @ParameterizedTest
  @ValueSource(strings = {"a", "a=", "a==", "AZaz09+/-_", "Zz9==", "/", "+", "-", "_"})
  void base64AndBase64UrlNoncesWithUpToTwoPaddingCharactersAreWrittenOnBothScripts(String nonce) {
    String html = widget.render(user, nonce);

    assertEquals(2, html.split(Pattern.quote(" nonce=\"" + nonce + "\""), -1).length - 1, html);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a===", "=", "==", "a=b", "a==b", "@", "[", "`", "{", ":", ",", ".", "a b",
      "a\u0000", "\u00e9", "a\uff21", "abc\n"})
  void anyOtherNonceIsRejected(String nonce) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> widget.render(user, nonce));

    assertTrue(e.getMessage().startsWith("the CSP nonce must be base64 or base64url"), e.getMessage());
  }
}
