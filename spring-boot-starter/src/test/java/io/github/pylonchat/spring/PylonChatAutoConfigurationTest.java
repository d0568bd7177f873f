package io.github.pylonchat.spring;

import static io.github.pylonchat.spring.ChatContexts.render;
import static io.github.pylonchat.spring.ChatContexts.renderFor;
import static io.github.pylonchat.spring.ChatContexts.withEnvironment;
import static io.github.pylonchat.spring.RenderedWidget.SECRET;
import static io.github.pylonchat.spring.RenderedWidget.assertIdentifies;
import static io.github.pylonchat.spring.RenderedWidget.hasWidget;
import static io.github.pylonchat.spring.RenderedWidget.setting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import freemarker.template.Configuration;
import freemarker.template.TemplateDirectiveModel;
import io.github.pylonchat.PylonChatWidget;
import io.github.pylonchat.spring.testapp.Member;
import java.nio.file.Files;
import java.nio.file.Path;
import io.github.pylonchat.freemarker.PylonChatDirective;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.freemarker.autoconfigure.FreeMarkerVariablesCustomizer;
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

  @TempDir
  static Path dir;

  static Stream<Arguments> environments() throws Exception {
    Path secretFile = Files.writeString(dir.resolve("pylon-secret"), SECRET + "\n");
    return Stream.of(
        arguments("PYLON_CHAT_* by relaxed binding",
            Map.of("PYLON_CHAT_APP_ID", "relaxed-app", "PYLON_CHAT_IDENTITY_SECRET", SECRET), "relaxed-app"),
        arguments("PYLON_APP_ID and PYLON_IDENTITY_SECRET",
            Map.of("PYLON_APP_ID", "plain-app", "PYLON_IDENTITY_SECRET", SECRET), "plain-app"),
        arguments("PYLON_APP_ID and PYLON_IDENTITY_SECRET_FILE",
            Map.of("PYLON_APP_ID", "file-app", "PYLON_IDENTITY_SECRET_FILE", secretFile.toString()), "file-app"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("environments")
  void appIdAndSecretFromEnvironmentVariables(String name, Map<String, Object> env, String appId) {
    withEnvironment(env).run(context -> {
      String page = renderFor(context, MEMBER, "<@pylonChat/>");
      assertIdentifies(page, "member@example.com", "Member Name");
      assertThat(setting(page, "app_id")).isEqualTo(appId);
    });
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
          String page = renderFor(context, MEMBER, "<@pylonChat/>", Map.of(
              "currentMember", MEMBER, "currentUser", new Member("other@example.com", null),
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
          assertThat(renderFor(context, MEMBER, "[<@pylonChat/>]")).isEqualTo("[]");
        });
  }

  @Test
  void withoutIdentityVerificationNoHashIsRenderedAndAWarningIsLoggedOnce(CapturedOutput output) {
    withEnvironment(Map.of())
        .withPropertyValues("pylon.chat.app-id=app", "pylon.chat.identity-verification=false")
        .run(context -> {
          String first = renderFor(context, MEMBER, "<@pylonChat/>");
          renderFor(context, MEMBER, "<@pylonChat/>");
          assertThat(setting(first, "email")).isEqualTo("member@example.com");
          assertThat(first).doesNotContain("email_hash");
        });
    assertThat(output.getAll().split("Pylon chat runs WITHOUT identity verification", -1)).hasSize(2);
  }

  @Test
  void bootsFreeMarkerConfigurationGetsTheDirectiveThroughItsVariablesCustomizer() {
    withEnvironment(Map.of())
        .withPropertyValues("pylon.chat.app-id=app", "pylon.chat.identity-secret=" + SECRET)
        .run(context -> {
          Map<String, Object> variables = new HashMap<>();
          context.getBeanProvider(FreeMarkerVariablesCustomizer.class).orderedStream()
              .forEach(customizer -> customizer.customizeFreeMarkerVariables(variables));

          assertThat(variables.get("pylonChat")).isSameAs(context.getBean(PylonChatDirective.class));
        });
  }

  @Test
  void pylonChatVariableTheApplicationRegisteredItselfIsKept() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(PylonChatAutoConfiguration.class))
        .withPropertyValues("pylon.chat.app-id=app", "pylon.chat.identity-secret=" + SECRET)
        .withUserConfiguration(OwnPylonChatVariable.class)
        .run(context -> assertThat(renderFor(context, MEMBER, "<@pylonChat/>"))
            .isEqualTo("own directive"));
  }

  /** Spring Security knows nobody: the page's user may come from request parameters, so nobody is signed. */
  @Test
  void pageUserOfAVisitorWhoIsNotLoggedInIsNotSignedAndOneWarningSaysWhy(CapturedOutput output) {
    withEnvironment(Map.of())
        .withPropertyValues("pylon.chat.app-id=app", "pylon.chat.identity-secret=" + SECRET)
        .run(context -> {
          assertThat(render(context, "[<@pylonChat/>]", Map.of("currentUser", MEMBER))).isEqualTo("[]");
          assertThat(render(context, "[<@pylonChat user=currentUser/>]", Map.of("currentUser", MEMBER)))
              .isEqualTo("[]");
        });
    assertThat(output.getAll().split("set pylon.chat.trust-user-attribute=true", -1)).hasSize(2);
    assertThat(output.getAll()).contains("WARN").doesNotContain("member@example.com");
  }

  @Test
  void pageUserOfAPrincipalWithoutChatIdentityIsNotSignedAndOneWarningNamesThePrincipalType(CapturedOutput output) {
    withEnvironment(Map.of())
        .withPropertyValues("pylon.chat.app-id=app", "pylon.chat.identity-secret=" + SECRET)
        .run(context -> {
          assertThat(renderFor(context, "mallory", "[<@pylonChat/>]", Map.of("currentUser", MEMBER))).isEqualTo("[]");
          assertThat(renderFor(context, "mallory", "[<@pylonChat/>]", Map.of("currentUser", MEMBER))).isEqualTo("[]");
        });
    assertThat(output.getAll().split("principal of type java.lang.String has no chat identity", -1)).hasSize(2);
    assertThat(output.getAll()).contains("the user the page hands to the chat tag is not signed in its place")
        .contains("PylonChatUserResolver");
  }

  /** An application that authenticates outside Spring Security opts in to its own attribute. */
  @Test
  void withTrustUserAttributeThePageUserIsSignedWhenSpringSecurityKnowsNoChatIdentity() {
    withEnvironment(Map.of())
        .withPropertyValues("pylon.chat.app-id=app", "pylon.chat.identity-secret=" + SECRET,
            "pylon.chat.trust-user-attribute=true")
        .run(context -> {
          assertIdentifies(render(context, "<@pylonChat/>", Map.of("currentUser", MEMBER)),
              "member@example.com", "Member Name");
          assertIdentifies(renderFor(context, "mallory", "<@pylonChat/>", Map.of("currentUser", MEMBER)),
              "member@example.com", "Member Name");
        });
  }

  /** The opt-in never overrides a principal Spring Security did identify. */
  @Test
  void withTrustUserAttributeAPageUserOtherThanAnIdentifiedPrincipalStillFailsTheTag() {
    withEnvironment(Map.of())
        .withPropertyValues("pylon.chat.app-id=app", "pylon.chat.identity-secret=" + SECRET,
            "pylon.chat.trust-user-attribute=true")
        .run(context -> assertThatThrownBy(() -> renderFor(context, new Member("other@example.com", "Other"),
            "<@pylonChat/>", Map.of("currentUser", MEMBER)))
            .hasMessageContaining("is not the logged-in user")
            .message().doesNotContain("member@example.com").doesNotContain("other@example.com"));
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
