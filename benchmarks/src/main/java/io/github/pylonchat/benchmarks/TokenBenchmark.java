package io.github.pylonchat.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.pylonchat.ChatProfile;
import io.github.pylonchat.JwtSecret;
import io.github.pylonchat.JwtSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One identity token for a member, valid for 10 minutes from now: {@link JwtSigner#sign} against
 * the same header ({@code {"alg":"HS256","typ":"JWT"}}) and claims ({@code aud}, {@code email},
 * {@code name}, {@code account_external_id}, {@code iat}, {@code exp}) signed with nimbus-jose-jwt
 * as its documentation shows, its thread-safe {@code MACSigner} kept in a field. Both read the
 * system clock per token. Goal: ours at most 0.5x nimbus-jose-jwt's time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TokenBenchmark {
  /** A JWT secret as Pylon might show it: its text is the key. */
  public static final String JWT_SECRET = "pylon-jwt-Zq8vR2mX7tK4wB9nC3hF6jL1sD5gY0";
  static final Duration LIFETIME = Duration.ofMinutes(10);
  static final ChatProfile PROFILE =
      new ChatProfile("ada.lovelace@example.com", "Ada Lovelace", null, null, "acme-analytical-engines");

  private JwtSigner pylonChat;
  private MACSigner nimbusSigner;
  private JWSHeader nimbusHeader;

  /** Makes both signers once per trial. */
  @Setup
  public void setUp() throws JOSEException {
    pylonChat = JwtSecret.ofText(JWT_SECRET).signer(LayoutPages.APP_ID, LIFETIME, Clock.systemUTC());
    nimbusSigner = new MACSigner(JWT_SECRET.getBytes(StandardCharsets.UTF_8));
    nimbusHeader = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build();
  }

  /** This library: {@code JwtSigner.sign}. */
  @Benchmark
  public String pylonChat() {
    return pylonChat.sign(PROFILE);
  }

  /** nimbus-jose-jwt: a claims set built and signed per token. */
  @Benchmark
  public String nimbus() throws JOSEException {
    long now = System.currentTimeMillis() / 1000 * 1000; // whole seconds, as NumericDate keeps them
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .audience(LayoutPages.APP_ID)
        .claim("email", PROFILE.email())
        .claim("name", PROFILE.name())
        .claim("account_external_id", PROFILE.accountExternalId())
        .issueTime(new Date(now))
        .expirationTime(new Date(now + LIFETIME.toMillis()))
        .build();
    SignedJWT jwt = new SignedJWT(nimbusHeader, claims);
    jwt.sign(nimbusSigner);
    return jwt.serialize();
  }
}
