package io.github.pylonchat.spring;

import io.github.pylonchat.ChatConfigurationException;
import io.github.pylonchat.IdentitySecret;
import io.github.pylonchat.PylonChatWidget;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * Builds the {@link PylonChatWidget} from {@code pylon.chat.*}, falling back to the environment
 * variables {@code PYLON_APP_ID} and {@code PYLON_IDENTITY_SECRET(_FILE)}. Every error is a
 * {@link ChatConfigurationException} naming the property (or variable) it came from.
 */
final class WidgetFromProperties {
  static final String APP_ID = PylonChatProperties.PREFIX + ".app-id";
  static final String IDENTITY_SECRET = PylonChatProperties.PREFIX + ".identity-secret";
  static final String IDENTITY_VERIFICATION = PylonChatProperties.PREFIX + ".identity-verification";
  static final String WIDGET_URL = PylonChatProperties.PREFIX + ".widget-url";

  private static final Log logger = LogFactory.getLog(WidgetFromProperties.class);

  private WidgetFromProperties() {}

  /**
   * @param environment where {@code PYLON_APP_ID} and {@code PYLON_IDENTITY_SECRET(_FILE)} are
   *     looked up (Spring's environment includes the process environment)
   */
  static PylonChatWidget build(PylonChatProperties properties, PropertyResolver environment) {
    PylonChatWidget.Builder builder = PylonChatWidget.builder()
        .widgetUrl(properties.getWidgetUrl(), WIDGET_URL)
        .anonymousVisitors(properties.getAnonymous());
    appId(properties, environment, builder);
    identitySecret(properties, environment, builder);
    return builder.build();
  }

  private static void appId(PylonChatProperties properties, PropertyResolver environment,
      PylonChatWidget.Builder builder) {
    if (properties.getAppId() != null) {
      if (properties.getAppId().isBlank()) {
        UnsetPlaceholders.check(environment, APP_ID, "the app id from Pylon's in-app chat settings");
      }
      builder.appId(properties.getAppId(), APP_ID);
      return;
    }
    String fromEnvironment = environment.getProperty(PylonChatWidget.ENV_APP_ID);
    if (fromEnvironment == null) {
      throw new ChatConfigurationException(APP_ID,
          "is not set (nor the environment variable " + PylonChatWidget.ENV_APP_ID + ")",
          "Set " + APP_ID + " (or " + PylonChatWidget.ENV_APP_ID
              + ") to the app id from Pylon's in-app chat settings");
    }
    builder.appId(fromEnvironment, PylonChatWidget.ENV_APP_ID);
  }

  private static void identitySecret(PylonChatProperties properties, PropertyResolver environment,
      PylonChatWidget.Builder builder) {
    Map<String, String> secretVariables = new HashMap<>();
    for (String name : new String[] {IdentitySecret.ENV_SECRET, IdentitySecret.ENV_SECRET_FILE}) {
      String value = environment.getProperty(name);
      if (StringUtils.hasText(value)) {
        secretVariables.put(name, value);
      }
    }
    String property = properties.getIdentitySecret();
    if (!properties.isIdentityVerification()) {
      if (StringUtils.hasText(property) || !secretVariables.isEmpty()) {
        String source = StringUtils.hasText(property) ? IDENTITY_SECRET
            : String.join(" and ", secretVariables.keySet());
        throw new ChatConfigurationException(IDENTITY_VERIFICATION,
            "is false although an identity secret is configured (" + source + ")",
            "Remove " + IDENTITY_VERIFICATION + "=false so that users are verified with the secret,"
                + " or remove the secret");
      }
      logger.warn("Pylon chat runs WITHOUT identity verification (" + IDENTITY_VERIFICATION
          + "=false): no email_hash is rendered, so Pylon cannot verify who is chatting and users"
          + " cannot see their earlier chats. Use this only for local development.");
      builder.withoutIdentityVerification();
    } else if (property != null) {
      builder.identitySecret(IdentitySecret.ofHex(property, IDENTITY_SECRET));
    } else {
      builder.identitySecret(IdentitySecret.fromEnvironment(secretVariables).orElseThrow(() ->
          new ChatConfigurationException(IDENTITY_SECRET,
              "is not set (nor the environment variable " + IdentitySecret.ENV_SECRET + " or "
                  + IdentitySecret.ENV_SECRET_FILE + ")",
              "Set " + IDENTITY_SECRET + " (environment variable PYLON_CHAT_IDENTITY_SECRET) or "
                  + IdentitySecret.ENV_SECRET + " to the hex identity secret from Pylon's in-app chat"
                  + " settings, or " + IdentitySecret.ENV_SECRET_FILE + " to a file that contains it;"
                  + " for local development without a secret, set " + IDENTITY_VERIFICATION + "=false")));
    }
  }
}
