package io.github.pylonchat.spring;

import io.github.pylonchat.ChatTagResolver;
import io.github.pylonchat.IdentityVerification;
import io.github.pylonchat.PylonChatWidget;
import io.github.pylonchat.freemarker.PylonChatDirective;
import io.github.pylonchat.thymeleaf.PylonChatDialect;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.freemarker.autoconfigure.FreeMarkerVariablesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Auto-configuration of the Pylon chat widget: builds a {@link PylonChatWidget} from
 * {@link PylonChatProperties}, one {@link ChatTagResolver} that decides for every template engine
 * whom the chat signs (the template variable named by {@code pylon.chat.user-attribute} or the
 * Spring Security principal), and registers {@code <@pylonChat/>} in the application's FreeMarker
 * configuration and, when Thymeleaf is on the class path, {@code <pylon:chat/>} in its Thymeleaf
 * engine. Both tags are adapters over that one resolver.
 *
 * <p>Works on Spring Boot 4.0 and 3.5. Nothing to call: add the dependency, set
 * {@code pylon.chat.app-id} and the identity secret, and write the tag in the page layout.
 *
 * <pre>{@code
 * <#-- layout.ftlh, before </body> -->
 * <@pylonChat/>
 * <!-- or layout.html (Thymeleaf), before </body> -->
 * <pylon:chat/>
 * }</pre>
 */
@AutoConfiguration(
    afterName = {
        "org.springframework.boot.freemarker.autoconfigure.FreeMarkerAutoConfiguration", // Boot 4
        "org.springframework.boot.autoconfigure.freemarker.FreeMarkerAutoConfiguration"}) // Boot 3
@EnableConfigurationProperties(PylonChatProperties.class)
public class PylonChatAutoConfiguration {
  /** Used by Spring; the auto-configuration needs no set-up. */
  public PylonChatAutoConfiguration() {}

  /**
   * Keeps the widget out of lazy initialization ({@code spring.main.lazy-initialization=true}),
   * so a bad setting still stops start-up instead of failing the first page.
   */
  @Bean
  static LazyInitializationExcludeFilter pylonChatWidgetIsCreatedAtStartUp() {
    return LazyInitializationExcludeFilter.forBeanTypes(PylonChatWidget.class);
  }

  /** Binds {@code pylon.chat.identity-verification}, whose earlier values true and false still work. */
  @Bean
  @ConfigurationPropertiesBinding
  static Converter<String, IdentityVerification> pylonChatIdentityVerificationConverter() {
    return new IdentityVerificationConverter();
  }

  /**
   * Registers the directive (or, with {@code pylon.chat.enabled=false}, a tag that renders
   * nothing) in FreeMarker configurations that Boot's {@code FreeMarkerVariablesCustomizer} does
   * not reach: ones the application builds itself, and Boot 3.5's.
   */
  @Bean
  static BeanPostProcessor pylonChatFreeMarkerInstaller(ObjectProvider<PylonChatDirective> directive) {
    return new FreeMarkerDirectiveInstaller(directive);
  }

  /** The widget and the tags, unless {@code pylon.chat.enabled=false}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBooleanProperty(prefix = PylonChatProperties.PREFIX, name = "enabled", matchIfMissing = true)
  static class Enabled {
    /**
     * The widget, from {@code pylon.chat.*} and the {@code PYLON_*} environment variables.
     *
     * @throws io.github.pylonchat.ChatConfigurationException if the app id or secret is missing or
     *     malformed, which stops start-up with a report naming the property
     */
    @Bean
    @ConditionalOnMissingBean
    PylonChatWidget pylonChatWidget(PylonChatProperties properties, Environment environment) {
      return WidgetFromProperties.build(properties, environment);
    }

    /**
     * Decides whom every chat tag signs, in every template engine: the Spring Security principal
     * (with the impersonation and OpenID Connect trust rules), of which the tag's parameter or the
     * variable named by {@code pylon.chat.user-attribute} may only carry the same identity; and the
     * CSP nonce.
     */
    @Bean
    @ConditionalOnMissingBean
    ChatTagResolver pylonChatTagResolver(PylonChatProperties properties, PylonChatWidget widget,
        ObjectProvider<SecurityPrincipalUsers> principals) {
      return new CurrentChatUser(properties.getUserAttribute(), properties.getNonceAttribute(),
          widget.identityVerification(), principals.getIfAvailable(), properties.isTrustUserAttribute());
    }

