package io.github.pylonchat.spring;

import static io.github.pylonchat.spring.ChatContexts.renderFor;
import static io.github.pylonchat.spring.ChatContexts.withEnvironment;
import static io.github.pylonchat.spring.RenderedWidget.SECRET;
import static io.github.pylonchat.spring.RenderedWidget.assertIdentifies;
import static io.github.pylonchat.spring.RenderedWidget.setting;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pylonchat.IdentityVerification;
import io.github.pylonchat.PylonChatWidget;
import io.github.pylonchat.spring.testapp.Member;
import io.github.pylonchat.testing.ReferenceJwt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code pylon.chat.identity-verification=jwt}: the same secret property and variables hold Pylon's
 * JWT secret, read as text, and each page gets a token valid for {@code pylon.chat.jwt.lifetime}.
 */
class JwtModeAutoConfigurationTest {
  /** A JWT secret as Pylon might show it; its text is the key. */
  private static final String JWT_SECRET = "pylon-jwt-secret-Zq8vR2mX7tK4wB9nC3hF6jL1";
  private static final Member MEMBER = new Member("member@example.com", "Member Name");

  @TempDir
  static Path dir;

  private static Map<String, Object> claims(String page, String secret) {
    assertThat(page).doesNotContain("email_hash");
    assertThat(setting(page, "email")).isEqualTo("member@example.com");
    assertThat(setting(page, "name")).isEqualTo("Member Name");
    return ReferenceJwt.verifiedClaims(setting(page, "jwt"), secret);
  }

  @Test
  void jwtModeRendersATokenForTheAppSignedWithTheSecretsTextValidForTenMinutes() {
    withEnvironment(Map.of())
        .withPropertyValues("pylon.chat.app-id=jwt-app", "pylon.chat.identity-verification=jwt",
            "pylon.chat.identity-secret=" + JWT_SECRET)
        .run(context -> {
          assertThat(context.getBean(PylonChatWidget.class).identityVerification()).isEqualTo(IdentityVerification.JWT);
          Map<String, Object> claims = claims(renderFor(context, MEMBER, "<@pylonChat/>"), JWT_SECRET);
          assertThat(claims).containsEntry("aud", "jwt-app").containsEntry("email", "member@example.com")
              .containsEntry("name", "Member Name");
          assertThat((Long) claims.get("exp") - (Long) claims.get("iat")).isEqualTo(600L);
        });
  }

  @ParameterizedTest
  @CsvSource({"5, 300", "90s, 90", "15m, 900", "PT1M, 60"})
  void theLifetimeIsAPropertyInMinutesUnlessItSaysOtherwise(String lifetime, long seconds) {
    withEnvironment(Map.of())
        .withPropertyValues("pylon.chat.app-id=app", "pylon.chat.identity-verification=jwt",
            "pylon.chat.identity-secret=" + JWT_SECRET, "pylon.chat.jwt.lifetime=" + lifetime)
        .run(context -> {
          Map<String, Object> claims = claims(renderFor(context, MEMBER, "<@pylonChat/>"), JWT_SECRET);
          assertThat((Long) claims.get("exp") - (Long) claims.get("iat")).isEqualTo(seconds);
        });
  }

  @Test
  void theSecretVariablesAreReadAsTextInJwtMode() throws Exception {
    Path file = Files.writeString(dir.resolve("jwt-secret"), JWT_SECRET + "\n");
    for (Map<String, Object> env : java.util.List.<Map<String, Object>>of(
        Map.of("PYLON_APP_ID", "app", "PYLON_IDENTITY_SECRET", JWT_SECRET, "PYLON_CHAT_IDENTITY_VERIFICATION", "jwt"),
        Map.of("PYLON_APP_ID", "app", "PYLON_IDENTITY_SECRET_FILE", file.toString(),
            "PYLON_CHAT_IDENTITY_VERIFICATION", "JWT"))) {
      withEnvironment(env).run(context ->
          assertThat(claims(renderFor(context, MEMBER, "<@pylonChat/>"), JWT_SECRET))
              .containsEntry("aud", "app"));
    }
  }

  @Test
  void aHexSecretIsUsedAsItsTextInJwtMode() {
    withEnvironment(Map.of())
        .withPropertyValues("pylon.chat.app-id=app", "pylon.chat.identity-verification=jwt",
            "pylon.chat.identity-secret=" + SECRET)
        .run(context -> assertThat(claims(renderFor(context, MEMBER, "<@pylonChat/>"), SECRET))
            .containsEntry("email", "member@example.com"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "email-hash", "EMAIL_HASH", "emailHash"})
  void theEmailHashIsTheDefaultAndTrueStillMeansIt(String value) {
    withEnvironment(Map.of())
        .withPropertyValues("pylon.chat.app-id=app", "pylon.chat.identity-secret=" + SECRET,
            "pylon.chat.identity-verification=" + value)
        .run(context -> {
          assertThat(context.getBean(PylonChatWidget.class).identityVerification())
              .isEqualTo(IdentityVerification.EMAIL_HASH);
          assertIdentifies(renderFor(context, MEMBER, "<@pylonChat/>"), "member@example.com",
              "Member Name");
        });
  }

  @ParameterizedTest
  @CsvSource({"true, EMAIL_HASH", "false, NONE", "jwt, JWT"})
  void theValuesBindInAFullApplicationToo(String value, IdentityVerification expected) {
    SpringApplication app = new SpringApplication(MinimalApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    String secret = switch (expected) {
      case EMAIL_HASH -> SECRET;
      case JWT -> JWT_SECRET;
      case NONE -> "";
    };
    try (ConfigurableApplicationContext context = app.run("--pylon.chat.app-id=app",
        "--pylon.chat.identity-verification=" + value, "--pylon.chat.identity-secret=" + secret)) {
      assertThat(context.getBean(PylonChatWidget.class).identityVerification()).isEqualTo(expected);
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class MinimalApplication {}

  @ParameterizedTest
  @ValueSource(strings = {"false", "none", "NONE"})
  void noneAndTheEarlierFalseTurnVerificationOff(String value) {
    withEnvironment(Map.of())
        .withPropertyValues("pylon.chat.app-id=app", "pylon.chat.identity-verification=" + value)
        .run(context -> {
          assertThat(context.getBean(PylonChatWidget.class).identityVerification()).isEqualTo(IdentityVerification.NONE);
          String page = renderFor(context, MEMBER, "<@pylonChat/>");
          assertThat(page).doesNotContain("email_hash").doesNotContain("\"jwt\"");
        });
  }
}
