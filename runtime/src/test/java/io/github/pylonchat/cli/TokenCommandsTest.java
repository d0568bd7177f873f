package io.github.pylonchat.cli;

import static io.github.pylonchat.cli.PylonChatCliTest.assertOneLine;
import static io.github.pylonchat.cli.PylonChatCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.cli.PylonChatCliTest.Result;
import io.github.pylonchat.testing.ReferenceJwt;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code jwt} signs a token with the JWT secret and app id from the environment; {@code decode} explains one. */
class TokenCommandsTest {
  static final String APP_ID = "8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f";
  static final String SECRET = "pylon-jwt-Zq8vR2mX7tK4wB9nC3hF6jL1sD5gY0";
  static final Map<String, String> ENV = Map.of("PYLON_APP_ID", APP_ID, "PYLON_IDENTITY_SECRET", SECRET);
  static final long NOW = 1_764_201_600L; // 2025-11-27T00:00:00Z
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

  private static Clock at(long epochSecond) {
    return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }

  private static String token(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "jwt";
    System.arraycopy(args, 0, command, 1, args.length);
    Result r = run(CLOCK, ENV, command);
    assertEquals(0, r.status(), r.err());
    return r.out().strip();
  }

  /** A token whose claims are {@code claimsJson}, signed by nimbus-jose-jwt with {@code key}. */
  private static String reference(String claimsJson, byte[] key) {
    return ReferenceJwt.sign(claimsJson, key);
  }

  private static String claims(long iat, long exp, String aud) {
    return "{\"aud\":\"" + aud + "\",\"email\":\"ada@example.com\",\"iat\":" + iat + ",\"exp\":" + exp + "}";
  }

