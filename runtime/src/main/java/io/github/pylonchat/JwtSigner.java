package io.github.pylonchat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

/**
 * Writes the identity tokens of Pylon's "JWT (signed token)" identity verification: compact
 * HS256 JSON Web Tokens, signed with the {@link JwtSecret} through the JDK's
 * {@code javax.crypto.Mac}, that go into {@code chat_settings.jwt}.
 *
 * <p>A token's header is {@code {"alg":"HS256","typ":"JWT"}}; its claims are {@code aud} (the app
 * id), {@code email}, then {@code name}, {@code account_external_id} and
 * {@code contact_external_id} when the profile has them, {@code iat} (now, in whole seconds of the
 * clock) and {@code exp} ({@code iat} plus the lifetime, at most 15 minutes, as Pylon requires).
 * Every string is written by {@link ScriptSafeJson}, so any text gives valid JSON that reads back
 * identical; the parts are base64url without padding. It only signs: it never reads a token except
 * to compare a signature ({@link #signatureMatches}).
 *
 * <p>Immutable and thread-safe; get one from {@link JwtSecret#signer(String)}.
 *
 * <pre>{@code
 * JwtSigner signer = JwtSecret.fromEnvironment().signer(System.getenv("PYLON_APP_ID"));
 * String jwt = signer.sign(ChatProfile.of("ada@example.com", "Ada Lovelace"));
 * }</pre>
 */
public final class JwtSigner {
  /** The lifetime of a token unless another is configured: 10 minutes. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(JwtSigner.DEFAULT_LIFETIME_MINUTES);
  /** The shortest lifetime allowed: 1 minute. */
  public static final Duration MIN_LIFETIME = Duration.ofMinutes(1);
  /** The longest lifetime allowed, as Pylon rejects a token valid for longer: 15 minutes. */
  public static final Duration MAX_LIFETIME = Duration.ofMinutes(15);
  static final int DEFAULT_LIFETIME_MINUTES = 10;

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  /** The one header of every token, base64url encoded. */
  private static final byte[] HEADER = BASE64URL.encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.US_ASCII));
  /** The length of an HS256 signature in base64url without padding (32 bytes). */
  private static final int SIGNATURE_CHARS = 43;

  private final HmacSha256 hmac;
  private final String appId;
  private final Duration lifetime;
  private final Clock clock;
  /** {@code {"aud":"<app id>","email":}: the start of every token's claims. */
  private final String claimsStart;

  JwtSigner(HmacSha256 hmac, String appId, Duration lifetime, Clock clock) {
    this.hmac = hmac;
    this.appId = appId;
    this.lifetime = lifetime;
    this.clock = clock;
    this.claimsStart = "{\"aud\":" + ScriptSafeJson.quote(appId) + ",\"email\":";
  }

  /**
   * {@code lifetime} if it is from 1 to 15 minutes in whole seconds, or an error for the setting
   * {@code tokenLifetime}: the one place the lifetime's rules live.
   */
  static Duration checkedLifetime(Duration lifetime) {
    String setting = "tokenLifetime";
    String fix = "Use a lifetime from 1 to 15 minutes (default " + DEFAULT_LIFETIME_MINUTES + " minutes)";
    if (lifetime == null) {
      throw new ChatConfigurationException(setting, "is null", fix);
    }
    if (lifetime.compareTo(MIN_LIFETIME) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw new ChatConfigurationException(setting, "is " + describe(lifetime) + (lifetime.compareTo(MIN_LIFETIME) < 0
          ? ", shorter than 1 minute: the token could expire before the widget has used it"
          : ", longer than 15 minutes: Pylon rejects a token that is valid for longer"), fix);
    }
    if (lifetime.getNano() != 0) {
      throw new ChatConfigurationException(setting, "is " + describe(lifetime) + ", not a whole number of seconds"
          + " (a token's times are in seconds)", fix);
    }
    return lifetime;
  }

  private static String describe(Duration lifetime) {
    return lifetime.toString().substring(2).toLowerCase(Locale.ROOT); // PT15M30S -> 15m30s
  }

  /**
   * A token for {@code profile}, valid from now for this signer's lifetime. Only the profile's
   * {@code email}, {@code name}, {@code accountExternalId} and {@code contactExternalId} are signed;
   * every claim is exactly the profile's string (an email with an unpaired surrogate never gets this
   * far: {@link ChatProfile} refuses it).
   *
   * @throws IllegalArgumentException if {@code profile} is null
   */
  public String sign(ChatProfile profile) {
    if (profile == null) {
      throw new IllegalArgumentException("the profile is null: there is nobody to sign");
    }
    long issuedAt = clock.instant().getEpochSecond();
    StringBuilder claims = new StringBuilder(claimsStart.length() + 128).append(claimsStart);
    try {
      ScriptSafeJson.appendQuoted(profile.email(), claims);
      ScriptSafeJson.appendField("name", profile.name(), claims);
      ScriptSafeJson.appendField("account_external_id", profile.accountExternalId(), claims);
      ScriptSafeJson.appendField("contact_external_id", profile.contactExternalId(), claims);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    claims.append(",\"iat\":").append(issuedAt).append(",\"exp\":").append(issuedAt + lifetime.getSeconds()).append('}');
    // Printable ASCII only (ScriptSafeJson), so ISO-8859-1 is its UTF-8 and the token's characters.
    byte[] payload = BASE64URL.encode(claims.toString().getBytes(StandardCharsets.ISO_8859_1));
    byte[] token = new byte[HEADER.length + 1 + payload.length + 1 + SIGNATURE_CHARS];
    System.arraycopy(HEADER, 0, token, 0, HEADER.length);
    token[HEADER.length] = '.';
    System.arraycopy(payload, 0, token, HEADER.length + 1, payload.length);
    int signed = HEADER.length + 1 + payload.length;
    byte[] signature = BASE64URL.encode(hmac.mac(token, signed));
    token[signed] = '.';
    System.arraycopy(signature, 0, token, signed + 1, signature.length);
    return new String(token, StandardCharsets.ISO_8859_1);
  }

  /**
   * Whether {@code token}'s signature is this secret's HS256 signature of its header and claims,
   * compared in constant time. Reads nothing else: neither the algorithm, the audience nor the
   * times are checked, so this explains a token (as the command line's {@code decode} does) and
   * never accepts one.
   *
   * @return false for anything else, such as a text that is not three parts separated by dots
   */
  public boolean signatureMatches(String token) {
    int first = token == null ? -1 : token.indexOf('.');
    int last = token == null ? -1 : token.lastIndexOf('.');
    if (first < 0 || first == last || token.indexOf('.', first + 1) != last) {
      return false;
    }
    String signingInput = token.substring(0, last);
    if (!signingInput.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      return false; // not ASCII, so not base64url: no token
    }
    // Compared as text: only the canonical base64url form of the right signature matches.
    byte[] expected = BASE64URL.encode(hmac.mac(signingInput.getBytes(StandardCharsets.US_ASCII)));
    return MessageDigest.isEqual(expected, token.substring(last + 1).getBytes(StandardCharsets.UTF_8));
  }

  /** The app id every token is for ({@code aud}). */
  public String appId() {
    return appId;
  }

  /** How long each token is valid ({@code exp - iat}). */
  public Duration lifetime() {
    return lifetime;
  }

  /** Never shows key material. */
  @Override
  public String toString() {
    return "JwtSigner[HS256 for app " + appId + ", lifetime " + describe(lifetime) + ", " + hmac + "]";
  }
}
