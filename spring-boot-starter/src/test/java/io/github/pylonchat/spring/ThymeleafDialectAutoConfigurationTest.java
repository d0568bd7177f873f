package io.github.pylonchat.spring;

import static io.github.pylonchat.spring.RenderedWidget.SECRET;
import static io.github.pylonchat.spring.RenderedWidget.assertIdentifies;
import static org.assertj.core.api.Assertions.assertThat;

import freemarker.template.Configuration;
import io.github.pylonchat.ChatTagResolution;
import io.github.pylonchat.ChatTagResolver;
import io.github.pylonchat.PylonChatWidget;
import io.github.pylonchat.spring.testapp.Member;
import io.github.pylonchat.thymeleaf.PylonChatDialect;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * {@code <pylon:chat/>} in Spring Boot's Thymeleaf engine with no code, next to FreeMarker's
 * {@code <@pylonChat/>}, in a non-web application (templates rendered for e-mails, say).
 */
class ThymeleafDialectAutoConfigurationTest {
  private static final Member MEMBER = new Member("member@example.com", "Member Name");

  private static ApplicationContextRunner withThymeleaf() {
    return ChatContexts.withEnvironment(Map.of())
        .withConfiguration(AutoConfigurations.of(ThymeleafAutoConfiguration.class));
  }

  /** Renders {@code templates/thymeleaf/page.html} with Boot's Thymeleaf engine. */
  private static String thymeleafPage(ApplicationContext context, Map<String, Object> variables) {
    return context.getBean(SpringTemplateEngine.class).process("thymeleaf/page", new Context(Locale.ROOT, variables));
  }

  @Test
  void bootsThymeleafEngineRendersTheTagForTheLoggedInUser() {
    withThymeleaf()
        .withPropertyValues("pylon.chat.app-id=app", "pylon.chat.identity-secret=" + SECRET)
        .run(context -> {
          SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(MEMBER, null, "ROLE_USER"));
          try {
            assertIdentifies(thymeleafPage(context, Map.of("currentUser", MEMBER)), "member@example.com", "Member Name");
          } finally {
            SecurityContextHolder.clearContext();
          }
        });
  }

  @Test
  void disabledTagRendersNothingAndNeedsNoConfiguration() {
    withThymeleaf()
        .withPropertyValues("pylon.chat.enabled=false")
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(PylonChatWidget.class);
          assertThat(thymeleafPage(context, Map.of("currentUser", MEMBER)))
              .contains("<main>page</main>").doesNotContain("<script").doesNotContain("pylon:chat");
        });
  }

  /** The application's own resolver decides for both engines: there is one, and both tags use it. */
  @Test
  void applicationsChatTagResolverDecidesForBothEngines() {
    withThymeleaf()
        .withPropertyValues("pylon.chat.app-id=app", "pylon.chat.identity-secret=" + SECRET)
        .withBean(ChatTagResolver.class, () -> (tag, variables) -> ChatTagResolution.of(variables.apply("member"), null))
        .run(context -> {
          Map<String, Object> variables = Map.of("member", MEMBER, "currentUser", new Member("other@example.com", null));
          String thymeleaf = thymeleafPage(context, variables);
          assertIdentifies(thymeleaf, "member@example.com", "Member Name");
          StringWriter freeMarker = new StringWriter();
          context.getBean(Configuration.class).getTemplate("page.ftlh").process(variables, freeMarker);
          assertThat(freeMarker).hasToString(thymeleaf);
        });
  }

  @Test
  void applicationsOwnDialectBeanIsKept() {
    withThymeleaf()
        .withPropertyValues("pylon.chat.app-id=app", "pylon.chat.identity-secret=" + SECRET)
        .withUserConfiguration(OwnDialect.class)
        .run(context -> assertThat(context).getBean(PylonChatDialect.class).isSameAs(OwnDialect.DIALECT));
  }

  static class OwnDialect {
    static final PylonChatDialect DIALECT = PylonChatDialect.disabled();

    @Bean
    PylonChatDialect applicationsDialect() {
      return DIALECT;
    }
  }
}
