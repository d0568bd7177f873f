package io.github.pylonchat.samples.demosite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.ChatConfigurationException;
import io.github.pylonchat.ChatProfile;
import io.github.pylonchat.IdentityVerification;
import io.github.pylonchat.PylonChatWidget;
import io.github.pylonchat.testing.TestVector;
import java.util.List;
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
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.ui.ExtendedModelMap;

/**
 * Starts the demo site with a chosen process environment, as {@code java -jar} starts a sample: in
 * the demo profile, the default of every sample (their {@code application.properties} set
 * {@code spring.profiles.default=demo}, as {@link #DEMO_BY_DEFAULT} does here), or in another.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoCredentialsTest {
  private static final String USER = "user@example.com";
  private static final String DEMO_BY_DEFAULT = "--spring.profiles.default=" + DemoCredentials.PROFILE;
  private static final String REAL_SECRET = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";

  @Test
  void withNothingConfiguredTheDemoProfileStartsWithAnnouncedDemoValues(CapturedOutput log) {
    try (ConfigurableApplicationContext sample = start(Map.of(), DEMO_BY_DEFAULT)) {
      PylonChatWidget widget = sample.getBean(PylonChatWidget.class);
      assertEquals("pylon-chat-java-demo", widget.appId());
      // Pylon's documented test vector: the demo secret is Pylon's test secret.
      assertTrue(widget.render(ChatProfile.of(USER, null), null).contains("\"email_hash\":\"" + TestVector.EMAIL_HASH + "\""));
      assertEquals(DemoUsers.ACCOUNTS, loginPageAccounts(sample), "the login page lists the demo passwords");
    }
    assertTrue(log.getOut().contains("WARN"), log.getOut());
    assertTrue(log.getOut().contains("Using the DEMO Pylon app id pylon-chat-java-demo"), log.getOut());
    assertTrue(log.getOut().contains("Using a public DEMO Pylon identity secret"), log.getOut());
    assertFalse(log.getOut().contains(DemoCredentials.DEMO_IDENTITY_SECRET), "the secret is never logged");
  }

  @Test
  void pylonEnvironmentVariablesReplaceTheDemoValues(CapturedOutput log) {
    Map<String, Object> environment = Map.of("PYLON_APP_ID", "my-real-app", "PYLON_IDENTITY_SECRET", REAL_SECRET);
    try (ConfigurableApplicationContext sample = start(environment, DEMO_BY_DEFAULT)) {
      PylonChatWidget widget = sample.getBean(PylonChatWidget.class);
      assertEquals("my-real-app", widget.appId());
      assertFalse(widget.render(ChatProfile.of(USER, null), null).contains(TestVector.EMAIL_HASH));
    }
    assertFalse(log.getOut().contains("DEMO"), log.getOut());
  }

  /** A real app id and the public demo secret would sign under a real app with a secret anyone has. */
  @Test
  void aRealAppIdWithoutASecretStopsStartUpNamingTheVariableInEveryProfile() {
    for (String profile : List.of(DEMO_BY_DEFAULT, "--spring.profiles.active=prod")) {
      String message = startUpFailure(Map.of("PYLON_APP_ID", "my-real-app"), profile);
      assertTrue(message.startsWith("pylon.chat.identity-secret (or PYLON_IDENTITY_SECRET) is not set (nor"
          + " PYLON_IDENTITY_SECRET_FILE)."), message);
    }
  }

  @Test
  void outsideTheDemoProfileThereAreNoDemoValuesAndNoListedPasswords() {
    String message = startUpFailure(Map.of(), "--spring.profiles.active=prod");
    assertTrue(message.startsWith("pylon.chat.app-id (or PYLON_APP_ID) is not set."), message);

    Map<String, Object> environment = Map.of("PYLON_APP_ID", "my-real-app", "PYLON_IDENTITY_SECRET", REAL_SECRET);
    try (ConfigurableApplicationContext sample = start(environment, "--spring.profiles.active=prod")) {
      assertEquals(List.of(), loginPageAccounts(sample));
    }
  }

  @Test
  void inJwtModeTheDemoSecretIsUsedAsTextAndWithoutVerificationNoSecretIsAdded() {
    try (ConfigurableApplicationContext sample = start(Map.of("PYLON_CHAT_IDENTITY_VERIFICATION", "jwt"), DEMO_BY_DEFAULT)) {
      assertEquals(IdentityVerification.JWT, sample.getBean(PylonChatWidget.class).identityVerification());
    }
    try (ConfigurableApplicationContext sample = start(Map.of("PYLON_CHAT_IDENTITY_VERIFICATION", "none"), DEMO_BY_DEFAULT)) {
      assertEquals(IdentityVerification.NONE, sample.getBean(PylonChatWidget.class).identityVerification());
    }
  }

  private static List<?> loginPageAccounts(ConfigurableApplicationContext sample) {
    ExtendedModelMap model = new ExtendedModelMap();
    sample.getBean(PageController.class).login(model);
    return (List<?>) model.get("accounts");
  }

  /** The message of the configuration error that stops the start. */
  private static String startUpFailure(Map<String, Object> processEnvironment, String... args) {
    RuntimeException failure = assertThrows(RuntimeException.class, () -> start(processEnvironment, args).close());
    Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
    assertTrue(cause instanceof ChatConfigurationException, () -> "a configuration error, not " + cause);
    return cause.getMessage();
  }

  private static ConfigurableApplicationContext start(Map<String, Object> processEnvironment, String... args) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, processEnvironment));
    String[] arguments = new String[args.length + 1];
    arguments[0] = "--server.port=0";
    System.arraycopy(args, 0, arguments, 1, args.length);
    return new SpringApplicationBuilder(DemoApplication.class).environment(environment).run(arguments);
  }

  /** What each sample's application is, without its templates. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(DemoSite.class)
  static class DemoApplication {}
}
