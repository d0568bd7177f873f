package io.github.pylonchat;

import static io.github.pylonchat.IdentitySecretTest.assertNoSecretIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.testing.ReferenceJwt;
import io.github.pylonchat.testing.TestVector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The rules for PYLON_APP_ID, PYLON_IDENTITY_SECRET and PYLON_IDENTITY_SECRET_FILE, and their words. */
class ChatEnvironmentTest {
  private static final String SECRET = TestVector.SECRET_HEX;

  @TempDir Path dir;

  @Test
  void readsTheAppIdStripped() {
    ChatEnvironment environment = ChatEnvironment.of(Map.of("PYLON_APP_ID", " my-app_1\n"));
    assertTrue(environment.hasAppId());
    assertEquals("my-app_1", environment.appId());
  }

  @Test
  void aMissingEmptyOrMalformedAppIdNamesTheVariable() {
    assertEquals("PYLON_APP_ID is not set. Set it to the app id from Pylon's in-app chat settings",
        message(() -> ChatEnvironment.of(Map.of()).appId()));
    assertEquals("PYLON_APP_ID is empty. Set it to the app id from Pylon's in-app chat settings",
        message(() -> ChatEnvironment.of(Map.of("PYLON_APP_ID", " ")).appId()));
    assertEquals("PYLON_APP_ID is not a Pylon app id (only letters, digits, - and _ are allowed, at most 128)."
        + " Copy the app id from Pylon's in-app chat settings, for example 8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f",
        message(() -> ChatEnvironment.of(Map.of("PYLON_APP_ID", "<app>")).appId()));
    assertFalse(ChatEnvironment.of(Map.of("PYLON_APP_ID", " ")).hasAppId());
  }

  /**
   * Swapped variables would write the secret into every page as app_id (in JWT mode nothing else
   * stops them: a UUID is a JWT secret long enough). Refused in both modes, without quoting it.
   */
  @Test
  void anAppIdThatLooksLikeASecretIsRefusedAsPossiblySwapped() {
    String uuid = "8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f";
    for (String secret : List.of(SECRET, SECRET.toUpperCase(Locale.ROOT), SECRET.substring(0, 48))) {
      ChatEnvironment swapped = ChatEnvironment.of(Map.of("PYLON_APP_ID", secret, "PYLON_IDENTITY_SECRET", uuid));
      String message = message(swapped::appId);
      assertEquals("PYLON_APP_ID looks like an identity secret (" + secret.length() + " hex digits), not a Pylon app"
          + " id: the app id and the secret may be swapped. Set it to the app id from Pylon's in-app chat settings"
          + " (such as 8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f) and the secret only in the identity secret's setting"
          + " (such as PYLON_IDENTITY_SECRET); if the secret was ever served as the app id, rotate it in Pylon", message);
      assertNoSecretIn(message, secret);
      JwtSecret jwtSecret = swapped.jwtSecret();
      assertNoSecretIn(message(() -> PylonChatWidget.builder().appId(secret).jwtSecret(jwtSecret).build()), secret);
      assertNoSecretIn(message(() -> jwtSecret.signer(secret)), secret);
    }
    String uuidWithoutDashes = uuid.replace("-", "");
    assertEquals(uuidWithoutDashes, ChatEnvironment.of(Map.of("PYLON_APP_ID", uuidWithoutDashes)).appId());
  }

  @Test
  void readsTheSecretFromTheEnvironmentVariable() {
    ChatEnvironment environment = ChatEnvironment.of(Map.of("PYLON_IDENTITY_SECRET", SECRET));
    assertTrue(environment.hasIdentitySecret());
    assertEquals(TestVector.EMAIL_HASH, environment.identitySecret().hasher().hash(TestVector.EMAIL));
  }

  @Test
  void readsTheSecretFromTheFileNamedByTheFileVariable() throws Exception {
    Path file = Files.writeString(dir.resolve("pylon-secret"), SECRET + "\n");
    ChatEnvironment environment = ChatEnvironment.of(Map.of("PYLON_IDENTITY_SECRET_FILE", " " + file + " "));
    assertTrue(environment.hasIdentitySecret());
    assertEquals(TestVector.EMAIL_HASH, environment.identitySecret().hasher().hash(TestVector.EMAIL));
  }

