package io.github.pylonchat.spring;

import io.github.pylonchat.ChatConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.env.PropertySource;

/**
 * Explains a setting that is empty because it is built from a variable that is not set, as
 * {@code pylon.chat.app-id=${MY_APP_ID:}} is when {@code MY_APP_ID} is missing: the error then
 * names {@code MY_APP_ID} instead of only the setting, which its author believes is set.
 */
final class UnsetPlaceholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");

  private UnsetPlaceholders() {}

  /**
   * Fails when the raw value of {@code property} refers to placeholders that are not set.
   *
   * @param what what the setting should hold, for the fix ("the app id from ...")
   * @throws ChatConfigurationException naming the property and the unset variables
   */
  static void check(PropertyResolver environment, String property, String what) {
    String raw = rawValue(environment, property);
    if (raw == null) {
      return;
    }
    List<String> unset = new ArrayList<>();
    for (Matcher m = PLACEHOLDER.matcher(raw); m.find(); ) {
      String name = m.group(1).strip();
      String value = environment.getProperty(name);
      if (value == null || value.isBlank()) {
        unset.add(name);
      }
    }
    if (!unset.isEmpty()) {
      String names = String.join(" and ", unset);
      throw new ChatConfigurationException(property,
          "is empty: it is taken from " + names + " (" + raw + "), which " + (unset.size() == 1 ? "is" : "are")
              + " not set",
          "Set the environment variable " + names + " to " + what + ", or give " + property + " a value");
    }
  }

  /** The value as written (placeholders unresolved) in the first property source that has it. */
  private static String rawValue(PropertyResolver environment, String property) {
    if (!(environment instanceof ConfigurableEnvironment configurable)) {
      return null;
    }
    for (PropertySource<?> source : configurable.getPropertySources()) {
      if (!ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)
          && source.getProperty(property) instanceof CharSequence value) {
        return value.toString();
      }
    }
    return null;
  }
}
