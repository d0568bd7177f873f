package io.github.pylonchat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Computes Pylon's {@code email_hash}: the lowercase hex HMAC-SHA256 of the UTF-8 bytes of the
 * email, keyed with the hex-decoded identity secret.
 *
 * <p>The HMAC is the JDK's {@code javax.crypto.Mac} ({@code HmacSHA256}) from the configured
 * security providers, so a FIPS provider placed first does the work. Immutable and thread-safe:
 * one {@code Mac} is initialised with the key when the hasher is made and never used itself;
 * each call hashes with a clone of it, so no {@code Mac.getInstance} lookup, key set-up or lock
 * is on the per-call path. When the provider's {@code Mac} cannot be cloned, each call gets a new
 * one from that same provider. Obtain a hasher from {@link IdentitySecret#hasher()}.
 *
 * <pre>{@code
 * EmailHasher hasher = IdentitySecret.fromEnvironment().hasher();
 * String emailHash = hasher.hash(user.getEmail());
 * boolean ok = hasher.verify("user@example.com", hashFromALog);
 * }</pre>
 */
public final class EmailHasher {
  private static final int HASH_SIZE = 32;
  private static final HexFormat HEX = HexFormat.of();
  /** Why an email with a lone surrogate is refused; never quotes the email. */
  static final String UNPAIRED_SURROGATE = "contains an unpaired surrogate (half of a UTF-16 surrogate pair,"
      + " which has no UTF-8 form), so it cannot be signed exactly as it is shown: fix where the email is read"
      + " or stored";

  private final HmacSha256 hmac;

  EmailHasher(HmacSha256 hmac) {
    this.hmac = hmac;
  }

  /**
   * Returns the 64-character lowercase hex {@code email_hash} of exactly this string (no
   * trimming or case folding: send the same string as {@code chat_settings.email}).
   *
   * @throws IllegalArgumentException if the email is null or blank, or has an unpaired surrogate
   *     (it has no UTF-8 form)
   */
  public String hash(String email) {
    return HEX.formatHex(mac(email));
  }

  /**
   * Whether {@code hash} is the {@code email_hash} of {@code email}, compared in constant time.
   * Upper-case hex is accepted; anything that is not 64 hex digits is simply not a match.
   *
   * @throws IllegalArgumentException if the email is null or blank, or has an unpaired surrogate
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
    if (hasUnpairedSurrogate(email)) {
      throw new IllegalArgumentException("the email " + UNPAIRED_SURROGATE);
    }
    return hmac.mac(email.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether {@code text} has a surrogate that is not half of a pair. {@code String.getBytes} writes
   * {@code ?} for it, so {@code "a\\ud800@x"} and {@code "a?@x"} would share a hash while the page shows
   * them apart: such an email is refused, never repaired.
   */
  static boolean hasUnpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isLowSurrogate(c) || ++i == text.length() || !Character.isLowSurrogate(text.charAt(i))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Never shows key material. */
  @Override
  public String toString() {
    return "EmailHasher[" + hmac + "]";
  }
}
