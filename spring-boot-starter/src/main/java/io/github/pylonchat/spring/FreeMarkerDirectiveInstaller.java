package io.github.pylonchat.spring;

import freemarker.template.Configuration;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateModel;
import io.github.pylonchat.freemarker.PylonChatDirective;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.view.freemarker.FreeMarkerConfig;

/**
 * The fallback that registers {@code <@pylonChat/>} as the shared variable {@code pylonChat} of every
 * FreeMarker {@link Configuration} bean, and of Spring MVC's {@link FreeMarkerConfig} (which Spring
 * MVC views read even when the {@code Configuration} bean is never created, as with lazy
 * initialization), that does not have it yet. On Boot 4, Boot's own FreeMarker configuration gets
 * it through a {@code FreeMarkerVariablesCustomizer} first; this reaches the configurations the
 * application builds itself, and Boot 3.5's, whose customizer interface lives in a package the
 * starter (compiled against Boot 4) cannot name. A {@code pylonChat} variable the application set
 * itself is left alone.
 */
final class FreeMarkerDirectiveInstaller implements BeanPostProcessor {
  /** What {@code <@pylonChat/>} does when {@code pylon.chat.enabled=false}: render nothing. */
  static final TemplateDirectiveModel RENDERS_NOTHING = (env, params, loopVars, body) -> { };

  private static final boolean SPRING_MVC = ClassUtils.isPresent(
      "org.springframework.web.servlet.view.freemarker.FreeMarkerConfig",
      FreeMarkerDirectiveInstaller.class.getClassLoader());

  private final ObjectProvider<PylonChatDirective> directive;

  FreeMarkerDirectiveInstaller(ObjectProvider<PylonChatDirective> directive) {
    this.directive = directive;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    Configuration configuration = bean instanceof Configuration cfg ? cfg
        : SPRING_MVC ? SpringMvc.configurationOf(bean) : null;
    if (configuration != null && configuration.getSharedVariable(PylonChatDirective.SHARED_VARIABLE) == null) {
      configuration.setSharedVariable(PylonChatDirective.SHARED_VARIABLE, directiveOrNothing(directive));
    }
    return bean;
  }

  /** The directive, or {@link #RENDERS_NOTHING} when the chat is switched off. */
  static TemplateModel directiveOrNothing(ObjectProvider<PylonChatDirective> directive) {
    PylonChatDirective pylonChat = directive.getIfAvailable();
    return pylonChat != null ? pylonChat : RENDERS_NOTHING;
  }

  /** Loaded only when spring-webmvc is on the classpath. */
  private static final class SpringMvc {
    static Configuration configurationOf(Object bean) {
      return bean instanceof FreeMarkerConfig config ? config.getConfiguration() : null;
    }
  }
}
