package io.github.pylonchat.cli;

import io.github.pylonchat.testing.TestVector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PylonChatCliTest {
  static final String SECRET = TestVector.SECRET_HEX;
  static final String HASH = TestVector.EMAIL_HASH;
  static final Map<String, String> ENV = Map.of("PYLON_IDENTITY_SECRET", SECRET);

  @TempDir Path dir;

  record Result(int status, String out, String err) {}

  static Result run(Map<String, String> env, String... args) {
    return run(Clock.systemUTC(), env, args);
  }

  static Result run(Clock clock, Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = PylonChatCli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), clock);
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void hashPrintsOneLowercaseHashPerEmail() {
    Result r = run(ENV, "hash", "user@example.com", "user@example.com");
    assertEquals(0, r.status());
    assertEquals(HASH + "\n" + HASH + "\n", r.out().replace("\r\n", "\n"));
    assertEquals("", r.err());
  }

  @Test
  void verifyExitsZeroOnAMatch() {
    Result r = run(ENV, "verify", "user@example.com", HASH);
    assertEquals(0, r.status());
    assertEquals("match", r.out().strip());
  }

  @Test
  void verifyExitsOneOnAMismatchAndShowsTheExpectedHash() {
    Result r = run(ENV, "verify", "User@example.com", HASH);
    assertEquals(1, r.status());
    assertTrue(r.out().startsWith("no match"), r.out());
    assertFalse(r.out().contains(HASH));
  }

  @Test
  void secretCanComeFromAFile() throws Exception {
    Path file = Files.writeString(dir.resolve("secret"), SECRET + "\n");
    Result r = run(Map.of("PYLON_IDENTITY_SECRET_FILE", file.toString()), "hash", "user@example.com");
    assertEquals(0, r.status());
    assertEquals(HASH, r.out().strip());
  }

  /** The secret put into PYLON_IDENTITY_SECRET_FILE instead of PYLON_IDENTITY_SECRET is not printed. */
  @Test
  void aSecretInTheFileVariableIsNotEchoed() {
    Result r = run(Map.of("PYLON_IDENTITY_SECRET_FILE", SECRET), "hash", "user@example.com");
    assertEquals(2, r.status());
    assertEquals("", r.out());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("pylon-chat: the file named by PYLON_IDENTITY_SECRET_FILE cannot be read"), r.err());
    assertFalse(r.err().contains(SECRET.substring(0, 8)), r.err());
  }

  @Test
  void missingSecretExitsTwoWithOneLine() {
    Result r = run(Map.of(), "hash", "user@example.com");
    assertEquals(2, r.status());
    assertEquals("", r.out());
    assertOneLine(r.err());
    assertEquals("pylon-chat: PYLON_IDENTITY_SECRET is not set (nor PYLON_IDENTITY_SECRET_FILE). Set it to the hex"
        + " identity secret from Pylon's in-app chat settings, or PYLON_IDENTITY_SECRET_FILE to the path of a file"
        + " that contains it", r.err().strip());
  }

  @Test
  void badSecretExitsTwoWithoutEchoingIt() {
    String bad = SECRET.substring(1);
    Result r = run(Map.of("PYLON_IDENTITY_SECRET", bad), "hash", "user@example.com");
    assertEquals(2, r.status());
    assertOneLine(r.err());
    assertTrue(r.err().contains("odd number of hex digits"), r.err());
    assertFalse(r.err().contains(bad.substring(0, 8)), r.err());
  }

  @Test
  void badUsageExitsTwoWithOneLine() {
    for (String[] args : new String[][] {{}, {"hash"}, {"verify", "a@b.c"}, {"verify", "a", "b", "c"},
        {"sign", "x"}, {"hash", ""}, {"jwt"}, {"jwt", "a@b.c", "b@c.d"}, {"jwt", "a@b.c", "--name"},
        {"jwt", "a@b.c", "--name", "A", "--name", "B"}, {"jwt", "a@b.c", "--email", "x"}, {"jwt", " "},
        {"decode"}, {"decode", "a.b.c", "d.e.f"}, {"decode", ""}}) {
      Result r = run(ENV, args);
      assertEquals(2, r.status(), String.join(" ", args));
      assertEquals("", r.out());
      assertOneLine(r.err());
      assertTrue(r.err().startsWith("pylon-chat: "), r.err());
    }
  }

  @Test
  void anUnknownCommandIsNotEchoedBecauseItMayBeAMisplacedSecret() {
    Result r = run(ENV, SECRET, "user@example.com");
    assertEquals(2, r.status());
    assertFalse(r.err().contains(SECRET.substring(0, 8)), r.err());
  }

  @Test
  void helpPrintsUsage() {
    Result r = run(Map.of(), "--help");
    assertEquals(0, r.status());
    assertTrue(r.out().contains("hash EMAIL...") && r.out().contains("PYLON_IDENTITY_SECRET_FILE"), r.out());
    assertTrue(r.out().contains("jwt EMAIL [--name N] [--account-external-id A] [--contact-external-id C]"), r.out());
    assertTrue(r.out().contains("decode TOKEN") && r.out().contains("PYLON_APP_ID"), r.out());
  }

  static void assertOneLine(String text) {
    assertEquals(1, text.strip().lines().count(), text);
    assertFalse(text.contains("Exception") || text.contains("\tat "), text);
  }
}
