package io.github.pylonchat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Computes Pylon's {@code email_hash}: the lowercase hex HMAC-SHA256 of the UTF-8 bytes of the
 * email, keyed with the hex-decoded identity secret.
 *
 * <p>Immutable and thread-safe. The HMAC inner and outer key states are computed once, when the
 * hasher is made; each call clones them, so a short email costs the two SHA-256 compressions an
 * HMAC cannot avoid and no {@code Mac.getInstance} lookup. Obtain one from
 * {@link IdentitySecret#hasher()}.
 *
 * <pre>{@code
 * EmailHasher hasher = IdentitySecret.fromEnvironment().hasher();
 * String emailHash = hasher.hash(user.getEmail());
 * boolean ok = hasher.verify("user@example.com", hashFromALog);
 * }</pre>
 */
public final class EmailHasher {
  private static final int BLOCK_SIZE = 64; // SHA-256 block size in bytes (RFC 2104 "B")
  private static final int HASH_SIZE = 32;
  private static final HexFormat HEX = HexFormat.of();

  private final MessageDigest innerState;
  private final MessageDigest outerState;

  EmailHasher(byte[] secretKey) {
    MessageDigest sha256 = newSha256();
    byte[] key = secretKey.length > BLOCK_SIZE ? sha256.digest(secretKey) : secretKey;
    byte[] innerPad = new byte[BLOCK_SIZE];
    byte[] outerPad = new byte[BLOCK_SIZE];
    for (int i = 0; i < BLOCK_SIZE; i++) {
      byte k = i < key.length ? key[i] : 0;
      innerPad[i] = (byte) (k ^ 0x36);
      outerPad[i] = (byte) (k ^ 0x5c);
    }
    innerState = newSha256();
    innerState.update(innerPad);
    outerState = newSha256();
    outerState.update(outerPad);
    Arrays.fill(innerPad, (byte) 0);
    Arrays.fill(outerPad, (byte) 0);
  }

  /**
   * Returns the 64-character lowercase hex {@code email_hash} of exactly this string (no
   * trimming or case folding: send the same string as {@code chat_settings.email}).
   *
   * @throws IllegalArgumentException if the email is null or blank
   */
  public String hash(String email) {
    return HEX.formatHex(mac(email));
  }

  /**
   * Whether {@code hash} is the {@code email_hash} of {@code email}, compared in constant time.
   * Upper-case hex is accepted; anything that is not 64 hex digits is simply not a match.
   *
   * @throws IllegalArgumentException if the email is null or blank
   */
  public boolean verify(String email, String hash) {
    byte[] expected = mac(email);
    if (hash == null || hash.length() != 2 * HASH_SIZE) {
      return false;
    }
    byte[] given;
    try {
      given = HEX.parseHex(hash);
    } catch (IllegalArgumentException notHex) {
      return false;
    }
    return MessageDigest.isEqual(expected, given);
  }

  private byte[] mac(String email) {
    if (email == null || email.isBlank()) {
      throw new IllegalArgumentException("email must not be null or blank: there is nothing to sign");
    }
    MessageDigest inner = copy(innerState);
    byte[] innerHash = inner.digest(email.getBytes(StandardCharsets.UTF_8));
    MessageDigest outer = copy(outerState);
    return outer.digest(innerHash);
  }

  private static MessageDigest copy(MessageDigest state) {
    try {
      return (MessageDigest) state.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 cannot be cloned", e);
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** Never shows key material. */
  @Override
  public String toString() {
    return "EmailHasher[HMAC-SHA256, key redacted]";
  }
}