    /** The {@code <@pylonChat/>} directive, an adapter over the {@link ChatTagResolver}. */
    @Bean
    @ConditionalOnMissingBean
    PylonChatDirective pylonChatDirective(PylonChatWidget widget, ChatTagResolver resolver) {
      return new PylonChatDirective(widget, resolver);
    }
  }

  /** Boot 4's FreeMarker auto-configuration takes its shared variables from customizer beans. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.freemarker.autoconfigure.FreeMarkerVariablesCustomizer")
  static class FreeMarkerVariables {
    @Bean
    FreeMarkerVariablesCustomizer pylonChatFreeMarkerVariable(ObjectProvider<PylonChatDirective> directive) {
      return variables -> variables.putIfAbsent(PylonChatDirective.SHARED_VARIABLE,
          FreeMarkerDirectiveInstaller.directiveOrNothing(directive));
    }
  }

  /**
   * {@code <pylon:chat/>}: Boot's Thymeleaf auto-configuration adds every {@code IDialect} bean to
   * its engine. With {@code pylon.chat.enabled=false}, a tag that renders nothing.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = {"org.thymeleaf.spring6.SpringTemplateEngine", "io.github.pylonchat.thymeleaf.PylonChatDialect"})
  static class ThymeleafDialect {
    @Bean
    @ConditionalOnMissingBean
    PylonChatDialect pylonChatDialect(PylonChatProperties properties, ObjectProvider<PylonChatWidget> widget,
        ObjectProvider<ChatTagResolver> resolver) {
      return properties.isEnabled() ? new PylonChatDialect(widget.getObject(), resolver.getObject())
          : PylonChatDialect.disabled();
    }
  }

  /**
   * Marks Spring MVC responses {@code Cache-Control: private, no-store} before their view renders
   * when the chat would sign someone on them, and response bodies of handlers during which the chat
   * signed someone.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "org.springframework.web.servlet.config.annotation.WebMvcConfigurer")
  static class SpringMvcResponses {
    @Bean
    WebMvcConfigurer pylonChatSignedPagesArePrivate(ObjectProvider<ChatTagResolver> resolver) {
      return new WebMvcConfigurer() {
        @Override
        public void addInterceptors(InterceptorRegistry registry) {
          registry.addInterceptor(new SignedPagesArePrivate(resolver));
        }
      };
    }

    /** Keeps a response body private when a chat tag signed someone while the handler ran. */
    @Bean
    SignedBodiesArePrivate pylonChatSignedBodiesArePrivate() {
      return new SignedBodiesArePrivate();
    }
  }

  /** Keeps the identity secret out of the actuator's answers, when the actuator is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
  static class Actuator {
    @Bean
    IdentitySecretSanitizer pylonChatIdentitySecretSanitizer(Environment environment) {
      return new IdentitySecretSanitizer(environment);
    }
  }

  /** The current user from Spring Security, when it is on the classpath. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.security.core.context.SecurityContextHolder")
  static class SpringSecurityUsers {
    private static final boolean OIDC = ClassUtils.isPresent(
        "org.springframework.security.oauth2.core.oidc.user.OidcUser", SpringSecurityUsers.class.getClassLoader());

    @Bean
    SecurityPrincipalUsers pylonChatSecurityPrincipalUsers(ObjectProvider<PylonChatUserResolver> resolvers,
        PylonChatProperties properties, Environment environment, ListableBeanFactory beans) {
      VerifiedOidcEmail oidc = null;
      if (OIDC) {
        Set<String> trusted = new HashSet<>(properties.getOidc().getTrustedRegistrations());
        trusted.addAll(Binder.get(environment).bind(VerifiedOidcEmail.DECLARED_REGISTRATIONS,
            Bindable.mapOf(String.class, Object.class)).orElse(Map.of()).keySet());
        oidc = new VerifiedOidcEmail(trusted);
      }
      return new SecurityPrincipalUsers(resolvers.orderedStream().toList(), oidc, properties.getImpersonation(),
          SecurityPrincipalUsers.REQUIRED_FACTORS ? SecurityPrincipalUsers.RequiredFactors.rule(beans)
              : authentication -> true);
    }
  }
}
