package io.github.pylonchat;

import java.util.HexFormat;

/**
 * Pylon's identity-verification secret: the hex string shown once in Pylon's in-app chat
 * settings, decoded to the bytes that key the HMAC.
 *
 * <p>Surrounding whitespace (such as the trailing newline of a secrets file) is ignored. An
 * empty value, a character other than the ASCII hex digits {@code 0-9 a-f A-F}, an odd number of
 * hex digits, or fewer than 32 of them (16 bytes; Pylon's secrets have 64) is rejected with a
 * {@link ChatConfigurationException} whose message says what is wrong without repeating any
 * character of the secret. {@link #toString()} is redacted.
 *
 * <pre>{@code
 * IdentitySecret secret = IdentitySecret.fromEnvironment();   // PYLON_IDENTITY_SECRET or ..._FILE
 * EmailHasher hasher = secret.hasher();
 * String emailHash = hasher.hash("user@example.com");
 * }</pre>
 */
public final class IdentitySecret {
  /** Environment variable holding the hex secret itself. */
  public static final String ENV_SECRET = "PYLON_IDENTITY_SECRET";
  /** Environment variable holding the path of a file that contains the hex secret. */
  public static final String ENV_SECRET_FILE = "PYLON_IDENTITY_SECRET_FILE";

  /** Pylon's secrets are 32 bytes; anything under 16 was cut off or is not one. */
  private static final int MIN_BYTES = 16;
  private static final String HOW_TO_GET =
      "Copy the identity secret from Pylon's in-app chat settings (a hex string such as 3f9a...)";

  private final byte[] key;

  private IdentitySecret(byte[] key) {
    this.key = key;
  }

  /**
   * Parses a hex secret. Errors name the setting {@code identity secret}; a caller that read the
   * value from a setting of its own relabels them with {@link ChatConfigurationException#withSetting}.
   *
   * @param hex the secret as Pylon shows it; surrounding whitespace is ignored
   * @throws ChatConfigurationException if it is null, empty, not ASCII hex, of odd length or
   *     shorter than 32 hex digits
   */
  public static IdentitySecret ofHex(CharSequence hex) {
    String setting = "identity secret";
    if (hex == null) {
      throw new ChatConfigurationException(setting, "is not set", HOW_TO_GET);
    }
    String text = hex.toString().strip();
    if (text.isEmpty()) {
      throw new ChatConfigurationException(setting, "is empty", HOW_TO_GET);
    }
    for (int i = 0; i < text.length(); i++) {
      if (!HexFormat.isHexDigit(text.charAt(i))) { // ASCII only, unlike Character.digit
        throw new ChatConfigurationException(
            setting,
            "is not a hex string: the character at position " + (i + 1) + " is not 0-9 or a-f",
            "Use the secret exactly as Pylon shows it, without quotes, a 0x prefix or spaces inside");
      }
    }
    if (text.length() % 2 != 0) {
      throw new ChatConfigurationException(
          setting,
          "has an odd number of hex digits (" + text.length() + "), so it cannot be decoded to bytes",
          "The secret was probably cut off when copied; copy it again from Pylon's in-app chat settings");
    }
    if (text.length() < 2 * MIN_BYTES) {
      throw new ChatConfigurationException(
          setting,
          "has only " + text.length() + " hex digits, too few for Pylon's identity secret (at least "
              + 2 * MIN_BYTES + ", that is " + MIN_BYTES + " bytes)",
          "The secret was probably cut off, or it is another value; copy the whole identity secret from"
              + " Pylon's in-app chat settings");
    }
    return new IdentitySecret(HexFormat.of().parseHex(text));
  }

  /**
   * Reads the secret from {@code PYLON_IDENTITY_SECRET} or from the file named by
   * {@code PYLON_IDENTITY_SECRET_FILE}; short for {@code ChatEnvironment.system().identitySecret()}.
   *
   * @throws ChatConfigurationException if neither or both are set, the file cannot be read,
   *     or the secret is malformed
   * @see ChatEnvironment
   */
  public static IdentitySecret fromEnvironment() {
    return ChatEnvironment.system().identitySecret();
  }

  /** The hasher for this secret; cheap to keep and share between threads. */
  public EmailHasher hasher() {
    return new EmailHasher(new HmacSha256(key));
  }

  /** Redacted: never shows the secret. */
  @Override
  public String toString() {
    return "IdentitySecret[redacted]";
  }
}