  @Test
  void aBlankVariableIsIgnoredWhenTheOtherOneIsSet() throws Exception {
    Path file = Files.writeString(dir.resolve("pylon-secret"), SECRET);
    assertEquals(TestVector.EMAIL_HASH, ChatEnvironment.of(Map.of("PYLON_IDENTITY_SECRET", " ",
        "PYLON_IDENTITY_SECRET_FILE", file.toString())).identitySecret().hasher().hash(TestVector.EMAIL));
    assertEquals(TestVector.EMAIL_HASH, ChatEnvironment.of(Map.of("PYLON_IDENTITY_SECRET", SECRET,
        "PYLON_IDENTITY_SECRET_FILE", "")).identitySecret().hasher().hash(TestVector.EMAIL));
  }

  @Test
  void noSecretVariableIsOneClearError() {
    ChatEnvironment environment = ChatEnvironment.of(Map.of("PYLON_APP_ID", "app"));
    assertFalse(environment.hasIdentitySecret());
    ChatConfigurationException e = assertThrows(ChatConfigurationException.class, environment::identitySecret);
    assertEquals("PYLON_IDENTITY_SECRET", e.setting());
    assertEquals("PYLON_IDENTITY_SECRET is not set (nor PYLON_IDENTITY_SECRET_FILE). Set it to the hex identity"
        + " secret from Pylon's in-app chat settings, or PYLON_IDENTITY_SECRET_FILE to the path of a file that"
        + " contains it", e.getMessage());
  }

  @Test
  void aBlankSecretVariableOnItsOwnIsReportedAsEmpty() {
    assertFalse(ChatEnvironment.of(Map.of("PYLON_IDENTITY_SECRET", " ")).hasIdentitySecret());
    assertTrue(message(() -> ChatEnvironment.of(Map.of("PYLON_IDENTITY_SECRET", " ")).identitySecret())
        .startsWith("PYLON_IDENTITY_SECRET is empty. Copy the identity secret from Pylon's in-app chat settings"));
    assertTrue(message(() -> ChatEnvironment.of(Map.of("PYLON_IDENTITY_SECRET_FILE", "")).identitySecret())
        .startsWith("PYLON_IDENTITY_SECRET_FILE is empty."));
  }

  @Test
  void aMalformedSecretNamesTheVariableWithoutEchoingIt() {
    String bad = SECRET.substring(1);
    ChatConfigurationException e = assertThrows(ChatConfigurationException.class,
        () -> ChatEnvironment.of(Map.of("PYLON_IDENTITY_SECRET", bad)).identitySecret());
    assertEquals("PYLON_IDENTITY_SECRET", e.setting());
    assertTrue(e.getMessage().startsWith("PYLON_IDENTITY_SECRET has an odd number of hex digits (63)"), e.getMessage());
    assertNoSecretIn(e.getMessage(), bad);
  }

  @Test
  void bothVariablesSetIsAClearError() throws Exception {
    Path file = Files.writeString(dir.resolve("pylon-secret"), SECRET);
    String message = message(() -> ChatEnvironment.of(
        Map.of("PYLON_IDENTITY_SECRET", SECRET, "PYLON_IDENTITY_SECRET_FILE", file.toString())).identitySecret());
    assertEquals("PYLON_IDENTITY_SECRET and PYLON_IDENTITY_SECRET_FILE are both set. "
        + "Set only one of them, so it is clear which secret is used", message);
    assertNoSecretIn(message, SECRET);
  }

  @Test
  void unreadableSecretFileNamesTheVariableAndTheFix() {
    Path missing = dir.resolve("missing-secret");
    ChatConfigurationException e = assertThrows(ChatConfigurationException.class,
        () -> ChatEnvironment.of(Map.of("PYLON_IDENTITY_SECRET_FILE", missing.toString())).identitySecret());
    assertEquals("the file named by PYLON_IDENTITY_SECRET_FILE", e.setting());
    assertEquals("the file named by PYLON_IDENTITY_SECRET_FILE cannot be read (NoSuchFileException). Set"
        + " PYLON_IDENTITY_SECRET_FILE to the path of a readable file that contains only the hex identity secret;"
        + " the variable holds the file's path, the secret goes into the file (or into PYLON_IDENTITY_SECRET)",
        e.getMessage());
  }

