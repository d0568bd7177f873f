package io.github.pylonchat.spring;

import io.github.pylonchat.ChatConfigurationException;
import io.github.pylonchat.ChatEnvironment;
import io.github.pylonchat.IdentitySecret;
import io.github.pylonchat.IdentityVerification;
import io.github.pylonchat.PylonChatWidget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * Builds the {@link PylonChatWidget} from {@code pylon.chat.*}, falling back to the environment
 * variables {@code PYLON_APP_ID} and {@code PYLON_IDENTITY_SECRET(_FILE)}. The rules for those
 * live in the runtime's {@link ChatEnvironment}: this class hands it the variables with the
 * properties in their place, and reports each error under the property (or variable) the value
 * came from. {@code pylon.chat.identity-verification} decides how the secret is read: as hex for
 * the email hash, as text for signed tokens ({@code jwt}), or not at all ({@code none}).
 */
final class WidgetFromProperties {
  static final String APP_ID = PylonChatProperties.PREFIX + ".app-id";
  static final String IDENTITY_SECRET = PylonChatProperties.PREFIX + ".identity-secret";
  static final String IDENTITY_VERIFICATION = PylonChatProperties.PREFIX + ".identity-verification";
  static final String JWT_LIFETIME = PylonChatProperties.PREFIX + ".jwt.lifetime";
  static final String WIDGET_URL = PylonChatProperties.PREFIX + ".widget-url";

  private static final Log logger = LogFactory.getLog(WidgetFromProperties.class);

  private WidgetFromProperties() {}

  /**
   * @param environment where {@code PYLON_APP_ID} and {@code PYLON_IDENTITY_SECRET(_FILE)} are
   *     looked up (Spring's environment includes the process environment)
   */
  static PylonChatWidget build(PylonChatProperties properties, PropertyResolver environment) {
    Map<String, String> variables = variables(properties, environment);
    ChatEnvironment chat = ChatEnvironment.of(variables);
    PylonChatWidget.Builder builder = PylonChatWidget.builder().anonymousVisitors(properties.getAnonymous());
    reportedAs(WIDGET_URL, () -> builder.widgetUrl(properties.getWidgetUrl()));

    String appIdSource = properties.getAppId() != null ? APP_ID
        : variables.containsKey(PylonChatWidget.ENV_APP_ID) ? PylonChatWidget.ENV_APP_ID
        : APP_ID + " (or " + PylonChatWidget.ENV_APP_ID + ")";
    if (properties.getAppId() != null && properties.getAppId().isBlank()) {
      UnsetPlaceholders.check(environment, APP_ID, "the app id from Pylon's in-app chat settings");
    }
    builder.appId(reportedAs(appIdSource, chat::appId));

    IdentityVerification verification = properties.getIdentityVerification();
    Duration lifetime = properties.getJwt().getLifetime();
    if (lifetime != null && verification != IdentityVerification.JWT) {
      throw new ChatConfigurationException(JWT_LIFETIME, "is set, but tokens are signed only with "
          + IDENTITY_VERIFICATION + "=jwt (it is " + valueOf(verification) + ")",
          "Set " + IDENTITY_VERIFICATION + "=jwt with Pylon's JWT secret, or remove " + JWT_LIFETIME);
    }
    switch (verification) {
      case NONE -> withoutIdentityVerification(variables, properties, builder);
      case EMAIL_HASH -> builder.identitySecret(secret(chat::identitySecret, properties, variables));
      case JWT -> {
        builder.jwtSecret(secret(chat::jwtSecret, properties, variables));
        if (lifetime != null) {
          reportedAs(JWT_LIFETIME, () -> builder.tokenLifetime(lifetime));
        }
      }
    }
    return builder.build();
  }

  /** {@code pylon.chat.identity-verification}'s value as it is written: email-hash, jwt or none. */
  private static String valueOf(IdentityVerification verification) {
    return verification.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The secret from the property or the variables, read as {@code read} does (hex or text), its
   * errors named after where it was looked for.
   */
  private static <T> T secret(Supplier<T> read, PylonChatProperties properties, Map<String, String> variables) {
    if (properties.getIdentitySecret() != null) {
      return reportedAs(IDENTITY_SECRET, read);
    }
    try {
      return read.get();
    } catch (ChatConfigurationException e) {
      if (variables.containsKey(IdentitySecret.ENV_SECRET) || variables.containsKey(IdentitySecret.ENV_SECRET_FILE)) {
        throw e; // names the variable that is wrong
      }
      // Set nowhere: the runtime's words for the property as well, and the starter's opt-out.
      throw new ChatConfigurationException(IDENTITY_SECRET + " (or " + IdentitySecret.ENV_SECRET + ")",
          e.problem(), e.fix() + "; for local development without a secret, set " + IDENTITY_VERIFICATION + "=none");
    }
  }

  /**
   * The three variables of {@link ChatEnvironment}, each from its {@code pylon.chat.*} property
   * when that is set (the identity-secret property then hides both secret variables), else from
   * the environment.
   */
  private static Map<String, String> variables(PylonChatProperties properties, PropertyResolver environment) {
    Map<String, String> variables = new HashMap<>();
    putIfSet(variables, PylonChatWidget.ENV_APP_ID, properties.getAppId() != null ? properties.getAppId()
        : environment.getProperty(PylonChatWidget.ENV_APP_ID));
    if (properties.getIdentitySecret() != null) {
      variables.put(IdentitySecret.ENV_SECRET, properties.getIdentitySecret());
    } else {
      putIfSet(variables, IdentitySecret.ENV_SECRET, environment.getProperty(IdentitySecret.ENV_SECRET));
      putIfSet(variables, IdentitySecret.ENV_SECRET_FILE, environment.getProperty(IdentitySecret.ENV_SECRET_FILE));
    }
    return variables;
  }

  private static void withoutIdentityVerification(Map<String, String> variables, PylonChatProperties properties,
      PylonChatWidget.Builder builder) {
    List<String> sources = new ArrayList<>();
    if (StringUtils.hasText(properties.getIdentitySecret())) {
      sources.add(IDENTITY_SECRET);
    } else {
      for (String name : List.of(IdentitySecret.ENV_SECRET, IdentitySecret.ENV_SECRET_FILE)) {
        if (StringUtils.hasText(variables.get(name))) {
          sources.add(name);
        }
      }
    }
    if (!sources.isEmpty()) {
      throw new ChatConfigurationException(IDENTITY_VERIFICATION,
          "is none (or false) although an identity secret is configured (" + String.join(" and ", sources) + ")",
          "Remove " + IDENTITY_VERIFICATION + "=none so that users are verified with the secret,"
              + " or remove the secret");
    }
    logger.warn("Pylon chat runs WITHOUT identity verification (" + IDENTITY_VERIFICATION
        + "=none): no email_hash or token is rendered, so Pylon cannot verify who is chatting and users"
        + " cannot see their earlier chats. Use this only for local development.");
    builder.withoutIdentityVerification();
  }

  private static void putIfSet(Map<String, String> variables, String name, String value) {
    if (value != null) {
      variables.put(name, value);
    }
  }

  /** {@code step}'s result, or its configuration error reported under {@code setting}. */
  private static <T> T reportedAs(String setting, Supplier<T> step) {
    try {
      return step.get();
    } catch (ChatConfigurationException e) {
      throw e.withSetting(setting);
    }
  }
}
