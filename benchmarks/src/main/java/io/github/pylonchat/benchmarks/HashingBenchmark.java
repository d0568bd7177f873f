package io.github.pylonchat.benchmarks;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import io.github.pylonchat.EmailHasher;
import io.github.pylonchat.IdentitySecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code email_hash} of one email: {@link EmailHasher} against what users would write instead,
 * each thread-safe as a shared hasher must be and each returning lowercase hex of the UTF-8
 * email's HMAC-SHA256:
 *
 * <ul>
 *   <li>{@code macPerCall}: {@code Mac.getInstance} and {@code init} on every call (what Pylon's
 *       page suggests, written in Java);
 *   <li>{@code threadLocalMac}: one initialised {@code Mac} per thread in a {@code ThreadLocal}
 *       (fast, but it leaks the class loader on redeploy, which the runtime rules out);
 *   <li>{@code guava}: {@code Hashing.hmacSha256(key)} kept in a field (it is immutable), then
 *       {@code hashString(email, UTF_8)} per call;
 *   <li>{@code commonsCodec}: {@code new HmacUtils(HMAC_SHA_256, key).hmacHex(email)} per call
 *       ({@code HmacUtils} holds one {@code Mac}, so it cannot be shared between threads).
 * </ul>
 *
 * <p>And the {@code floor}: two plain SHA-256 digests, the work no HMAC can avoid. Goals: ours at
 * least as fast as the fastest alternative, at least 2x faster than {@code macPerCall}, at most
 * 1.5x the floor.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HashingBenchmark {
  /**
   * The secret of Pylon's published test vector (32 bytes, the size of Pylon's secrets), so that
   * {@code BenchmarkVariantsTest} can check every variant against Pylon's known answer.
   */
  public static final String SECRET_HEX = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] KEY = HEX.parseHex(SECRET_HEX);
  /** Static, as such a field usually is: one {@code Mac} per thread that ever hashed. */
  private static final ThreadLocal<Mac> THREAD_MAC = ThreadLocal.withInitial(HashingBenchmark::initialisedMac);

  /** Length of the email in UTF-8 bytes. */
  @Param({"16", "64", "512"})
  public int emailBytes;

  private String email;
  private EmailHasher pylonChat;
  private NaiveEmailHash macPerCall;
  private HashFunction guava;
  private Sha256Floor floor;

  /** Builds the hashers once per trial. */
  @Setup
  public void setUp() {
    email = emailOfLength(emailBytes);
    pylonChat = IdentitySecret.ofHex(SECRET_HEX).hasher();
    macPerCall = new NaiveEmailHash(KEY);
    guava = Hashing.hmacSha256(KEY);
    floor = new Sha256Floor();
  }

  /** This library: {@code EmailHasher.hash}. */
  @Benchmark
  public String pylonChat() {
    return pylonChat.hash(email);
  }

  /** {@code Mac.getInstance} and {@code init} on every call. */
  @Benchmark
  public String macPerCall() {
    return macPerCall.of(email);
  }

  /** One initialised {@code Mac} per thread, reused. */
  @Benchmark
  public String threadLocalMac() {
    return HEX.formatHex(THREAD_MAC.get().doFinal(email.getBytes(StandardCharsets.UTF_8)));
  }

  /** Guava's HMAC hash function. */
  @Benchmark
  public String guava() {
    return guava.hashString(email, StandardCharsets.UTF_8).toString();
  }

  /** commons-codec's {@code HmacUtils}, made per call. */
  @Benchmark
  public String commonsCodec() {
    return new HmacUtils(HmacAlgorithms.HMAC_SHA_256, KEY).hmacHex(email);
  }

  /** Two SHA-256 digests with reused {@code MessageDigest}s: what no HMAC can beat. */
  @Benchmark
  public String floor() {
    return floor.of(email);
  }

  private static Mac initialisedMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }

  /**
   * An ASCII email of exactly {@code length} bytes ({@code user@example.com} for 16), at least 14.
   */
  public static String emailOfLength(int length) {
    String domain = "@example.com";
    if (length < domain.length() + 2) {
      throw new IllegalArgumentException("an email needs at least " + (domain.length() + 2) + " bytes");
    }
    String local = "user".repeat(length);
    return local.substring(0, length - domain.length()) + domain;
  }
}