  /** A secret put into the _FILE variable by mistake is a path that cannot be read: it is not echoed. */
  @Test
  void secretPutIntoTheFileVariableIsNeverEchoed() {
    for (String misplaced : List.of(SECRET, JwtSecretTest.SECRET)) {
      Map<String, String> variables = Map.of("PYLON_IDENTITY_SECRET_FILE", misplaced);
      for (Executable read : List.<Executable>of(() -> ChatEnvironment.of(variables).identitySecret(),
          () -> ChatEnvironment.of(variables).jwtSecret())) {
        String message = message(read);
        assertTrue(message.startsWith("the file named by PYLON_IDENTITY_SECRET_FILE cannot be read"), message);
        assertNoSecretIn(message, misplaced);
      }
    }
  }

  @Test
  void badSecretInAFileNamesTheVariableWithoutEchoingTheSecretOrThePath() throws Exception {
    String bad = SECRET.substring(3);
    Path file = Files.writeString(dir.resolve("pylon-secret"), bad);
    String message = message(() -> ChatEnvironment.of(Map.of("PYLON_IDENTITY_SECRET_FILE", file.toString())).identitySecret());
    assertTrue(message.startsWith("the file named by PYLON_IDENTITY_SECRET_FILE has an odd number"), message);
    assertFalse(message.contains(file.toString()), message);
    assertNoSecretIn(message, bad);
  }

  @Test
  void nullValuesCountAsNotSet() {
    Map<String, String> variables = new java.util.HashMap<>();
    variables.put("PYLON_APP_ID", null);
    variables.put("PYLON_IDENTITY_SECRET", null);
    assertFalse(ChatEnvironment.of(variables).hasAppId());
    assertTrue(message(() -> ChatEnvironment.of(variables).identitySecret()).contains("is not set"));
  }

  @Test
  void inJwtModeTheSameVariablesAreReadAsText() throws Exception {
    String jwtSecret = JwtSecretTest.SECRET;
    String appId = "app";
    ChatProfile ada = ChatProfile.of("ada@example.com", null);
    String fromVariable = ChatEnvironment.of(Map.of("PYLON_IDENTITY_SECRET", " " + jwtSecret + " ")).jwtSecret()
        .signer(appId).sign(ada);
    assertEquals("ada@example.com", ReferenceJwt.verifiedClaims(fromVariable, jwtSecret).get("email"));

    Path file = Files.writeString(dir.resolve("pylon-jwt-secret"), jwtSecret + "\n");
    String fromFile = ChatEnvironment.of(Map.of("PYLON_IDENTITY_SECRET_FILE", file.toString())).jwtSecret()
        .signer(appId).sign(ada);
    assertEquals("ada@example.com", ReferenceJwt.verifiedClaims(fromFile, jwtSecret).get("email"));
  }

  @Test
  void jwtSecretErrorsNameTheVariableAndTheJwtSecretWithoutEchoingIt() throws Exception {
    assertEquals("PYLON_IDENTITY_SECRET is not set (nor PYLON_IDENTITY_SECRET_FILE). Set it to the JWT secret from"
        + " Pylon's in-app chat settings, or PYLON_IDENTITY_SECRET_FILE to the path of a file that contains it",
        message(() -> ChatEnvironment.of(Map.of()).jwtSecret()));
    String tooShort = "Zq8vR2mX7tK4wB9n";
    String message = message(() -> ChatEnvironment.of(Map.of("PYLON_IDENTITY_SECRET", tooShort)).jwtSecret());
    assertTrue(message.startsWith("PYLON_IDENTITY_SECRET has only 16 bytes, too few for an HS256 key"), message);
    assertNoSecretIn(message, tooShort);
    Path file = Files.writeString(dir.resolve("two-lines"), JwtSecretTest.SECRET + "\n" + JwtSecretTest.SECRET);
    message = message(() -> ChatEnvironment.of(Map.of("PYLON_IDENTITY_SECRET_FILE", file.toString())).jwtSecret());
    assertTrue(message.startsWith("the file named by PYLON_IDENTITY_SECRET_FILE has a control character"), message);
    assertNoSecretIn(message, JwtSecretTest.SECRET);
    assertTrue(message(() -> ChatEnvironment.of(Map.of("PYLON_IDENTITY_SECRET_FILE", dir.resolve("none").toString()))
        .jwtSecret()).contains("Set PYLON_IDENTITY_SECRET_FILE to the path of a readable file that contains only the JWT"
            + " secret;"));
  }

  private static String message(Executable call) {
    return assertThrows(ChatConfigurationException.class, call).getMessage();
  }
}
