package io.github.pylonchat;

import static io.github.pylonchat.JwtSecretTest.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.testing.ReferenceJwt;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtSignerTest {
  private static final String APP_ID = "8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f";
  /** 2025-11-27T00:00:00.750Z: a token's times are whole seconds, cut down. */
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_764_201_600L, 750_000_000), ZoneOffset.UTC);
  private static final JwtSigner SIGNER = JwtSecret.ofText(SECRET).signer(APP_ID, Duration.ofMinutes(10), CLOCK);

  private static String part(String token, int index) {
    return new String(Base64.getUrlDecoder().decode(token.split("\\.", -1)[index]), StandardCharsets.UTF_8);
  }

  @Test
  void aTokenIsTheFixedHeaderTheClaimsInOrderAndTheSignatureInBase64urlWithoutPadding() {
    String token = SIGNER.sign(new ChatProfile("ada@example.com", "Ada Lovelace", "https://example.com/ada.png",
        "acme", "crm-42", "user-7"));

    assertEquals(3, token.split("\\.", -1).length);
    assertTrue(token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}"), token);
    assertEquals("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", part(token, 0));
    assertEquals("{\"aud\":\"" + APP_ID + "\",\"email\":\"ada@example.com\",\"name\":\"Ada Lovelace\","
        + "\"account_external_id\":\"crm-42\",\"contact_external_id\":\"user-7\",\"iat\":1764201600,\"exp\":1764202200}",
        part(token, 1), "the avatar URL and account id are not signed");
    assertEquals(Map.of("aud", APP_ID, "email", "ada@example.com", "name", "Ada Lovelace",
        "account_external_id", "crm-42", "contact_external_id", "user-7", "iat", 1_764_201_600L, "exp", 1_764_202_200L),
        ReferenceJwt.verifiedClaims(token, SECRET));
  }

  @Test
  void absentFieldsAreLeftOutOfTheClaims() {
    String token = SIGNER.sign(new ChatProfile("ada@example.com", null, null, null, null, null));
    assertEquals(Map.of("aud", APP_ID, "email", "ada@example.com", "iat", 1_764_201_600L, "exp", 1_764_202_200L),
        ReferenceJwt.verifiedClaims(token, SECRET));
  }

  @Test
  void claimsAreEscapedSoThatAnyTextStaysOneJsonStringAndTheTokenPrintableAscii() {
    String name = "\"}, \"email\":\"evil@example.com\" </script>\u2028\ud800 é 😀 \u0000";
    String token = SIGNER.sign(new ChatProfile("ada@example.com", name, null, null, null, null));
    Map<String, Object> claims = ReferenceJwt.verifiedClaims(token, SECRET);
    assertEquals("ada@example.com", claims.get("email"));
    assertEquals(name, claims.get("name"));
    assertTrue(part(token, 1).chars().allMatch(c -> c >= 0x20 && c < 0x7f), part(token, 1));
  }

  @ParameterizedTest
  @ValueSource(longs = {60, 61, 300, 600, 899, 900})
  void expMinusIatIsTheLifetimeAndIatIsTheClocksSecond(long seconds) {
    Instant now = Instant.parse("2031-05-04T03:02:01.999999999Z");
    JwtSigner signer = JwtSecret.ofText(SECRET).signer(APP_ID, Duration.ofSeconds(seconds), Clock.fixed(now, ZoneOffset.UTC));
    Map<String, Object> claims = ReferenceJwt.verifiedClaims(signer.sign(ChatProfile.of("a@b.c", null)), SECRET);
    assertEquals(now.getEpochSecond(), claims.get("iat"));
    assertEquals(seconds, (Long) claims.get("exp") - (Long) claims.get("iat"));
    assertEquals(Duration.ofSeconds(seconds), signer.lifetime());
  }

  @Test
  void eachTokenIsDatedByTheClockWhenItIsSigned() {
    Instant[] now = {Instant.ofEpochSecond(2_000_000_000L)};
    Clock moving = new Clock() {
      @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(java.time.ZoneId zone) { return this; }
      @Override public Instant instant() { return now[0]; }
    };
    JwtSigner signer = JwtSecret.ofText(SECRET).signer(APP_ID, JwtSigner.DEFAULT_LIFETIME, moving);
    String first = signer.sign(ChatProfile.of("a@b.c", null));
    now[0] = now[0].plusSeconds(42);
    String second = signer.sign(ChatProfile.of("a@b.c", null));
    assertEquals(2_000_000_000L, ReferenceJwt.verifiedClaims(first, SECRET).get("iat"));
    assertEquals(2_000_000_042L, ReferenceJwt.verifiedClaims(second, SECRET).get("iat"));
    assertEquals(2_000_000_642L, ReferenceJwt.verifiedClaims(second, SECRET).get("exp"));
  }

  @Test
  void theDefaultLifetimeIsTenMinutesFromTheSystemClock() {
    JwtSigner signer = JwtSecret.ofText(SECRET).signer(APP_ID);
    long before = Instant.now().getEpochSecond();
    Map<String, Object> claims = ReferenceJwt.verifiedClaims(signer.sign(ChatProfile.of("a@b.c", null)), SECRET);
    long after = Instant.now().getEpochSecond();
    long iat = (Long) claims.get("iat");
    assertTrue(iat >= before && iat <= after, "iat is now: " + iat);
    assertEquals(600L, (Long) claims.get("exp") - iat);
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT0S", "PT59S", "PT-10M", "PT15M1S", "PT16M", "PT1H", "PT90.5S"})
  void aLifetimeOutsideOneToFifteenMinutesInWholeSecondsIsAConfigurationError(String lifetime) {
    ChatConfigurationException e = assertThrows(ChatConfigurationException.class,
        () -> JwtSecret.ofText(SECRET).signer(APP_ID, Duration.parse(lifetime), CLOCK));
    assertEquals("tokenLifetime", e.setting());
    assertEquals("Use a lifetime from 1 to 15 minutes (default 10 minutes)", e.fix());
  }

  @Test
  void lifetimeMessagesSayWhyTheLimitExists() {
    assertEquals("tokenLifetime is 16m, longer than 15 minutes: Pylon rejects a token that is valid for longer."
        + " Use a lifetime from 1 to 15 minutes (default 10 minutes)", lifetimeMessage(Duration.ofMinutes(16)));
    assertEquals("tokenLifetime is 30s, shorter than 1 minute: the token could expire before the widget has used it."
        + " Use a lifetime from 1 to 15 minutes (default 10 minutes)", lifetimeMessage(Duration.ofSeconds(30)));
    assertTrue(lifetimeMessage(Duration.ofMillis(90_500)).startsWith("tokenLifetime is 1m30.5s, not a whole number of seconds"));
    assertTrue(lifetimeMessage(null).startsWith("tokenLifetime is null."));
  }

  private static String lifetimeMessage(Duration lifetime) {
    return assertThrows(ChatConfigurationException.class,
        () -> JwtSecret.ofText(SECRET).signer(APP_ID, lifetime, CLOCK)).getMessage();
  }

  @Test
  void theAppIdFollowsTheWidgetsRules() {
    assertEquals("appId is not a Pylon app id (only letters, digits, - and _ are allowed, at most 128)",
        assertThrows(ChatConfigurationException.class, () -> JwtSecret.ofText(SECRET).signer("<app>")).setting()
            + " " + assertThrows(ChatConfigurationException.class, () -> JwtSecret.ofText(SECRET).signer("<app>")).problem());
    assertEquals("app-1", JwtSecret.ofText(SECRET).signer(" app-1 ").appId());
  }

  @Test
  void aNullProfileIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> SIGNER.sign(null));
  }

  @Test
  void signatureMatchesOnlyATokenThisSecretSignedUnchanged() {
    String token = SIGNER.sign(ChatProfile.of("ada@example.com", "Ada"));
    assertTrue(SIGNER.signatureMatches(token));

    String[] parts = token.split("\\.");
    String otherClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
        part(token, 1).replace("ada@", "eve@").getBytes(StandardCharsets.UTF_8));
    String otherSecret = "another-jwt-secret-of-at-least-32-bytes";
    String signature = parts[2];
    char last = signature.charAt(42);
    for (String wrong : new String[] {
        parts[0] + "." + otherClaims + "." + parts[2],
        JwtSecret.ofText(otherSecret).signer(APP_ID, Duration.ofMinutes(10), CLOCK).sign(ChatProfile.of("ada@example.com", "Ada")),
        token + "=", token + ".", token.substring(0, token.length() - 1), parts[0] + "." + parts[1],
        parts[0] + "." + parts[1] + "." + signature.substring(0, 42) + (char) (last ^ 1),
        parts[0] + "." + parts[1] + ".." + parts[2], "é" + token, "", "..", null}) {
      assertFalse(SIGNER.signatureMatches(wrong), String.valueOf(wrong));
    }
    assertTrue(JwtSecret.ofText(otherSecret).signer("x").signatureMatches(
        JwtSecret.ofText(otherSecret).signer(APP_ID).sign(ChatProfile.of("a@b.c", null))),
        "the app id and lifetime are not part of the signature check");
  }

  @Test
  void manyThreadsSigningAtOnceAllGetTokensThatVerify() throws Exception {
    JwtSigner signer = JwtSecret.ofText(SECRET).signer(APP_ID);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String[]>>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          List<String[]> tokens = new ArrayList<>();
          for (int i = 0; i < 300; i++) {
            String email = "user" + thread + "-" + i + "-Ünï😀@example.com";
            tokens.add(new String[] {email, signer.sign(ChatProfile.of(email, null))});
          }
          return tokens;
        }));
      }
      for (Future<List<String[]>> result : results) {
        for (String[] pair : result.get()) {
          assertEquals(pair[0], ReferenceJwt.verifiedClaims(pair[1], SECRET).get("email"));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void toStringNamesTheAppAndLifetimeButNoKey() {
    assertEquals("JwtSigner[HS256 for app " + APP_ID + ", lifetime 10m, HmacSHA256 from SunJCE, key redacted]",
        SIGNER.toString());
  }
}
