package io.github.pylonchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentitySecretTest {
  private static final String SECRET = "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0";
  private static final String HASH_OF_USER = IdentitySecret.ofHex(SECRET).hasher().hash("user@example.com");

  @TempDir Path dir;

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
    ChatConfigurationException e = assertThrows(ChatConfigurationException.class,
        () -> IdentitySecret.ofHex(bad, "PYLON_IDENTITY_SECRET"));
    assertEquals("PYLON_IDENTITY_SECRET", e.setting());
    assertTrue(e.getMessage().startsWith("PYLON_IDENTITY_SECRET "), e.getMessage());
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

  @Test
  void readsTheSecretFromTheEnvironmentVariable() {
    Optional<IdentitySecret> secret = IdentitySecret.fromEnvironment(Map.of("PYLON_IDENTITY_SECRET", SECRET));
    assertEquals(HASH_OF_USER, secret.orElseThrow().hasher().hash("user@example.com"));
  }

  @Test
  void readsTheSecretFromTheFileNamedByTheFileVariable() throws Exception {
    Path file = Files.writeString(dir.resolve("pylon-secret"), SECRET + "\n");
    Optional<IdentitySecret> secret =
        IdentitySecret.fromEnvironment(Map.of("PYLON_IDENTITY_SECRET_FILE", file.toString()));
    assertEquals(HASH_OF_USER, secret.orElseThrow().hasher().hash("user@example.com"));
  }

  @Test
  void noVariableMeansNoSecret() {
    assertTrue(IdentitySecret.fromEnvironment(Map.of()).isEmpty());
    assertTrue(IdentitySecret.fromEnvironment(Map.of("PYLON_IDENTITY_SECRET", " ")).isEmpty());
  }

  @Test
  void bothVariablesSetIsAClearError() throws Exception {
    Path file = Files.writeString(dir.resolve("pylon-secret"), SECRET);
    ChatConfigurationException e = assertThrows(ChatConfigurationException.class,
        () -> IdentitySecret.fromEnvironment(
            Map.of("PYLON_IDENTITY_SECRET", SECRET, "PYLON_IDENTITY_SECRET_FILE", file.toString())));
    assertEquals("PYLON_IDENTITY_SECRET and PYLON_IDENTITY_SECRET_FILE are both set. "
        + "Set only one of them, so it is clear which secret is used", e.getMessage());
    assertNoSecretIn(e.getMessage(), SECRET);
  }

  @Test
  void unreadableSecretFileNamesTheFileAndTheVariable() {
    Path missing = dir.resolve("missing-secret");
    ChatConfigurationException e = assertThrows(ChatConfigurationException.class,
        () -> IdentitySecret.fromEnvironment(Map.of("PYLON_IDENTITY_SECRET_FILE", missing.toString())));
    assertEquals("PYLON_IDENTITY_SECRET_FILE", e.setting());
    assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("cannot be read"), e.getMessage());
  }

  @Test
  void badSecretInAFileIsRejectedWithoutEchoingIt() throws Exception {
    String bad = SECRET.substring(3);
    Path file = Files.writeString(dir.resolve("pylon-secret"), bad);
    ChatConfigurationException e = assertThrows(ChatConfigurationException.class,
        () -> IdentitySecret.fromEnvironment(Map.of("PYLON_IDENTITY_SECRET_FILE", file.toString())));
    assertTrue(e.getMessage().startsWith("PYLON_IDENTITY_SECRET_FILE (file " + file + ") has an odd number"),
        e.getMessage());
    assertNoSecretIn(e.getMessage(), bad);
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
