package io.github.pylonchat.samples.demosite;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Lets the sample start with nothing configured, in the {@value #PROFILE} profile only: when neither
 * an app id ({@code pylon.chat.app-id}, {@code PYLON_APP_ID}) nor an identity secret
 * ({@code pylon.chat.identity-secret}, {@code PYLON_IDENTITY_SECRET} or
 * {@code PYLON_IDENTITY_SECRET_FILE}) is set, it uses a demo app id and Pylon's public test secret (as
 * hex for the email hash, as text with {@code pylon.chat.identity-verification=jwt}), both announced
 * at start-up as DEMO values.
 *
 * <p>Each sample's {@code application.properties} makes {@value #PROFILE} the default profile, so
 * {@code java -jar} starts it; any other active profile ({@code --spring.profiles.active=prod}) turns
 * it off. The demo values come as a pair or not at all: a real app id without a secret gets no demo
 * secret (that would sign with a public secret under a real app), so the starter stops start-up
 * naming the missing variable, as in every real application.
 */
public class DemoCredentials implements EnvironmentPostProcessor, Ordered {
  /** The profile in which the demo values and the demo accounts' passwords are offered. */
  public static final String PROFILE = "demo";
  static final String DEMO_APP_ID = "pylon-chat-java-demo";
  /** Pylon's documented test secret: public, so it proves nothing to Pylon. */
  static final String DEMO_IDENTITY_SECRET = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

  private final Log log;

  DemoCredentials(DeferredLogFactory logs) {
    this.log = logs.getLog(DemoCredentials.class);
  }

  /** Whether {@code environment} runs the demo: the {@value #PROFILE} profile is active (or the default). */
  public static boolean isDemo(Environment environment) {
    return environment.acceptsProfiles(Profiles.of(PROFILE));
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!isDemo(environment)
        || !noneSet(environment, "pylon.chat.app-id", "PYLON_APP_ID", "pylon.chat.identity-secret",
            "PYLON_IDENTITY_SECRET", "PYLON_IDENTITY_SECRET_FILE")) {
      return;
    }
    Map<String, Object> defaults = new HashMap<>();
    defaults.put("pylon.chat.app-id", DEMO_APP_ID);
    log.warn("Using the DEMO Pylon app id " + DEMO_APP_ID + ", which Pylon does not know: set"
        + " PYLON_APP_ID (or pylon.chat.app-id) and PYLON_IDENTITY_SECRET to your values to see the chat.");
    if (!List.of("none", "false").contains(
        environment.getProperty("pylon.chat.identity-verification", "email-hash").strip().toLowerCase(Locale.ROOT))) {
      defaults.put("pylon.chat.identity-secret", DEMO_IDENTITY_SECRET);
      log.warn("Using a public DEMO Pylon identity secret: set PYLON_IDENTITY_SECRET (or"
          + " PYLON_IDENTITY_SECRET_FILE, or pylon.chat.identity-secret) to your secret.");
    }
    environment.getPropertySources().addLast(new MapPropertySource("pylonChatDemoCredentials", defaults));
  }

  private static boolean noneSet(ConfigurableEnvironment environment, String... names) {
    return Stream.of(names).noneMatch(name -> {
      String value = environment.getProperty(name);
      return value != null && !value.isBlank();
    });
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE; // after application.properties and the like are loaded
  }
}
