package io.github.pylonchat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Pylon's JWT secret: the secret shown in Pylon's in-app chat settings when "JWT (signed token)" is
 * the kind of Identity Verification Secret. Unlike the hex {@link IdentitySecret}, it is used as
 * given: the UTF-8 bytes of its text are the HS256 key; it is never hex-decoded.
 *
 * <p>Surrounding whitespace (such as the trailing newline of a secrets file) is ignored. An empty
 * value, a control character, an unpaired surrogate (no UTF-8 form), or fewer than 32 UTF-8 bytes
 * (the 256 bits RFC 7518 requires of an HS256 key) is rejected with a
 * {@link ChatConfigurationException} whose message says what is wrong without repeating any
 * character of the secret. {@link #toString()} is redacted.
 *
 * <pre>{@code
 * JwtSecret secret = JwtSecret.fromEnvironment();   // PYLON_IDENTITY_SECRET or ..._FILE, read as text
 * JwtSigner signer = secret.signer(appId);          // tokens valid for 10 minutes
 * String jwt = signer.sign(ChatProfile.of("ada@example.com", "Ada Lovelace"));
 * }</pre>
 */
public final class JwtSecret {
  /** RFC 7518, section 3.2: an HS256 key has at least as many bits as the hash, 256. */
  static final int MIN_BYTES = 32;
  private static final String WHERE = "from Pylon's in-app chat settings (Identity Verification Secret, the"
      + " \"JWT (signed token)\" option)";
  private static final String HOW_TO_GET = "Copy the JWT secret " + WHERE;

  private final byte[] key;

  private JwtSecret(byte[] key) {
    this.key = key;
  }

  /**
   * The secret as Pylon shows it. Errors name the setting {@code JWT secret}; a caller that read the
   * value from a setting of its own relabels them with {@link ChatConfigurationException#withSetting}.
   *
   * @param text the secret's text; surrounding whitespace is ignored
   * @throws ChatConfigurationException if it is null or empty, has a control character or an
   *     unpaired surrogate, or is shorter than 32 bytes in UTF-8
   */
  public static JwtSecret ofText(CharSequence text) {
    String setting = "JWT secret";
    if (text == null) {
      throw new ChatConfigurationException(setting, "is not set", HOW_TO_GET);
    }
    String secret = text.toString().strip();
    if (secret.isEmpty()) {
      throw new ChatConfigurationException(setting, "is empty", HOW_TO_GET);
    }
    for (int i = 0; i < secret.length(); i++) {
      if (Character.isISOControl(secret.charAt(i))) {
        throw new ChatConfigurationException(setting,
            "has a control character (such as a line break) at position " + (i + 1),
            "Use the secret exactly as Pylon shows it, on one line; a secrets file holds only the secret");
      }
    }
    if (EmailHasher.hasUnpairedSurrogate(secret)) {
      throw new ChatConfigurationException(setting,
          "has an unpaired surrogate (half of a UTF-16 surrogate pair), which has no UTF-8 form", HOW_TO_GET);
    }
    byte[] key = secret.getBytes(StandardCharsets.UTF_8);
    if (key.length < MIN_BYTES) {
      throw new ChatConfigurationException(setting,
          "has only " + key.length + " bytes, too few for an HS256 key (RFC 7518 requires at least " + MIN_BYTES
              + ", that is 256 bits)",
          "The secret was probably cut off, or it is another value; copy the whole JWT secret " + WHERE);
    }
    return new JwtSecret(key);
  }

  /**
   * Reads the secret from {@code PYLON_IDENTITY_SECRET} or from the file named by
   * {@code PYLON_IDENTITY_SECRET_FILE}, as text; short for {@code ChatEnvironment.system().jwtSecret()}.
   *
   * @throws ChatConfigurationException if neither or both are set, the file cannot be read, or the
   *     secret is malformed
   * @see ChatEnvironment
   */
  public static JwtSecret fromEnvironment() {
    return ChatEnvironment.system().jwtSecret();
  }

  /**
   * A signer of tokens for the widget {@code appId}, valid for
   * {@linkplain JwtSigner#DEFAULT_LIFETIME 10 minutes} from the system clock's now.
   *
   * @throws ChatConfigurationException if {@code appId} is not a Pylon app id
   */
  public JwtSigner signer(String appId) {
    return signer(appId, JwtSigner.DEFAULT_LIFETIME, Clock.systemUTC());
  }

  /**
   * A signer of tokens for the widget {@code appId}, each valid for {@code lifetime} from
   * {@code clock}'s now.
   *
   * <pre>{@code
   * JwtSigner signer = secret.signer(appId, Duration.ofMinutes(5), Clock.systemUTC());
   * }</pre>
   *
   * @param lifetime from 1 to 15 minutes, in whole seconds
   * @throws ChatConfigurationException if {@code appId} is not a Pylon app id or the lifetime is out
   *     of range
   */
  public JwtSigner signer(String appId, Duration lifetime, Clock clock) {
    if (clock == null) {
      throw new ChatConfigurationException("clock", "is null", "Pass Clock.systemUTC(), or a fixed clock in tests");
    }
    return new JwtSigner(new HmacSha256(key), PylonChatWidget.checkedAppId(appId),
        JwtSigner.checkedLifetime(lifetime), clock);
  }

  /** Redacted: never shows the secret. */
  @Override
  public String toString() {
    return "JwtSecret[redacted]";
  }
}
