package io.github.pylonchat.spring;

import io.github.pylonchat.ChatConfigurationException;
import io.github.pylonchat.ChatTagResolver;
import io.github.pylonchat.PylonChatWidget;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The chat-settings endpoint for single-page and mobile front ends, with
 * {@code pylon.chat.endpoint.enabled=true} in a Spring MVC application: {@code GET
 * /pylon/chat-settings} answers the logged-in user's {@code chat_settings} as JSON (204 when nobody
 * is logged in), by the same rules as {@code <@pylonChat/>}, and {@code GET
 * /pylon/chat-settings.js} is a loader script that starts the widget from them:
 *
 * <pre>{@code
 * <script src="/pylon/chat-settings.js" nonce="..." async></script>
 * }</pre>
 *
 * <p>Both are ordinary Spring MVC handlers: the application's security filter chain decides who
 * may call them, as for its own controllers.
 */
@AutoConfiguration(after = PylonChatAutoConfiguration.class)
@ConditionalOnBooleanProperty(prefix = PylonChatEndpointProperties.PREFIX, name = "enabled")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping")
@EnableConfigurationProperties(PylonChatEndpointProperties.class)
public class PylonChatEndpointAutoConfiguration {
  private static final String MVC_MAPPING = "requestMappingHandlerMapping";

  /** Used by Spring; the auto-configuration needs no set-up. */
  public PylonChatEndpointAutoConfiguration() {}

  @Bean
  ChatSettingsEndpoint pylonChatSettingsEndpoint(PylonChatEndpointProperties properties,
      ObjectProvider<PylonChatWidget> widget, ObjectProvider<ChatTagResolver> resolver) {
    return new ChatSettingsEndpoint(properties.getPath(), widget, resolver);
  }

  /**
   * Registers the endpoint with Spring MVC's handler mapping of controllers once every bean exists
   * (and also under lazy initialization, which never creates beans of this type lazily).
   */
  @Bean
  SmartInitializingSingleton pylonChatSettingsEndpointMapping(ChatSettingsEndpoint endpoint,
      @Qualifier(MVC_MAPPING) ObjectProvider<RequestMappingHandlerMapping> mapping) {
    return () -> {
      RequestMappingHandlerMapping controllers = mapping.getIfAvailable();
      if (controllers == null) {
        throw new ChatConfigurationException(PylonChatEndpointProperties.PREFIX + ".enabled",
            "is true, but the application has no Spring MVC handler mapping (" + MVC_MAPPING + ") to serve it",
            "Use Spring MVC (spring-boot-starter-web), or remove " + PylonChatEndpointProperties.PREFIX + ".enabled");
      }
      endpoint.registerIn(controllers);
    };
  }

  /**
   * CORS with credentials for the endpoint, only for the origins in
   * {@code pylon.chat.endpoint.allowed-origins}; none configured, no CORS header at all.
   */
  @Bean
  WebMvcConfigurer pylonChatSettingsEndpointCors(PylonChatEndpointProperties properties, ChatSettingsEndpoint endpoint) {
    List<String> origins = ChatSettingsEndpoint.checkedOrigins(properties.getAllowedOrigins());
    return new WebMvcConfigurer() {
      @Override
      public void addCorsMappings(CorsRegistry registry) {
        if (!origins.isEmpty()) {
          registry.addMapping(endpoint.path())
              .allowedOrigins(origins.toArray(String[]::new))
              .allowedMethods("GET", "HEAD")
              .allowCredentials(true)
              .exposedHeaders(ChatSettingsEndpoint.WIDGET_SCRIPT_HEADER);
        }
      }
    };
  }
}
