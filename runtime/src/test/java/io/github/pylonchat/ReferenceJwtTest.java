package io.github.pylonchat;

import static io.github.pylonchat.ReferenceHashTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.testing.HostileText;
import io.github.pylonchat.testing.ReferenceJwt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our identity tokens must verify with two independent JWT libraries, nimbus-jose-jwt in this JVM
 * and Node's {@code jsonwebtoken} as a subprocess, for hundreds of random (secret, claims) pairs
 * with hostile text in every string: secrets used as their text, never hex-decoded, and claims read
 * back exactly. The seed is fixed, so a failure replays.
 *
 * <p>{@code jsonwebtoken} is installed with {@code npm ci} from {@code src/test/node} (its
 * {@code package.json} and {@code package-lock.json}) into {@code target/node}; node and npm are
 * required, as for Pylon's own snippets in {@link ReferenceHashTest}.
 */
class ReferenceJwtTest {
  private static final int PAIRS = 400;
  private static final Path NODE_SOURCES = Path.of("src", "test", "node");
  private static final Path NODE_DIR = Path.of("target", "node");

  /** One signed token and what it must say. */
  record Pair(String secret, boolean secretIsHex, String appId, ChatProfile profile, long issuedAt, long lifetime,
      String token) {
    Map<String, Object> claims() {
      Map<String, Object> claims = new LinkedHashMap<>();
      claims.put("aud", appId);
      claims.put("email", profile.email());
      putIfNotNull(claims, "name", profile.name());
      putIfNotNull(claims, "account_external_id", profile.accountExternalId());
      putIfNotNull(claims, "contact_external_id", profile.contactExternalId());
      claims.put("iat", issuedAt);
      claims.put("exp", issuedAt + lifetime);
      return claims;
    }

    /** The claims as JSON, written here (not by the library). */
    String claimsJson() {
      StringBuilder out = new StringBuilder("{");
      claims().forEach((name, value) -> out.append(out.length() > 1 ? "," : "").append(json(name)).append(':')
          .append(value instanceof String text ? json(text) : value.toString()));
      return out.append('}').toString();
    }

    /** The same claims signed by nimbus-jose-jwt with the hex-DECODED secret, or null if it is not hex. */
    String hexDecodedToken() {
      return secretIsHex ? ReferenceJwt.sign(claimsJson(), HexFormat.of().parseHex(secret)) : null;
    }

    @Override
    public String toString() {
      return "secret of " + secret.length() + " chars, app " + appId + ", email " + HostileText.show(profile.email())
          + ", name " + HostileText.show(profile.name());
    }
  }

  private static final List<Pair> pairs = new ArrayList<>();

  @BeforeAll
  static void signRandomPairs() {
    SplittableRandom random = new SplittableRandom(20261127L);
    HostileText hostile = new HostileText(20261127L);
    String appIdChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
    for (int i = 0; i < PAIRS; i++) {
      boolean hex = i % 4 == 0; // secrets that look like the email hash's: the text must still be the key
      String secret = hex ? HexFormat.of().formatHex(bytes(random, 32)) : hostile.jwtSecret();
      StringBuilder appId = new StringBuilder().append(appIdChars.charAt(random.nextInt(62)));
      for (int n = random.nextInt(40); n > 0; n--) {
        appId.append(appIdChars.charAt(random.nextInt(appIdChars.length())));
      }
      ChatProfile profile = new ChatProfile(hostile.email(), hostile.textOrNull(), null, null, hostile.textOrNull(),
          hostile.textOrNull());
      long issuedAt = random.nextLong(1_600_000_000L, 2_100_000_000L);
      long lifetime = random.nextLong(60, 901);
      Clock clock = Clock.fixed(Instant.ofEpochSecond(issuedAt, random.nextInt(1_000_000_000)), ZoneOffset.UTC);
      String token = JwtSecret.ofText(secret).signer(appId.toString(), Duration.ofSeconds(lifetime), clock).sign(profile);
      pairs.add(new Pair(secret, hex, appId.toString(), profile, issuedAt, lifetime, token));
    }
  }

  private static byte[] bytes(SplittableRandom random, int count) {
    byte[] bytes = new byte[count];
    random.nextBytes(bytes);
    return bytes;
  }

  @Test
  void everyTokenVerifiesWithNimbusJoseJwtAndCarriesExactlyTheClaims() {
    for (Pair pair : pairs) {
      assertEquals(pair.claims(), ReferenceJwt.verifiedClaims(pair.token(), pair.secret()), pair::toString);
    }
  }

  @Test
  void theSecretIsTheKeyAsGivenNeverHexDecoded() {
    int hexSecrets = 0;
    for (Pair pair : pairs) {
      if (!pair.secretIsHex()) {
        continue;
      }
      byte[] decoded = HexFormat.of().parseHex(pair.secret());
      assertFalse(ReferenceJwt.verifies(pair.token(), decoded), pair::toString);
      String hexDecodedToken = pair.hexDecodedToken();
      assertTrue(ReferenceJwt.verifies(hexDecodedToken, decoded), "the reference token is well signed");
      JwtSigner signer = JwtSecret.ofText(pair.secret()).signer(pair.appId());
      assertFalse(signer.signatureMatches(hexDecodedToken), pair::toString);
      assertTrue(signer.signatureMatches(pair.token()), pair::toString);
      hexSecrets++;
    }
    assertEquals(PAIRS / 4, hexSecrets);
  }

  @Test
  void everyTokenVerifiesWithNodesJsonwebtokenAndCarriesExactlyTheClaims() throws Exception {
    installJsonwebtoken();
    StringBuilder input = new StringBuilder();
    for (Pair pair : pairs) {
      input.append("{\"token\":").append(json(pair.token()))
          .append(",\"secret\":").append(json(pair.secret()))
          .append(",\"secretIsHex\":").append(pair.secretIsHex())
          .append(",\"aud\":").append(json(pair.appId()))
          .append(",\"now\":").append(pair.issuedAt() + 1)
          .append(",\"claims\":").append(pair.claimsJson());
      if (pair.secretIsHex()) {
        input.append(",\"hexToken\":").append(json(pair.hexDecodedToken()));
      }
      input.append("}\n");
    }
    List<String> answers = Subprocess.run(NODE_DIR, input.toString(), "node", "verify_tokens.js");
    assertEquals(pairs.size(), answers.size(), "one answer per token from node");
    for (int i = 0; i < pairs.size(); i++) {
      assertEquals("ok", answers.get(i), pairs.get(i).toString());
    }
  }

  /** {@code npm ci} of jsonwebtoken into target/node, with the verifying script beside it. */
  private static void installJsonwebtoken() throws Exception {
    Files.createDirectories(NODE_DIR);
    for (String file : List.of("package.json", "package-lock.json", "verify_tokens.js")) {
      Files.copy(NODE_SOURCES.resolve(file), NODE_DIR.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    // node and npm are required, and npm ci needs the npm registry or its cache
    Subprocess.run(NODE_DIR, "", "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error");
  }

  private static void putIfNotNull(Map<String, Object> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
