package io.github.pylonchat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.testing.ReferenceJwt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the packaged jar exactly as the README says: {@code java -jar pylon-chat-runtime-<version>.jar}. */
class PylonChatCliJarIT {
  private static final Path JAR = Path.of(System.getProperty("cli.jar", "target/missing.jar"));

  record Result(int status, String out, String err) {}

  static Result java(Map<String, String> env, String... args) throws Exception {
    assertTrue(Files.isRegularFile(JAR), "the runtime jar must be built first: " + JAR);
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("PYLON_IDENTITY_SECRET");
    builder.environment().remove("PYLON_IDENTITY_SECRET_FILE");
    builder.environment().remove("PYLON_APP_ID");
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    return new Result(process.exitValue(), out, err);
  }

  @Test
  void jarHashesAndVerifiesWithTheSecretFromTheEnvironment() throws Exception {
    Map<String, String> env = PylonChatCliTest.ENV;
    Result hash = java(env, "hash", "user@example.com");
    assertEquals(0, hash.status(), hash.err());
    assertEquals(PylonChatCliTest.HASH, hash.out().strip());

    assertEquals(0, java(env, "verify", "user@example.com", PylonChatCliTest.HASH).status());
    assertEquals(1, java(env, "verify", "other@example.com", PylonChatCliTest.HASH).status());
  }

  @Test
  void jarSignsATokenAndDecodesIt() throws Exception {
    Map<String, String> env = TokenCommandsTest.ENV;
    Result jwt = java(env, "jwt", "ada@example.com", "--name", "Ada Lovelace", "--contact-external-id", "user-7");
    assertEquals(0, jwt.status(), jwt.err());
    String token = jwt.out().strip();
    assertEquals("user-7", ReferenceJwt.verifiedClaims(token, TokenCommandsTest.SECRET).get("contact_external_id"));

    Result decode = java(env, "decode", token);
    assertEquals(0, decode.status(), decode.out() + decode.err());
    assertTrue(decode.out().contains("\"name\":\"Ada Lovelace\""), decode.out());
    assertTrue(decode.out().strip().endsWith("acceptable: Pylon can verify this token now"), decode.out());

    Result otherApp = java(Map.of("PYLON_APP_ID", "other-app", "PYLON_IDENTITY_SECRET", TokenCommandsTest.SECRET),
        "decode", token);
    assertEquals(1, otherApp.status());
  }

  @Test
  void jarExitsTwoWithAOneLineMessageWhenTheSecretIsMissing() throws Exception {
    Result r = java(Map.of(), "hash", "user@example.com");
    assertEquals(2, r.status());
    assertEquals("", r.out());
    PylonChatCliTest.assertOneLine(r.err());
  }
}
