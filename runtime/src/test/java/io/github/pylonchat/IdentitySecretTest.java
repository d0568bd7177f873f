package io.github.pylonchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentitySecretTest {
  private static final String SECRET = "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0";
  private static final String HASH_OF_USER = IdentitySecret.ofHex(SECRET).hasher().hash("user@example.com");

  @Test
  void surroundingWhitespaceSuchAsATrailingNewlineIsIgnored() {
    assertEquals(HASH_OF_USER, IdentitySecret.ofHex("  " + SECRET + "\r\n").hasher().hash("user@example.com"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
    "", "   ", "\n",
    SECRET + "a",                                       // odd length (cut off or extra character)
    "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1ag", // one non-hex character
    "0x9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0",
    "\"9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0\"",
    "9f8e7d6c5b4a3928 1706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0",
    "9f8e7d6c5b4a39281706f5e4d3c2b1a0-9f8e7d6c5b4a39281706f5e4d3c2b1a0",
    "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA==", // base64, not hex
    "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a\u00e9"
  })
  void everyBadSecretFormIsRejectedWithoutEchoingIt(String bad) {
    ChatConfigurationException e = assertThrows(ChatConfigurationException.class, () -> IdentitySecret.ofHex(bad));
    assertEquals("identity secret", e.setting());
    assertTrue(e.getMessage().startsWith("identity secret "), e.getMessage());
    assertFalse(e.fix().isBlank());
    assertNoSecretIn(e.getMessage(), bad);
    assertNoSecretIn(String.valueOf(e), bad);
  }

  @Test
  void messagesSayWhatIsWrong() {
    assertTrue(message("").contains("is empty"));
    assertTrue(message(SECRET.substring(1)).contains("odd number of hex digits (63)"));
    assertTrue(message("zz" + SECRET.substring(2)).contains("position 1 is not 0-9 or a-f"));
    assertTrue(message(null).contains("is not set"));
  }

  @Test
  void toStringIsRedacted() {
    IdentitySecret secret = IdentitySecret.ofHex(SECRET);
    assertEquals("IdentitySecret[redacted]", secret.toString());
    assertNoSecretIn(secret.toString(), SECRET);
    assertNoSecretIn(secret.hasher().toString(), SECRET);
  }

  private static String message(String secret) {
    return assertThrows(ChatConfigurationException.class, () -> IdentitySecret.ofHex(secret)).getMessage();
  }

  /** No run of 6 or more characters of the secret appears in the text. */
  static void assertNoSecretIn(String text, String secret) {
    String s = secret.strip();
    for (int i = 0; i + 6 <= s.length(); i++) {
      String window = s.substring(i, i + 6);
      assertFalse(text.contains(window), () -> "secret characters '" + window.length() + " chars' leaked into: " + text);
    }
  }
}
