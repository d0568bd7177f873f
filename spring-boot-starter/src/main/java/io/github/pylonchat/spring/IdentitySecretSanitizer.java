package io.github.pylonchat.spring;

import io.github.pylonchat.IdentitySecret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.core.env.PropertyResolver;

/**
 * Masks the identity secret in the actuator's {@code /env} and {@code /configprops} answers, also
 * when {@code management.endpoint.env.show-values} or {@code ...configprops.show-values} shows
 * every other value: under its own names ({@code pylon.chat.identity-secret},
 * {@code PYLON_CHAT_IDENTITY_SECRET}, {@code PYLON_IDENTITY_SECRET}, and the file name in
 * {@code PYLON_IDENTITY_SECRET_FILE}), and every other value that contains the configured secret's
 * text in any letter case: a variable a placeholder takes it from
 * ({@code pylon.chat.identity-secret=${MY_SECRET}}), the JVM's command line in
 * {@code sun.java.command} when it was given as {@code --pylon.chat.identity-secret=...},
 * {@code SPRING_APPLICATION_JSON} (also with JSON's backslash escapes). The configured secret is the
 * property's, {@code PYLON_IDENTITY_SECRET}'s, and the content of the file named by
 * {@code PYLON_IDENTITY_SECRET_FILE}.
 */
final class IdentitySecretSanitizer implements SanitizingFunction {
  /** The names above, lower case and without separators, as relaxed binding compares them. */
  private static final Set<String> SECRET_KEYS = Set.of(
      comparable(WidgetFromProperties.IDENTITY_SECRET),
      comparable(IdentitySecret.ENV_SECRET),
      comparable(IdentitySecret.ENV_SECRET_FILE));

  private final PropertyResolver environment;
  /** The secret file last read: an answer sanitizes hundreds of values, the file is read once. */
  private volatile SecretFile secretFile = new SecretFile("", "");

  private record SecretFile(String path, String text) {}

  IdentitySecretSanitizer(PropertyResolver environment) {
    this.environment = environment;
  }

  @Override
  public SanitizableData apply(SanitizableData data) {
    if (data.getValue() == null) {
      return data;
    }
    return SECRET_KEYS.contains(comparable(data.getKey())) || containsSecret(data.getValue().toString())
        ? data.withSanitizedValue() : data;
  }

  private boolean containsSecret(String value) {
    String text = value.toLowerCase(Locale.ROOT);
    String unescaped = value.indexOf('\\') < 0 ? text : jsonUnescaped(value).toLowerCase(Locale.ROOT);
    return Stream.of(configured(WidgetFromProperties.IDENTITY_SECRET), configured(IdentitySecret.ENV_SECRET), fileSecret())
        .filter(secret -> !secret.isEmpty())
        .map(secret -> secret.toLowerCase(Locale.ROOT))
        .anyMatch(secret -> text.contains(secret) || unescaped.contains(secret));
  }

  private String configured(String name) {
    try {
      String value = environment.getProperty(name);
      return value == null ? "" : value.strip();
    } catch (IllegalArgumentException unresolvablePlaceholder) {
      return "";
    }
  }

  /** The stripped content of the file named by {@code PYLON_IDENTITY_SECRET_FILE}, or "". */
  private String fileSecret() {
    String path = configured(IdentitySecret.ENV_SECRET_FILE);
    SecretFile last = secretFile;
    if (!last.path().equals(path)) {
      last = new SecretFile(path, path.isEmpty() ? "" : read(path));
      secretFile = last;
    }
    return last.text();
  }

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path), StandardCharsets.UTF_8).strip();
    } catch (IOException | RuntimeException unreadable) {
      return ""; // then the widget could not read it either, and start-up failed
    }
  }

  /**
   * {@code text} with JSON's backslash escapes decoded, as the secret stands inside a JSON string
   * ({@code SPRING_APPLICATION_JSON}, or {@code --spring.application.json=...} on the command line).
   */
  private static String jsonUnescaped(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 == text.length()) {
        out.append(c);
        continue;
      }
      char escaped = text.charAt(++i);
      if (escaped == 'u' && i + 4 < text.length()
          && text.substring(i + 1, i + 5).chars().allMatch(HexFormat::isHexDigit)) {
        out.append((char) HexFormat.fromHexDigits(text, i + 1, i + 5));
        i += 4;
      } else {
        out.append(switch (escaped) {
          case 'b' -> '\b';
          case 'f' -> '\f';
          case 'n' -> '\n';
          case 'r' -> '\r';
          case 't' -> '\t';
          default -> escaped; // \" \\ \/ and anything else stand for the character itself
        });
      }
    }
    return out.toString();
  }

  private static String comparable(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
  }
}
