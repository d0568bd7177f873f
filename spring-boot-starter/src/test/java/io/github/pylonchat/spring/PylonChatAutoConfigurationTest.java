package io.github.pylonchat.spring;

import static io.github.pylonchat.spring.ChatContexts.render;
import static io.github.pylonchat.spring.ChatContexts.withEnvironment;
import static io.github.pylonchat.spring.RenderedWidget.SECRET;
import static io.github.pylonchat.spring.RenderedWidget.assertIdentifies;
import static io.github.pylonchat.spring.RenderedWidget.hasWidget;
import static io.github.pylonchat.spring.RenderedWidget.setting;
import static org.assertj.core.api.Assertions.assertThat;

import freemarker.template.Configuration;
import freemarker.template.TemplateDirectiveModel;
import io.github.pylonchat.PylonChatWidget;
import io.github.pylonchat.spring.testapp.Member;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;

/**
 * The starter in a non-web application (FreeMarker used for e-mails or reports, no Spring Security):
 * properties, environment variables and what {@code <@pylonChat/>} renders.
 */
@ExtendWith(OutputCaptureExtension.class)
class PylonChatAutoConfigurationTest {
  private static final Member MEMBER = new Member("member@example.com", "Member Name");

  @Test
  void identitySecretFromPylonChatIdentitySecretVariableByRelaxedBinding() {
    withEnvironment(Map.of("PYLON_CHAT_APP_ID", "env-app", "PYLON_CHAT_IDENTITY_SECRET", SECRET))
        .run(context -> {
          String page = render(context, "<@pylonChat/>", Map.of("user", MEMBER));
          assertIdentifies(page, "member@example.com", "Member Name");
          assertThat(setting(page, "app_id")).isEqualTo("env-app");
        });
  }

  @Test
  void appIdAndSecretFromPylonAppIdAndPylonIdentitySecretVariables() {
    withEnvironment(Map.of("PYLON_APP_ID", "plain-env-app", "PYLON_IDENTITY_SECRET", SECRET))
        .run(context -> {
          String page = render(context, "<@pylonChat/>", Map.of("user", MEMBER));
          assertIdentifies(page, "member@example.com", "Member Name");
          assertThat(setting(page, "app_id")).isEqualTo("plain-env-app");
        });
  }

  @Test
  void secretFromTheFileNamedByPylonIdentitySecretFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("pylon-secret"), SECRET + "\n");
    withEnvironment(Map.of("PYLON_IDENTITY_SECRET_FILE", file.toString()))
        .withPropertyValues("pylon.chat.app-id=file-app")
        .run(context -> assertIdentifies(
            render(context, "<@pylonChat/>", Map.of("user", MEMBER)), "member@example.com", "Member Name"));
  }

  @Test
  void loggedOutVisitorGetsTheWidgetWithoutIdentityWhenAnonymousIsWidget() {
    withEnvironment(Map.of())
        .withPropertyValues("pylon.chat.app-id=app", "pylon.chat.identity-secret=" + SECRET,
            "pylon.chat.anonymous=widget")
        .run(context -> {
          String page = render(context, "<@pylonChat/>", Map.of());
          assertThat(hasWidget(page)).isTrue();
          assertThat(setting(page, "app_id")).isEqualTo("app");
          assertThat(page).doesNotContain("\"email\"").doesNotContain("email_hash");
        });
  }

  @Test
  void loggedOutVisitorGetsNothingByDefault() {
    withEnvironment(Map.of())
        .withPropertyValues("pylon.chat.app-id=app", "pylon.chat.identity-secret=" + SECRET)
        .run(context -> assertThat(render(context, "[<@pylonChat/>]", Map.of())).isEqualTo("[]"));
  }

  @Test
  void customUserAndNonceAttributeNames() {
    withEnvironment(Map.of())
        .withPropertyValues("pylon.chat.app-id=app", "pylon.chat.identity-secret=" + SECRET,
            "pylon.chat.user-attribute=currentMember", "pylon.chat.nonce-attribute=scriptNonce")
        .run(context -> {
          String page = render(context, "<@pylonChat/>", Map.of(
              "currentMember", MEMBER, "user", new Member("other@example.com", null),
              "scriptNonce", "bm9uY2U=", "cspNonce", "b3RoZXI="));
          assertIdentifies(page, "member@example.com", "Member Name");
          assertThat(page).contains("<script nonce=\"bm9uY2U=\">").doesNotContain("b3RoZXI=");
        });
  }

  @Test
  void disabledTagRendersNothingAndNeedsNoConfiguration() {
    withEnvironment(Map.of())
        .withPropertyValues("pylon.chat.enabled=false")
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(PylonChatWidget.class);
          assertThat(render(context, "[<@pylonChat/>]", Map.of("user", MEMBER))).isEqualTo("[]");
        });
  }

  @Test
  void withoutIdentityVerificationNoHashIsRenderedAndAWarningIsLoggedOnce(CapturedOutput output) {
    withEnvironment(Map.of())
        .withPropertyValues("pylon.chat.app-id=app", "pylon.chat.identity-verification=false")
        .run(context -> {
          String first = render(context, "<@pylonChat/>", Map.of("user", MEMBER));
          render(context, "<@pylonChat/>", Map.of("user", MEMBER));
          assertThat(setting(first, "email")).isEqualTo("member@example.com");
          assertThat(first).doesNotContain("email_hash");
        });
    assertThat(output.getAll().split("Pylon chat runs WITHOUT identity verification", -1)).hasSize(2);
  }

  @Test
  void pylonChatVariableTheApplicationRegisteredItselfIsKept() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(PylonChatAutoConfiguration.class))
        .withPropertyValues("pylon.chat.app-id=app", "pylon.chat.identity-secret=" + SECRET)
        .withUserConfiguration(OwnPylonChatVariable.class)
        .run(context -> assertThat(render(context, "<@pylonChat/>", Map.of("user", MEMBER)))
            .isEqualTo("own directive"));
  }

  static class OwnPylonChatVariable {
    @Bean
    Configuration applicationFreeMarkerConfiguration() {
      Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
      TemplateDirectiveModel own = (env, params, loopVars, body) -> env.getOut().write("own directive");
      cfg.setSharedVariable("pylonChat", own);
      return cfg;
    }
  }
}
