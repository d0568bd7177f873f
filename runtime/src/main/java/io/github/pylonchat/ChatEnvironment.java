package io.github.pylonchat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * The one place that reads pylon-chat's environment variables: {@code PYLON_APP_ID},
 * {@code PYLON_IDENTITY_SECRET} and {@code PYLON_IDENTITY_SECRET_FILE}, from the process
 * environment or from any map of them (an integration can pass its own settings under these
 * names, and relabel the errors with {@link ChatConfigurationException#withSetting}).
 *
 * <p>The rules: a value's surrounding whitespace is ignored; a blank value is reported as empty
 * unless the other secret variable is set; the secret comes from {@code PYLON_IDENTITY_SECRET} or
 * from the file named by {@code PYLON_IDENTITY_SECRET_FILE} (a trailing newline is fine), never
 * both; it is read as hex ({@link #identitySecret()}) for the {@code email_hash}, or as text
 * ({@link #jwtSecret()}) for identity tokens. Every problem is a {@link ChatConfigurationException} that names the variable and the fix
 * and never quotes the secret, nor the value of {@code PYLON_IDENTITY_SECRET_FILE} (the secret itself
 * when it was put there by mistake): the file is "the file named by PYLON_IDENTITY_SECRET_FILE".
 *
 * <pre>{@code
 * ChatEnvironment environment = ChatEnvironment.system();
 * PylonChatWidget widget = PylonChatWidget.builder()
 *     .appId(environment.appId())
 *     .identitySecret(environment.identitySecret())
 *     .build();
 * }</pre>
 */
public final class ChatEnvironment {
  private static final String APP_ID = PylonChatWidget.ENV_APP_ID;
  private static final String SECRET = IdentitySecret.ENV_SECRET;
  private static final String SECRET_FILE = IdentitySecret.ENV_SECRET_FILE;
  /**
   * How errors about the file's content or access name it: never by the variable's value, which is
   * the secret itself when it was put into the wrong variable.
   */
  private static final String FILE_NAMED_BY = "the file named by " + SECRET_FILE;

  private final Map<String, String> variables;

  private ChatEnvironment(Map<String, String> variables) {
    this.variables = variables;
  }

  /** The process environment ({@code System.getenv()}). */
  public static ChatEnvironment system() {
    return new ChatEnvironment(System.getenv());
  }

  /**
   * The given variables, for example a test's map or an integration's view of its settings; read
   * when a value is asked for. A null value counts as not set.
   */
  public static ChatEnvironment of(Map<String, String> variables) {
    return new ChatEnvironment(variables);
  }

  /** Whether {@code PYLON_APP_ID} has a value that is not blank. */
  public boolean hasAppId() {
    return hasText(variables.get(APP_ID));
  }

  /**
   * The Pylon app id from {@code PYLON_APP_ID}, stripped.
   *
   * @throws ChatConfigurationException if it is not set, empty, not a Pylon app id, or looks like
   *     an identity secret (only hex digits, more than 32: the variables may be swapped)
   */
  public String appId() {
    try {
      return PylonChatWidget.checkedAppId(variables.get(APP_ID));
    } catch (ChatConfigurationException e) {
      throw e.withSetting(APP_ID);
    }
  }

  /**
   * Whether {@code PYLON_IDENTITY_SECRET} or {@code PYLON_IDENTITY_SECRET_FILE} has a value that
   * is not blank (the secret itself is not read or checked).
   */
  public boolean hasIdentitySecret() {
    return hasText(variables.get(SECRET)) || hasText(variables.get(SECRET_FILE));
  }

  /**
   * The identity secret from {@code PYLON_IDENTITY_SECRET} or from the file named by
   * {@code PYLON_IDENTITY_SECRET_FILE}, as hex (for the {@code email_hash}).
   *
   * @throws ChatConfigurationException if neither or both are set, the file cannot be read, or
   *     the secret is malformed
   */
  public IdentitySecret identitySecret() {
    return secret(IdentitySecret::ofHex, "the hex identity secret");
  }

  /**
   * The JWT secret from the same variables as {@link #identitySecret()}, read as text (for
   * identity tokens, see {@link JwtSecret}): in JWT mode they hold the secret Pylon shows for its
   * "JWT (signed token)" option.
   *
   * @throws ChatConfigurationException if neither or both are set, the file cannot be read, or
   *     the secret is malformed
   */
  public JwtSecret jwtSecret() {
    return secret(JwtSecret::ofText, "the JWT secret");
  }

  /** The secret read from one of the two variables and parsed, with errors naming the variable. */
  private <T> T secret(Function<String, T> parse, String what) {
    String value = variables.get(SECRET);
    String file = variables.get(SECRET_FILE);
    if (hasText(value) && hasText(file)) {
      throw new ChatConfigurationException(SECRET + " and " + SECRET_FILE, "are both set",
          "Set only one of them, so it is clear which secret is used");
    }
    if (hasText(file) || file != null && value == null) {
      return fromFile(file.strip(), parse, what);
    }
    if (value == null) {
      throw new ChatConfigurationException(SECRET, "is not set (nor " + SECRET_FILE + ")",
          "Set it to " + what + " from Pylon's in-app chat settings, or " + SECRET_FILE
              + " to the path of a file that contains it");
    }
    try {
      return parse.apply(value);
    } catch (ChatConfigurationException e) {
      throw e.withSetting(SECRET);
    }
  }

  private static <T> T fromFile(String file, Function<String, T> parse, String what) {
    if (file.isEmpty()) {
      throw new ChatConfigurationException(SECRET_FILE, "is empty",
          "Set it to the path of a file that contains only " + what + ", or unset it");
    }
    String text;
    try {
      text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new ChatConfigurationException(FILE_NAMED_BY,
          "cannot be read (" + e.getClass().getSimpleName() + ")",
          "Set " + SECRET_FILE + " to the path of a readable file that contains only " + what
              + "; the variable holds the file's path, the secret goes into the file (or into " + SECRET + ")");
    }
    try {
      return parse.apply(text);
    } catch (ChatConfigurationException e) {
      throw e.withSetting(FILE_NAMED_BY);
    }
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }
}
