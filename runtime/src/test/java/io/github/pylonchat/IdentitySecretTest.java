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

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
    "\uff10", // fullwidth zero, FF10..FF19 and FF21..FF26 are fullwidth 0-9 and A-F
    "\uff21", // fullwidth A
    "\uff46", // fullwidth f
    "\u0660", // Arabic-Indic zero
    "\u06f9", // extended Arabic-Indic nine
    "\u0966", // Devanagari zero
    "\u09e7", // Bengali one
  })
  void onlyAsciiHexDigitsAreHexDigits(String digit) {
    // Character.digit(c, 16) takes these as digits: the secret would have been decoded to bytes
    // nobody copied from Pylon.
    String secret = SECRET.substring(0, 10) + digit + SECRET.substring(11);
    ChatConfigurationException e = assertThrows(ChatConfigurationException.class, () -> IdentitySecret.ofHex(secret));
    assertEquals("identity secret is not a hex string: the character at position 11 is not 0-9 or a-f. Use the"
        + " secret exactly as Pylon shows it, without quotes, a 0x prefix or spaces inside", e.getMessage());
    assertNoSecretIn(e.getMessage(), secret);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 16, 30})
  void aSecretOfFewerThanSixteenBytesIsTooShortToBePylons(int hexDigits) {
    String shortSecret = SECRET.substring(0, hexDigits);
    ChatConfigurationException e = assertThrows(ChatConfigurationException.class, () -> IdentitySecret.ofHex(shortSecret));
    assertEquals("identity secret", e.setting());
    assertEquals("has only " + hexDigits + " hex digits, too few for Pylon's identity secret (at least 32, that is"
        + " 16 bytes)", e.problem());
    assertEquals("The secret was probably cut off, or it is another value; copy the whole identity secret from"
        + " Pylon's in-app chat settings", e.fix());
    assertNoSecretIn(e.getMessage(), shortSecret);
  }

  @Test
  void sixteenBytesAreEnoughAndBothCasesAreTheSameDigits() {
    String sixteenBytes = "0123456789abcdef0123456789ABCDEF";
    assertEquals(IdentitySecret.ofHex(sixteenBytes.toLowerCase()).hasher().hash("user@example.com"),
        IdentitySecret.ofHex(sixteenBytes).hasher().hash("user@example.com"));
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