  private static String base64url(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void jwtPrintsATokenForTheAppIdSignedWithTheSecretsText() {
    String token = token("ada@example.com", "--name", "Ada Lovelace", "--contact-external-id", "user-7",
        "--account-external-id", "crm-42");
    assertEquals(Map.of("aud", APP_ID, "email", "ada@example.com", "name", "Ada Lovelace",
        "account_external_id", "crm-42", "contact_external_id", "user-7", "iat", NOW, "exp", NOW + 600),
        ReferenceJwt.verifiedClaims(token, SECRET));
  }

  @Test
  void optionsMayComeBeforeTheEmail() {
    String token = token("--name", "Ada", "ada@example.com");
    assertEquals(Map.of("aud", APP_ID, "email", "ada@example.com", "name", "Ada", "iat", NOW, "exp", NOW + 600),
        ReferenceJwt.verifiedClaims(token, SECRET));
  }

  @Test
  void jwtNeedsTheAppIdAndAJwtSecretAndNeverEchoesTheSecret() {
    Result noAppId = run(CLOCK, Map.of("PYLON_IDENTITY_SECRET", SECRET), "jwt", "ada@example.com");
    assertEquals(2, noAppId.status());
    assertEquals("pylon-chat: PYLON_APP_ID is not set. Set it to the app id from Pylon's in-app chat settings",
        noAppId.err().strip());

    Result noSecret = run(CLOCK, Map.of("PYLON_APP_ID", APP_ID), "jwt", "ada@example.com");
    assertEquals(2, noSecret.status());
    assertTrue(noSecret.err().contains("Set it to the JWT secret from Pylon's in-app chat settings"), noSecret.err());

    String tooShort = SECRET.substring(0, 20);
    Result shortSecret = run(CLOCK, Map.of("PYLON_APP_ID", APP_ID, "PYLON_IDENTITY_SECRET", tooShort), "jwt", "a@b.c");
    assertEquals(2, shortSecret.status());
    assertOneLine(shortSecret.err());
    assertTrue(shortSecret.err().contains("PYLON_IDENTITY_SECRET has only 20 bytes"), shortSecret.err());
    assertFalse(shortSecret.err().contains(tooShort.substring(5, 15)), shortSecret.err());
    assertEquals("", shortSecret.out());
  }

  @Test
  void anUnknownJwtOptionIsNotEchoed() {
    Result r = run(CLOCK, ENV, "jwt", "ada@example.com", "--" + SECRET);
    assertEquals(2, r.status());
    assertFalse(r.err().contains(SECRET.substring(0, 10)), r.err());
    assertTrue(r.err().contains("unknown option (expected --name, --account-external-id, --contact-external-id)"));
  }

  @Test
  void decodeOfAFreshTokenPrintsHeaderClaimsAndAcceptable() {
    String token = token("ada@example.com", "--name", "Ada");
    Result r = run(at(NOW + 12), ENV, "decode", token);
    assertEquals(0, r.status(), r.out() + r.err());
    assertEquals(List.of(
        "header    {\"alg\":\"HS256\",\"typ\":\"JWT\"}",
        "claims    {\"aud\":\"" + APP_ID + "\",\"email\":\"ada@example.com\",\"name\":\"Ada\",\"iat\":" + NOW
            + ",\"exp\":" + (NOW + 600) + "}",
        "alg       ok    HS256",
        "signature ok    verifies with the configured JWT secret (used as given)",
        "aud       ok    is the app id",
        "email     ok    is present",
        "iat       ok    2025-11-27T00:00:00Z, 12s ago",
        "exp       ok    2025-11-27T00:10:00Z, in 9m48s",
        "lifetime  ok    10m (exp - iat), at most 15m",
        "acceptable: Pylon can verify this token now"), r.out().lines().toList());
    assertEquals("", r.err());
  }

  @Test
  void anExpiredTokenIsNotAcceptable() {
    Result r = run(at(NOW + 900), ENV, "decode", token("ada@example.com"));
    assertEquals(1, r.status());
    assertTrue(r.out().contains("exp       FAIL  2025-11-27T00:10:00Z, expired 5m ago"), r.out());
    assertTrue(r.out().strip().endsWith("NOT acceptable (1 problem): Pylon does not verify this chat's identity"), r.out());
  }

  @Test
  void aTokenForAnotherAppIsNotAcceptable() {
    String other = reference(claims(NOW, NOW + 600, "other-app"), SECRET.getBytes(StandardCharsets.UTF_8));
    Result r = run(CLOCK, ENV, "decode", other);
    assertEquals(1, r.status());
    assertTrue(r.out().contains("aud       FAIL  is \"other-app\", not the app id " + APP_ID), r.out());
    assertTrue(r.out().contains("signature ok"), r.out());
  }

  @Test
  void iatMayBeAMinuteAheadButNoMore() {
    String slightlyAhead = reference(claims(NOW + 60, NOW + 660, APP_ID), SECRET.getBytes(StandardCharsets.UTF_8));
    Result ok = run(CLOCK, ENV, "decode", slightlyAhead);
    assertEquals(0, ok.status(), ok.out());
    assertTrue(ok.out().contains("iat       ok    2025-11-27T00:01:00Z, 1m ahead, within the allowed 1m"), ok.out());

    String ahead = reference(claims(NOW + 61, NOW + 661, APP_ID), SECRET.getBytes(StandardCharsets.UTF_8));
    Result r = run(CLOCK, ENV, "decode", ahead);
    assertEquals(1, r.status());
    assertTrue(r.out().contains("iat       FAIL  2025-11-27T00:01:01Z, 1m1s in the future: the signing server's clock is"
        + " ahead (allowed: 1m)"), r.out());
  }

  @Test
  void aTokenValidForLongerThanFifteenMinutesIsNotAcceptable() {
    String tooLong = reference(claims(NOW, NOW + 901, APP_ID), SECRET.getBytes(StandardCharsets.UTF_8));
    Result r = run(CLOCK, ENV, "decode", tooLong);
    assertEquals(1, r.status());
    assertTrue(r.out().contains("lifetime  FAIL  15m1s (exp - iat), longer than Pylon's limit of 15m"), r.out());

    String backwards = reference(claims(NOW, NOW - 1, APP_ID), SECRET.getBytes(StandardCharsets.UTF_8));
    assertTrue(run(CLOCK, ENV, "decode", backwards).out().contains("lifetime  FAIL  exp is not after iat"));
  }

  @Test
  void aTokenSignedWithAnotherOrTheHexDecodedSecretDoesNotVerify() {
    String hexSecret = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    Map<String, String> env = Map.of("PYLON_APP_ID", APP_ID, "PYLON_IDENTITY_SECRET", hexSecret);
    String hexDecoded = reference(claims(NOW, NOW + 600, APP_ID), HexFormat.of().parseHex(hexSecret));
    Result r = run(CLOCK, env, "decode", hexDecoded);
    assertEquals(1, r.status());
    assertTrue(r.out().contains("signature FAIL  does not verify with the configured JWT secret"), r.out());

    String asText = reference(claims(NOW, NOW + 600, APP_ID), hexSecret.getBytes(StandardCharsets.US_ASCII));
    assertEquals(0, run(CLOCK, env, "decode", asText).status());
  }

  /** A token with exactly this header and these claims, HS256-signed with the test's secret. */
  private static String signed(String headerJson, String claimsJson) throws Exception {
    String signingInput = base64url(headerJson) + "." + base64url(claimsJson);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
  }

  private static String withClaim(String claimsJson, String name, String value) {
    return claimsJson.substring(0, claimsJson.length() - 1) + ",\"" + name + "\":" + value + "}";
  }

  @Test
  void aTokenNotValidBeforeAnHourFromNowIsNotAcceptable() throws Exception {
    String notYet = signed("{\"alg\":\"HS256\"}", withClaim(claims(NOW, NOW + 600, APP_ID), "nbf", "" + (NOW + 3600)));
    Result r = run(CLOCK, ENV, "decode", notYet);
    assertEquals(1, r.status(), r.out());
    assertTrue(r.out().contains("nbf       FAIL  2025-11-27T01:00:00Z, 1h in the future: Pylon does not accept the"
        + " token before then (allowed: 1m)"), r.out());
    assertTrue(r.out().contains("NOT acceptable (1 problem)"), r.out());

    String valid = signed("{\"alg\":\"HS256\"}", withClaim(claims(NOW, NOW + 600, APP_ID), "nbf", "" + NOW));
    Result ok = run(at(NOW + 12), ENV, "decode", valid);
    assertEquals(0, ok.status(), ok.out());
    assertTrue(ok.out().contains("nbf       ok    2025-11-27T00:00:00Z, 12s ago"), ok.out());
  }

  /** RFC 7515: a token whose crit names an extension the recipient does not understand is rejected. */
  @Test
  void aTokenWithACriticalHeaderExtensionIsNotAcceptable() throws Exception {
    String critical = signed("{\"alg\":\"HS256\",\"crit\":[\"x-unknown\"],\"x-unknown\":true}",
        claims(NOW, NOW + 600, APP_ID));
    Result r = run(CLOCK, ENV, "decode", critical);
    assertEquals(1, r.status(), r.out());
    assertTrue(r.out().contains("crit      FAIL  is [\"x-unknown\"]: the token requires header extensions that Pylon's"
        + " identity tokens do not use, so it is rejected"), r.out());
    assertTrue(r.out().contains("signature ok"), r.out());
    assertTrue(r.out().contains("NOT acceptable (1 problem)"), r.out());
  }

  @Test
  void timesOutsideTheYears1970To9999AreOneFailedLineEachAndNoStackTrace() throws Exception {
    String claims = "{\"aud\":\"" + APP_ID + "\",\"email\":\"ada@example.com\",\"iat\":999999999999999999,"
        + "\"exp\":253402300800,\"nbf\":-999999999999999999}";
    Result r = run(CLOCK, ENV, "decode", signed("{\"alg\":\"HS256\"}", claims));
    assertEquals(1, r.status(), r.out() + r.err());
    assertEquals("", r.err());
    assertTrue(r.out().contains("iat       FAIL  is 999999999999999999, out of range: not a time from 1970 to 9999"),
        r.out());
    assertTrue(r.out().contains("exp       FAIL  is 253402300800, out of range: not a time from 1970 to 9999"), r.out());
    assertTrue(r.out().contains("nbf       FAIL  is -999999999999999999, out of range: not a time from 1970 to 9999"),
        r.out());
    assertTrue(r.out().strip().endsWith("NOT acceptable (3 problems): Pylon does not verify this chat's identity"),
        r.out());

    String exponent = "{\"aud\":\"" + APP_ID + "\",\"email\":\"ada@example.com\",\"iat\":1e18,\"exp\":"
        + "10000000000000000000000}";
    Result huge = run(CLOCK, ENV, "decode", signed("{\"alg\":\"HS256\"}", exponent));
    assertEquals(1, huge.status(), huge.out() + huge.err());
    assertEquals("", huge.err());
    assertTrue(huge.out().contains("iat       FAIL  is 1e18, not a whole number of seconds since 1970"), huge.out());
    assertTrue(huge.out().contains("exp       FAIL  is 10000000000000000000000, out of range"), huge.out());
  }

  /** RFC 7519, 4.1.3: aud may be an array of audiences; the token is for this app if one of them is its id. */
  @Test
  void anAudienceArrayThatIncludesTheAppIdIsAccepted() throws Exception {
    String token = signed("{\"alg\":\"HS256\"}",
        claims(NOW, NOW + 600, APP_ID).replace("\"" + APP_ID + "\"", "[\"other-app\",\"" + APP_ID + "\"]"));
    Result r = run(CLOCK, ENV, "decode", token);
    assertEquals(0, r.status(), r.out());
    assertTrue(r.out().contains("aud       ok    includes the app id"), r.out());

    String others = signed("{\"alg\":\"HS256\"}",
        claims(NOW, NOW + 600, APP_ID).replace("\"" + APP_ID + "\"", "[\"other-app\"]"));
    Result notForUs = run(CLOCK, ENV, "decode", others);
    assertEquals(1, notForUs.status(), notForUs.out());
    assertTrue(notForUs.out().contains("aud       FAIL  is [\"other-app\"], not the app id " + APP_ID), notForUs.out());
  }

  @Test
  void missingOrMistypedClaimsAreNamed() {
    byte[] key = SECRET.getBytes(StandardCharsets.UTF_8);
    Result r = run(CLOCK, ENV, "decode", reference("{\"aud\":\"" + APP_ID + "\",\"iat\":1764201600.5}", key));
    assertEquals(1, r.status());
    assertTrue(r.out().contains("email     FAIL  is missing: Pylon requires it"), r.out());
    assertTrue(r.out().contains("iat       FAIL  is 1764201600.5, not a whole number of seconds since 1970"), r.out());
    assertTrue(r.out().contains("exp       FAIL  is missing: Pylon requires it"), r.out());
    assertTrue(r.out().contains("NOT acceptable (3 problems)"), r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"alg\":\"none\"}", "{\"alg\":\"RS256\",\"typ\":\"JWT\"}", "{\"alg\":\"HS512\"}", "{\"typ\":\"JWT\"}"})
  void onlyHs256IsChecked(String header) {
    String token = base64url(header) + "." + base64url(claims(NOW, NOW + 600, APP_ID)) + ".";
    Result r = run(CLOCK, Map.of(), "decode", token);
    assertEquals(1, r.status(), r.out() + r.err());
    assertTrue(r.out().lines().anyMatch(line -> line.startsWith("alg       FAIL  ")
        && line.endsWith(": Pylon's identity tokens are HS256, the only algorithm this tool checks")), r.out());
    assertTrue(r.out().startsWith("header    " + header), r.out());
    assertEquals("", r.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "", "abc", "a.b", "a.b.c.d", "!!!.e30.x", "e30=.e30.x", "e30.e30=.x", "eyJ9.e30.x", "e30.W10.x", "e30.MQ.x",
    "eyJhbGciOiJIUzI1NiIsImFsZyI6Im5vbmUifQ.e30.x", // {"alg":"HS256","alg":"none"}
    "_w.e30.x", // not UTF-8
    "e31.e30.x", // spare bits set
  })
  void anythingThatIsNotATokenIsSaidSoInOneLineWithExitOne(String notAToken) {
    Result r = run(CLOCK, ENV, "decode", notAToken.isEmpty() ? " " : notAToken);
    if (notAToken.isEmpty()) {
      assertEquals(2, r.status());
      return;
    }
    assertEquals(1, r.status(), r.out());
    assertOneLine(r.out());
    assertTrue(r.out().startsWith("not a token: "), r.out());
    assertEquals("", r.err());
  }

  @Test
  void hostileClaimsArePrintedAsPrintableAsciiJson() {
    String name = "</script>\u001b[2J\u202e\u0000 é 😀 \ud800";
    String token = token("ada@example.com", "--name", name);
    Result r = run(CLOCK, ENV, "decode", token);
    assertEquals(0, r.status(), r.out());
    String claimsLine = r.out().lines().filter(line -> line.startsWith("claims")).findFirst().orElseThrow();
    assertTrue(claimsLine.chars().allMatch(c -> c >= 0x20 && c < 0x7f), claimsLine);
    assertTrue(claimsLine.contains("\"name\":\"\\u003c/script\\u003e\\u001b[2J\\u202e\\u0000 \\u00e9 \\ud83d\\ude00 \\ud800\""),
        claimsLine);
  }

  @Test
  void decodePrintsTheTokenBeforeItNeedsTheSettings() {
    Result r = run(CLOCK, Map.of(), "decode", token("ada@example.com"));
    assertEquals(2, r.status());
    assertTrue(r.out().startsWith("header    {\"alg\":\"HS256\",\"typ\":\"JWT\"}"), r.out());
    assertOneLine(r.err());
    assertTrue(r.err().startsWith("pylon-chat: PYLON_APP_ID is not set."), r.err());
  }
}
