package io.github.pylonchat.cli;

import io.github.pylonchat.JwtSigner;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line's {@code decode}: reads a token's header and claims (strictly, with
 * {@link StrictJson}), and checks what Pylon checks, so a developer can see why a chat is not
 * verified: the algorithm (HS256 only), no {@code crit} header (no extension is understood), the
 * signature with the configured JWT secret, {@code aud} (or one of its entries) against the app id,
 * {@code email}, {@code iat}, {@code nbf} (if present) and {@code exp} against the clock, and the
 * lifetime against Pylon's 15 minutes. A time that is not whole seconds from 1970 to 9999 is one
 * failed check, never an exception.
 */
final class TokenReport {
  /** How far a token's {@code iat} may lie in the future: clocks of two machines differ a little. */
  static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
  /** The last second of the year 9999: times after it are not a token's. */
  private static final long LATEST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

  /** A compact JWS split and read: the header and claims objects. */
  record Decoded(Map<String, Object> header, Map<String, Object> claims) {}

  private final PrintStream out;
  private int problems;

  private TokenReport(PrintStream out) {
    this.out = out;
  }

  /**
   * Splits {@code token} into its three parts, base64url-decodes the first two (strictly: no padding,
   * no other alphabet, no spare bits), and reads each as one UTF-8 JSON object.
   *
   * @throws StrictJson.Malformed saying which part is not what a token has
   */
  static Decoded decode(String token) throws StrictJson.Malformed {
    String[] parts = token.strip().split("\\.", -1);
    if (parts.length != 3) {
      throw new StrictJson.Malformed("a token has three parts separated by dots, this has " + parts.length);
    }
    return new Decoded(object("header", parts[0]), object("claims", parts[1]));
  }

