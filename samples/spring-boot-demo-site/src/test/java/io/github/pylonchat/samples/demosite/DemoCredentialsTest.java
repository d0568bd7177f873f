package io.github.pylonchat.samples.demosite;

import io.github.pylonchat.testing.TestVector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.ChatProfile;
import io.github.pylonchat.IdentityVerification;
import io.github.pylonchat.PylonChatWidget;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Starts the demo site with a chosen process environment, as {@code java -jar} starts a sample. */
@ExtendWith(OutputCaptureExtension.class)
class DemoCredentialsTest {
  private static final String USER = "user@example.com";
  /** Pylon's documented test vector: the demo secret is Pylon's test secret. */

  @Test
  void withNothingConfiguredTheSampleStartsWithAnnouncedDemoValues(CapturedOutput log) {
    try (ConfigurableApplicationContext sample = start(Map.of())) {
      PylonChatWidget widget = sample.getBean(PylonChatWidget.class);
      assertEquals("pylon-chat-java-demo", widget.appId());
      assertTrue(widget.render(ChatProfile.of(USER, null), null).contains("\"email_hash\":\"" + TestVector.EMAIL_HASH + "\""));
    }
    assertTrue(log.getOut().contains("WARN"), log.getOut());
    assertTrue(log.getOut().contains("Using the DEMO Pylon app id pylon-chat-java-demo"), log.getOut());
    assertTrue(log.getOut().contains("Using a public DEMO Pylon identity secret"), log.getOut());
    assertFalse(log.getOut().contains(DemoCredentials.DEMO_IDENTITY_SECRET), "the secret is never logged");
  }

  @Test
  void pylonEnvironmentVariablesReplaceTheDemoValues(CapturedOutput log) {
    Map<String, Object> environment = Map.of(
        "PYLON_APP_ID", "my-real-app",
        "PYLON_IDENTITY_SECRET", "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100");
    try (ConfigurableApplicationContext sample = start(environment)) {
      PylonChatWidget widget = sample.getBean(PylonChatWidget.class);
      assertEquals("my-real-app", widget.appId());
      assertFalse(widget.render(ChatProfile.of(USER, null), null).contains(TestVector.EMAIL_HASH));
    }
    assertFalse(log.getOut().contains("DEMO"), log.getOut());
  }

  @Test
  void inJwtModeTheDemoSecretIsUsedAsTextAndWithoutVerificationNoSecretIsAdded() {
    try (ConfigurableApplicationContext sample = start(Map.of("PYLON_CHAT_IDENTITY_VERIFICATION", "jwt"))) {
      assertEquals(IdentityVerification.JWT, sample.getBean(PylonChatWidget.class).identityVerification());
    }
    try (ConfigurableApplicationContext sample = start(Map.of("PYLON_CHAT_IDENTITY_VERIFICATION", "none"))) {
      assertEquals(IdentityVerification.NONE, sample.getBean(PylonChatWidget.class).identityVerification());
    }
  }

  private static ConfigurableApplicationContext start(Map<String, Object> processEnvironment) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, processEnvironment));
    return new SpringApplicationBuilder(DemoApplication.class).environment(environment).run("--server.port=0");
  }

  /** What each sample's application is, without its templates. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(DemoSite.class)
  static class DemoApplication {}
}
