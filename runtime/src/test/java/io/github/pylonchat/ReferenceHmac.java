package io.github.pylonchat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pylon's {@code email_hash} computed independently of {@link EmailHasher}, with the JDK's
 * {@code javax.crypto.Mac}, to check what the widget renders.
 */
final class ReferenceHmac {
  /** The secret of the test vector in Pylon's reference notes. */
  static final String SECRET_HEX = EmailHasherTest.VECTOR_SECRET;

  private ReferenceHmac() {}

  static String emailHash(String secretHex, String email) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(HexFormat.of().parseHex(secretHex), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(email.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  static String emailHash(String email) {
    return emailHash(SECRET_HEX, email);
  }
}