  private static Map<String, Object> object(String part, String base64url) throws StrictJson.Malformed {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(base64url);
    } catch (IllegalArgumentException e) {
      throw new StrictJson.Malformed("the " + part + " are not base64url");
    }
    if (base64url.isEmpty() || !Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(base64url)) {
      throw new StrictJson.Malformed("the " + part + " are not base64url without padding");
    }
    String json;
    try {
      json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new StrictJson.Malformed("the " + part + " are not UTF-8 text");
    }
    Object value;
    try {
      value = StrictJson.parse(json);
    } catch (StrictJson.Malformed e) {
      throw new StrictJson.Malformed("the " + part + " are not JSON: " + e.getMessage());
    }
    if (!(value instanceof Map<?, ?>)) {
      throw new StrictJson.Malformed("the " + part + " are not a JSON object");
    }
    @SuppressWarnings("unchecked") // StrictJson's objects have String names
    Map<String, Object> object = (Map<String, Object>) value;
    return object;
  }

  /** Prints the header and the claims, each as one line of JSON in printable ASCII. */
  static void print(Decoded decoded, PrintStream out) {
    out.println("header    " + StrictJson.write(decoded.header()));
    out.println("claims    " + StrictJson.write(decoded.claims()));
  }

  /**
   * Whether {@code decoded.header()}'s {@code alg} is HS256, the only algorithm checked; if not,
   * prints why.
   */
  static boolean isHs256(Decoded decoded, PrintStream out) {
    Object alg = decoded.header().get("alg");
    if ("HS256".equals(alg)) {
      return true;
    }
    out.println("alg       FAIL  " + (alg == null ? "is missing" : "is " + StrictJson.write(alg))
        + ": Pylon's identity tokens are HS256, the only algorithm this tool checks");
    return false;
  }

  /**
   * Checks an HS256 token as Pylon would, printing one line per check; returns whether every check
   * passed.
   */
  static boolean check(String token, Decoded decoded, JwtSigner signer, Instant now, PrintStream out) {
    TokenReport report = new TokenReport(out);
    Map<String, Object> claims = decoded.claims();
    report.line("alg", true, "HS256");
    Object crit = decoded.header().get("crit");
    if (crit != null) {
      // RFC 7515, 4.1.11: a recipient that does not understand every listed extension must reject the token
      report.line("crit", false, "is " + StrictJson.write(crit) + ": the token requires header extensions that"
          + " Pylon's identity tokens do not use, so it is rejected");
    }
    boolean signed = signer.signatureMatches(token.strip());
    report.line("signature", signed, signed
        ? "verifies with the configured JWT secret (used as given)"
        : "does not verify with the configured JWT secret: the token was signed with another secret (the email"
            + " hash's identity secret, or the JWT secret hex-decoded?) or changed after signing");
    Object aud = claims.get("aud");
    // RFC 7519, 4.1.3: one audience as a string, or several as an array of strings
    boolean isAppId = signer.appId().equals(aud);
    boolean forThisApp = isAppId || aud instanceof List<?> audiences && audiences.contains(signer.appId());
    report.line("aud", forThisApp, aud == null ? "is missing: it must be the app id " + signer.appId()
        : isAppId ? "is the app id" : forThisApp ? "includes the app id"
        : "is " + StrictJson.write(aud) + ", not the app id " + signer.appId());
    Object email = claims.get("email");
    boolean hasEmail = email instanceof String text && !text.isBlank();
    report.line("email", hasEmail, hasEmail ? "is present" : email == null ? "is missing: Pylon requires it"
        : "is " + StrictJson.write(email) + ", not an email");
    Long iat = seconds(claims, "iat", true, report);
    Long exp = seconds(claims, "exp", true, report);
    Long nbf = seconds(claims, "nbf", false, report);
    if (iat != null) {
      report.notAhead("iat", iat, now, "the signing server's clock is ahead");
    }
    if (nbf != null) {
      report.notAhead("nbf", nbf, now, "Pylon does not accept the token before then");
    }
    if (exp != null) {
      long left = exp - now.getEpochSecond();
      report.line("exp", left > 0, Instant.ofEpochSecond(exp)
          + (left > 0 ? ", in " + describe(left) : ", expired " + describe(-left) + " ago"));
    }
    if (iat != null && exp != null) {
      long lifetime = exp - iat;
      report.line("lifetime", lifetime > 0 && lifetime <= JwtSigner.MAX_LIFETIME.getSeconds(), lifetime <= 0
          ? "exp is not after iat"
          : describe(lifetime) + " (exp - iat)" + (lifetime <= JwtSigner.MAX_LIFETIME.getSeconds() ? ", at most "
              : ", longer than Pylon's limit of ") + describe(JwtSigner.MAX_LIFETIME.getSeconds()));
    }
    if (report.problems == 0) {
      out.println("acceptable: Pylon can verify this token now");
    } else {
      out.println("NOT acceptable (" + report.problems + (report.problems == 1 ? " problem" : " problems")
          + "): Pylon does not verify this chat's identity");
    }
    return report.problems == 0;
  }

  /** Checks that the time {@code check} lies no further ahead of {@code now} than the clock skew. */
  private void notAhead(String check, long seconds, Instant now, String whyNot) {
    long ahead = seconds - now.getEpochSecond();
    long skew = CLOCK_SKEW.getSeconds();
    line(check, ahead <= skew, Instant.ofEpochSecond(seconds) + (ahead > skew
        ? ", " + describe(ahead) + " in the future: " + whyNot + " (allowed: " + describe(skew) + ")"
        : ahead > 0 ? ", " + describe(ahead) + " ahead, within the allowed " + describe(skew)
        : ", " + describe(-ahead) + " ago"));
  }

  /**
   * The claim {@code name} as whole seconds from 1970 to 9999 (which every clock and
   * {@link Instant} can show), or null: after printing why, unless an optional claim is absent.
   */
  private static Long seconds(Map<String, Object> claims, String name, boolean required, TokenReport report) {
    Object value = claims.get(name);
    if (value == null) {
      if (required) {
        report.line(name, false, "is missing: Pylon requires it");
      }
      return null;
    }
    if (!(value instanceof StrictJson.JsonNumber number) || !number.text().matches("-?[0-9]+")) {
      report.line(name, false, "is " + StrictJson.write(value) + ", not a whole number of seconds since 1970");
      return null;
    }
    Long seconds = number.asLong();
    if (seconds == null || seconds < 0 || seconds > LATEST) {
      report.line(name, false, "is " + number.text() + ", out of range: not a time from 1970 to 9999");
      return null;
    }
    return seconds;
  }

  private void line(String check, boolean ok, String text) {
    if (!ok) {
      problems++;
    }
    out.println(String.format(Locale.ROOT, "%-9s %-5s %s", check, ok ? "ok" : "FAIL", text));
  }

  /** {@code seconds} as {@code 1h2m3s}, {@code 10m} or {@code 42s}. */
  static String describe(long seconds) {
    return Duration.ofSeconds(seconds).toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
