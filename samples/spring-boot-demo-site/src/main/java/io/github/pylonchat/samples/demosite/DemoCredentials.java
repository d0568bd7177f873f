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
import org.springframework.core.env.MapPropertySource;

/**
 * Lets the sample start with nothing configured: when neither {@code pylon.chat.app-id} nor
 * {@code PYLON_APP_ID} is set, it uses a demo app id, and when no identity secret is set
 * ({@code pylon.chat.identity-secret}, {@code PYLON_IDENTITY_SECRET} or
 * {@code PYLON_IDENTITY_SECRET_FILE}), Pylon's public test secret (as hex for the email hash, as text
 * with {@code pylon.chat.identity-verification=jwt}). Both are announced at start-up
 * as DEMO values. A real application does not do this: there a missing setting stops start-up.
 */
class DemoCredentials implements EnvironmentPostProcessor, Ordered {
  static final String DEMO_APP_ID = "pylon-chat-java-demo";
  /** Pylon's documented test secret: public, so it proves nothing to Pylon. */
  static final String DEMO_IDENTITY_SECRET = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

  private final Log log;

  DemoCredentials(DeferredLogFactory logs) {
    this.log = logs.getLog(DemoCredentials.class);
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> defaults = new HashMap<>();
    if (noneSet(environment, "pylon.chat.app-id", "PYLON_APP_ID")) {
      defaults.put("pylon.chat.app-id", DEMO_APP_ID);
      log.warn("Using the DEMO Pylon app id " + DEMO_APP_ID + ", which Pylon does not know: set"
          + " PYLON_APP_ID (or pylon.chat.app-id) to your app id to see the chat.");
    }
    if (noneSet(environment, "pylon.chat.identity-secret", "PYLON_IDENTITY_SECRET", "PYLON_IDENTITY_SECRET_FILE")
        && !List.of("none", "false").contains(
            environment.getProperty("pylon.chat.identity-verification", "email-hash").strip().toLowerCase(Locale.ROOT))) {
      defaults.put("pylon.chat.identity-secret", DEMO_IDENTITY_SECRET);
      log.warn("Using a public DEMO Pylon identity secret: set PYLON_IDENTITY_SECRET (or"
          + " PYLON_IDENTITY_SECRET_FILE, or pylon.chat.identity-secret) to your secret.");
    }
    if (!defaults.isEmpty()) {
      environment.getPropertySources().addLast(new MapPropertySource("pylonChatDemoCredentials", defaults));
    }
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
