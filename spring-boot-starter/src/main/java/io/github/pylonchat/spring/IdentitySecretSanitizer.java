package io.github.pylonchat.spring;

import io.github.pylonchat.IdentitySecret;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.core.env.PropertyResolver;

/**
 * Masks the identity secret in the actuator's {@code /env} and {@code /configprops} answers, also
 * when {@code management.endpoint.env.show-values} or {@code ...configprops.show-values} shows
 * every other value: under its own names ({@code pylon.chat.identity-secret},
 * {@code PYLON_CHAT_IDENTITY_SECRET}, {@code PYLON_IDENTITY_SECRET}, and the file name in
 * {@code PYLON_IDENTITY_SECRET_FILE}), and under any other name whose value is the configured secret
 * (as with {@code pylon.chat.identity-secret=${MY_SECRET}}, where {@code MY_SECRET} holds it).
 */
final class IdentitySecretSanitizer implements SanitizingFunction {
  /** The names above, lower case and without separators, as relaxed binding compares them. */
  private static final Set<String> SECRET_KEYS = Set.of(
      comparable(WidgetFromProperties.IDENTITY_SECRET),
      comparable(IdentitySecret.ENV_SECRET),
      comparable(IdentitySecret.ENV_SECRET_FILE));

  private final PropertyResolver environment;

  IdentitySecretSanitizer(PropertyResolver environment) {
    this.environment = environment;
  }

  @Override
  public SanitizableData apply(SanitizableData data) {
    if (data.getValue() == null) {
      return data;
    }
    return SECRET_KEYS.contains(comparable(data.getKey())) || isConfiguredSecret(data.getValue().toString())
        ? data.withSanitizedValue() : data;
  }

  private boolean isConfiguredSecret(String value) {
    String text = value.strip();
    return !text.isEmpty()
        && (text.equalsIgnoreCase(configured(WidgetFromProperties.IDENTITY_SECRET))
            || text.equalsIgnoreCase(configured(IdentitySecret.ENV_SECRET)));
  }

  private String configured(String name) {
    try {
      String value = environment.getProperty(name);
      return value == null ? "" : value.strip();
    } catch (IllegalArgumentException unresolvablePlaceholder) {
      return "";
    }
  }

  private static String comparable(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
  }
}
