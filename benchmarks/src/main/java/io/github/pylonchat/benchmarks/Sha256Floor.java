package io.github.pylonchat.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The least SHA-256 work an HMAC-SHA256 of an email needs once the key is fixed: SHA-256 of the
 * email bytes, then SHA-256 of that 32-byte result (for a short email, two compressions, exactly
 * as many as HMAC with pre-computed key states). Same input and output shape as
 * {@code EmailHasher.hash} (UTF-8 encoding, lowercase hex); not an HMAC. The digests are reused,
 * so one instance must stay on one thread (a JMH thread-scoped state).
 */
public final class Sha256Floor {
  private static final HexFormat HEX = HexFormat.of();

  private final MessageDigest inner = sha256();
  private final MessageDigest outer = sha256();

  /** SHA-256(SHA-256(UTF-8 email)) in lowercase hex. */
  public String of(String email) {
    byte[] first = inner.digest(email.getBytes(StandardCharsets.UTF_8));
    return HEX.formatHex(outer.digest(first));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
