package io.github.pylonchat;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 with one key, through the JDK's {@code javax.crypto.Mac} from the configured security
 * providers (a FIPS provider placed first does the work): the one place the library makes MACs, for
 * {@link EmailHasher} and {@link JwtSigner}.
 *
 * <p>Immutable and thread-safe: one {@code Mac} is initialised with the key when this is made and
 * never used itself; each call works on a clone of it, so no {@code Mac.getInstance} lookup, key
 * set-up or lock is on the per-call path. When the provider's {@code Mac} cannot be cloned, each call
 * gets a new one from that same provider.
 */
final class HmacSha256 {
  static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final Provider provider;
  /** Initialised and only ever cloned; null when the provider's Mac is not cloneable. */
  private final Mac prototype;

  HmacSha256(byte[] key) {
    this(key, newMac());
  }

  /** For tests: MACs with {@code uninitialised}'s provider (an uninitialised {@code HmacSHA256} Mac). */
  HmacSha256(byte[] key, Mac uninitialised) {
    this.key = new SecretKeySpec(key, ALGORITHM);
    init(uninitialised, this.key);
    // A provider is chosen when the Mac is initialised: keep that one for the fallback too.
    provider = uninitialised.getProvider();
    // A zero-length update makes SunJCE absorb the key's inner pad block now, once, instead of
    // in every call; for any provider it leaves the HMAC's result unchanged.
    uninitialised.update(new byte[0]);
    prototype = isCloneable(uninitialised) ? uninitialised : null;
  }

  /** The 32-byte HMAC of {@code message}. */
  byte[] mac(byte[] message) {
    return freshMac().doFinal(message);
  }

  /** The 32-byte HMAC of the first {@code length} bytes of {@code message}. */
  byte[] mac(byte[] message, int length) {
    Mac mac = freshMac();
    mac.update(message, 0, length);
    return mac.doFinal();
  }

  /** A Mac for this call only: never shared between threads. */
  private Mac freshMac() {
    if (prototype != null) {
      try {
        return (Mac) prototype.clone();
      } catch (CloneNotSupportedException e) {
        throw new IllegalStateException("the " + ALGORITHM + " Mac of " + provider.getName()
            + " was cloneable and is not any more", e);
      }
    }
    try {
      Mac mac = Mac.getInstance(ALGORITHM, provider);
      init(mac, key);
      return mac;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(provider.getName() + " no longer offers " + ALGORITHM, e);
    }
  }

  private static boolean isCloneable(Mac mac) {
    try {
      mac.clone();
      return true;
    } catch (CloneNotSupportedException e) {
      return false;
    }
  }

  private static void init(Mac mac, SecretKeySpec key) {
    try {
      mac.init(key);
    } catch (InvalidKeyException e) {
      // The message names the provider, never the key.
      throw new IllegalStateException(mac.getProvider() + " refuses an " + ALGORITHM + " key of "
          + key.getEncoded().length + " bytes", e);
    }
  }

  private static Mac newMac() {
    try {
      return Mac.getInstance(ALGORITHM);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is required by every Java platform", e);
    }
  }

  /** Never shows key material. */
  @Override
  public String toString() {
    return ALGORITHM + " from " + provider.getName() + ", key redacted";
  }
}
