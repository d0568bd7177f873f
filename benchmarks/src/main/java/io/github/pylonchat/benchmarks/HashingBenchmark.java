package io.github.pylonchat.benchmarks;

import io.github.pylonchat.EmailHasher;
import io.github.pylonchat.IdentitySecret;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code email_hash} of one email: {@link EmailHasher} against a new {@code Mac} per call (naive)
 * and against two plain SHA-256 digests (the floor). Goals: at least 2x faster than naive, at most
 * 1.5x the floor.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HashingBenchmark {
  /** The secret of Pylon's published test vector. */
  public static final String SECRET_HEX = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

  /** Length of the email in UTF-8 bytes. */
  @Param({"16", "64", "512"})
  public int emailBytes;

  private String email;
  private EmailHasher pylonChat;
  private NaiveEmailHash naive;
  private Sha256Floor floor;

  /** Builds the three hashers once per trial. */
  @Setup
  public void setUp() {
    email = emailOfLength(emailBytes);
    pylonChat = IdentitySecret.ofHex(SECRET_HEX).hasher();
    naive = new NaiveEmailHash(HexFormat.of().parseHex(SECRET_HEX));
    floor = new Sha256Floor();
  }

  /** This library: {@code EmailHasher.hash}. */
  @Benchmark
  public String pylonChat() {
    return pylonChat.hash(email);
  }

  /** {@code Mac.getInstance} and {@code init} on every call. */
  @Benchmark
  public String naive() {
    return naive.of(email);
  }

  /** Two SHA-256 digests with reused {@code MessageDigest}s: what no HMAC can beat. */
  @Benchmark
  public String floor() {
    return floor.of(email);
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
