package io.github.pylonchat.spring;

import io.github.pylonchat.PylonChatWidget;
import io.github.pylonchat.freemarker.PylonChatDirective;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of the Pylon chat widget: builds a {@link PylonChatWidget} from
 * {@link PylonChatProperties} and registers {@code <@pylonChat/>} in every FreeMarker
 * configuration of the application, with the current user taken from the template variable named
 * by {@code pylon.chat.user-attribute} or from Spring Security.
 *
 * <p>Works on Spring Boot 4.0 and 3.5. Nothing to call: add the dependency, set
 * {@code pylon.chat.app-id} and the identity secret, and write {@code <@pylonChat/>} in the page
 * layout.
 *
 * <pre>{@code
 * <#-- layout.ftlh, before </body> -->
 * <@pylonChat/>
 * }</pre>
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.freemarker.autoconfigure.FreeMarkerAutoConfiguration", // Boot 4
    "org.springframework.boot.autoconfigure.freemarker.FreeMarkerAutoConfiguration"}) // Boot 3
@ConditionalOnClass(name = "freemarker.template.Configuration")
@EnableConfigurationProperties(PylonChatProperties.class)
public class PylonChatAutoConfiguration {
  private static final String ENABLED = "enabled";

  /** Used by Spring; the auto-configuration needs no set-up. */
  public PylonChatAutoConfiguration() {}

  /**
   * The widget, from {@code pylon.chat.*} and the {@code PYLON_*} environment variables.
   *
   * @throws io.github.pylonchat.ChatConfigurationException if the app id or secret is missing or
   *     malformed, which stops start-up with a report naming the property
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = PylonChatProperties.PREFIX, name = ENABLED, matchIfMissing = true)
  public PylonChatWidget pylonChatWidget(PylonChatProperties properties, Environment environment) {
    return WidgetFromProperties.build(properties, environment);
  }

  /**
   * Keeps the widget out of lazy initialization ({@code spring.main.lazy-initialization=true}),
   * so a bad setting still stops start-up instead of failing the first page.
   */
  @Bean
  static LazyInitializationExcludeFilter pylonChatWidgetIsCreatedAtStartUp() {
    return LazyInitializationExcludeFilter.forBeanTypes(PylonChatWidget.class);
  }

  /** The {@code <@pylonChat/>} directive, finding the current user and the CSP nonce. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = PylonChatProperties.PREFIX, name = ENABLED, matchIfMissing = true)
  public PylonChatDirective pylonChatDirective(PylonChatWidget widget, PylonChatProperties properties,
      ObjectProvider<SecurityPrincipalUsers> principals) {
    return new PylonChatDirective(widget, new CurrentChatUser(
        properties.getUserAttribute(), properties.getNonceAttribute(), principals.getIfAvailable()));
  }

  /**
   * Registers the directive (or, with {@code pylon.chat.enabled=false}, a tag that renders
   * nothing) in the application's FreeMarker configurations.
   */
  @Bean
  static BeanPostProcessor pylonChatFreeMarkerInstaller(ObjectProvider<PylonChatDirective> directive) {
    return new FreeMarkerDirectiveInstaller(directive);
  }

  /** The current user from Spring Security, when it is on the classpath. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.security.core.context.SecurityContextHolder")
  static class SpringSecurityUsers {
    private static final boolean OIDC = ClassUtils.isPresent(
        "org.springframework.security.oauth2.core.oidc.user.OidcUser", SpringSecurityUsers.class.getClassLoader());

    @Bean
    SecurityPrincipalUsers pylonChatSecurityPrincipalUsers(ObjectProvider<PylonChatUserResolver> resolvers) {
      List<PylonChatUserResolver> all = new ArrayList<>(resolvers.orderedStream().toList());
      if (OIDC) {
        all.add(new VerifiedOidcEmail());
      }
      return new SecurityPrincipalUsers(all);
    }
  }
}
