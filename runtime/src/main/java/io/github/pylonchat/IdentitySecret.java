package io.github.pylonchat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Pylon's identity-verification secret: the hex string shown once in Pylon's in-app chat
 * settings, decoded to the bytes that key the HMAC.
 *
 * <p>Surrounding whitespace (such as the trailing newline of a secrets file) is ignored. An
 * empty value, an odd number of hex digits or a character that is not a hex digit is rejected
 * with a {@link ChatConfigurationException} whose message says what is wrong without repeating
 * any character of the secret. {@link #toString()} is redacted.
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

  private static final String HOW_TO_GET =
      "Copy the identity secret from Pylon's in-app chat settings (a hex string such as 3f9a...)";

  private final byte[] key;

  private IdentitySecret(byte[] key) {
    this.key = key;
  }

  /**
   * Parses a hex secret.
   *
   * @param hex the secret as Pylon shows it; surrounding whitespace is ignored
   * @throws ChatConfigurationException if it is null, empty, of odd length or not hex
   */
  public static IdentitySecret ofHex(CharSequence hex) {
    return ofHex(hex, "identity secret");
  }

  /**
   * Parses a hex secret, naming {@code setting} (for example {@code PYLON_IDENTITY_SECRET} or
   * {@code pylon.chat.identity-secret}) in the error message.
   *
   * @throws ChatConfigurationException if it is null, empty, of odd length or not hex
   */
  public static IdentitySecret ofHex(CharSequence hex, String setting) {
    if (hex == null) {
      throw new ChatConfigurationException(setting, "is not set", HOW_TO_GET);
    }
    String text = hex.toString().strip();
    if (text.isEmpty()) {
      throw new ChatConfigurationException(setting, "is empty", HOW_TO_GET);
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
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
    byte[] key = new byte[text.length() / 2];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (Character.digit(text.charAt(2 * i), 16) << 4 | Character.digit(text.charAt(2 * i + 1), 16));
    }
    return new IdentitySecret(key);
  }

  /**
   * Reads the secret from {@code PYLON_IDENTITY_SECRET} or from the file named by
   * {@code PYLON_IDENTITY_SECRET_FILE}.
   *
   * @throws ChatConfigurationException if neither or both are set, the file cannot be read,
   *     or the secret is malformed
   */
  public static IdentitySecret fromEnvironment() {
    return fromEnvironment(System.getenv())
        .orElseThrow(() -> new ChatConfigurationException(
            ENV_SECRET,
            "is not set (nor " + ENV_SECRET_FILE + ")",
            "Set " + ENV_SECRET + " to the hex identity secret from Pylon's in-app chat settings, or "
                + ENV_SECRET_FILE + " to the path of a file that contains it"));
  }

  /**
   * Reads the secret from the given environment, if one of the two variables is set.
   *
   * @return empty when neither {@code PYLON_IDENTITY_SECRET} nor {@code PYLON_IDENTITY_SECRET_FILE}
   *     is set (or both are blank)
   * @throws ChatConfigurationException if both are set, the file cannot be read, or the secret
   *     is malformed
   */
  public static Optional<IdentitySecret> fromEnvironment(Map<String, String> env) {
    String value = env.get(ENV_SECRET);
    String file = env.get(ENV_SECRET_FILE);
    boolean hasValue = value != null && !value.isBlank();
    boolean hasFile = file != null && !file.isBlank();
    if (hasValue && hasFile) {
      throw new ChatConfigurationException(
          ENV_SECRET + " and " + ENV_SECRET_FILE,
          "are both set",
          "Set only one of them, so it is clear which secret is used");
    }
    if (hasValue) {
      return Optional.of(ofHex(value, ENV_SECRET));
    }
    if (hasFile) {
      return Optional.of(fromFile(Path.of(file.strip()), ENV_SECRET_FILE));
    }
    return Optional.empty();
  }

  /**
   * Reads the secret from a file (for example a Docker or Kubernetes secret mount).
   *
   * @param setting the setting that named the file, for error messages
   * @throws ChatConfigurationException if the file cannot be read or holds a malformed secret
   */
  public static IdentitySecret fromFile(Path file, String setting) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new ChatConfigurationException(
          setting,
          "names the file " + file + ", which cannot be read (" + e.getClass().getSimpleName() + ")",
          "Point it at a readable file that contains only the hex identity secret");
    }
    return ofHex(text, setting + " (file " + file + ")");
  }

  /** The hasher for this secret; cheap to keep and share between threads. */
  public EmailHasher hasher() {
    return new EmailHasher(key);
  }

  /** Redacted: never shows the secret. */
  @Override
  public String toString() {
    return "IdentitySecret[redacted]";
  }
}
