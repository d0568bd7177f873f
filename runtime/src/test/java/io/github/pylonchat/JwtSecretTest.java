package io.github.pylonchat;

import static io.github.pylonchat.IdentitySecretTest.assertNoSecretIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.testing.ReferenceJwt;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JwtSecretTest {
  /** A made-up JWT secret: its text, 40 ASCII characters, is the key. */
  static final String SECRET = "pylon-jwt-Zq8vR2mX7tK4wB9nC3hF6jL1sD5gY0";
  private static final ChatProfile ADA = ChatProfile.of("ada@example.com", "Ada");

  @Test
  void theKeyIsTheUtf8BytesOfTheTextWithoutItsSurroundingWhitespace() {
    String token = JwtSecret.ofText(" " + SECRET + "\r\n").signer("app").sign(ADA);
    assertTrue(ReferenceJwt.verifies(token, SECRET.getBytes(StandardCharsets.UTF_8)));

    String unicode = "sécret-Ωmega-中文-😀-" + SECRET;
    assertTrue(ReferenceJwt.verifies(JwtSecret.ofText(unicode).signer("app").sign(ADA),
        unicode.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aHexLookingSecretIsStillUsedAsItsText() {
    String hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    String token = JwtSecret.ofText(hex).signer("app").sign(ADA);
    assertTrue(ReferenceJwt.verifies(token, hex.getBytes(StandardCharsets.US_ASCII)));
    assertFalse(ReferenceJwt.verifies(token, java.util.HexFormat.of().parseHex(hex)));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
    "", "   ", "\n",
    "pylon-jwt-Zq8vR2mX7tK4wB9nC3hF6", // 31 bytes
    "pylon-jwt-Zq8vR2mX7tK4wB9nC3hF6jL1sD5gY0\npylon-jwt-Zq8vR2mX7tK4wB9nC3hF6jL1sD5gY0", // two lines
    "pylon-jwt-Zq8vR2mX7tK4wB9nC3hF6jL1sD5gY0\u0000",
    "pylon-jwt-Zq8vR2mX7tK4wB9nC3hF6jL1sD5gY0\ud800",
  })
  void everyBadSecretFormIsRejectedWithoutEchoingIt(String bad) {
    ChatConfigurationException e = assertThrows(ChatConfigurationException.class, () -> JwtSecret.ofText(bad));
    assertEquals("JWT secret", e.setting());
    assertFalse(e.fix().isBlank());
    assertNoSecretIn(e.getMessage(), bad);
    assertNoSecretIn(String.valueOf(e), bad);
  }

  @Test
  void messagesSayWhatIsWrong() {
    assertEquals("JWT secret is not set. Copy the JWT secret from Pylon's in-app chat settings (Identity Verification"
        + " Secret, the \"JWT (signed token)\" option)", message(null));
    assertTrue(message(" ").startsWith("JWT secret is empty."));
    assertEquals("has only 31 bytes, too few for an HS256 key (RFC 7518 requires at least 32, that is 256 bits)",
        assertThrows(ChatConfigurationException.class, () -> JwtSecret.ofText(SECRET.substring(0, 31))).problem());
    assertTrue(message(SECRET + "\n" + SECRET).contains("has a control character (such as a line break) at position 41"));
    assertTrue(message(SECRET + "\udc00").contains("unpaired surrogate"));
  }

  @Test
  void thirtyTwoBytesAreEnoughAndCountInUtf8() {
    JwtSecret.ofText(SECRET.substring(0, 32));
    JwtSecret.ofText("😀".repeat(8)); // 8 x 4 bytes
    assertThrows(ChatConfigurationException.class, () -> JwtSecret.ofText("é".repeat(15))); // 30 bytes
  }

  @Test
  void toStringIsRedacted() {
    JwtSecret secret = JwtSecret.ofText(SECRET);
    assertEquals("JwtSecret[redacted]", secret.toString());
    assertNoSecretIn(secret.signer("app").toString(), SECRET);
  }

  private static String message(String secret) {
    return assertThrows(ChatConfigurationException.class, () -> JwtSecret.ofText(secret)).getMessage();
  }
}
