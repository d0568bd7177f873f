package io.github.pylonchat.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pylon's {@code email_hash} the way its identity-verification page suggests writing it in Java:
 * a new {@code Mac} and key on every call. The "naive" baseline of the hashing and rendering
 * benchmarks; public so that a FreeMarker template can call {@code hmac.of(user.email)}.
 */
public final class NaiveEmailHash {
  private final byte[] key;

  /** A hasher for the hex-decoded identity secret {@code key}. */
  public NaiveEmailHash(byte[] key) {
    this.key = key.clone();
  }

  /** The lowercase hex HMAC-SHA256 of the UTF-8 bytes of {@code email}. */
  public String of(String email) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(email.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }
}
