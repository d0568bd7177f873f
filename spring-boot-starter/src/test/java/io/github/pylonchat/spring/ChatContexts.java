package io.github.pylonchat.spring;

import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.StringWriter;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.freemarker.autoconfigure.FreeMarkerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Non-web application contexts with Spring Boot's FreeMarker auto-configuration and the starter,
 * whose process environment is exactly what a test gives (the real one is replaced).
 */
final class ChatContexts {
  private ChatContexts() {}

  /** A context runner whose environment variables are {@code env} and nothing else. */
  static ApplicationContextRunner withEnvironment(Map<String, Object> env) {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(FreeMarkerAutoConfiguration.class, PylonChatAutoConfiguration.class))
        .withInitializer(context -> context.getEnvironment().getPropertySources().replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)));
  }

  /**
   * Renders {@code template} while {@code loggedIn} is the authenticated Spring Security principal,
   * as on a page of that user's request: only the principal is ever signed.
   */
  static String renderFor(ApplicationContext context, Object loggedIn, String template, Map<String, ?> model)
      throws Exception {
    SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(loggedIn, null, "ROLE_USER"));
    try {
      return render(context, template, model);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  /** {@link #renderFor(ApplicationContext, Object, String, Map)} with an empty model. */
  static String renderFor(ApplicationContext context, Object loggedIn, String template) throws Exception {
    return renderFor(context, loggedIn, template, Map.of());
  }

  /** Renders {@code template} with the context's FreeMarker configuration and {@code model}. */
  static String render(ApplicationContext context, String template, Map<String, ?> model) throws Exception {
    StringWriter out = new StringWriter();
    new Template("test", template, context.getBean(Configuration.class)).process(model, out);
    return out.toString();
  }
}
