package io.github.pylonchat.samples.spa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.ChatConfigurationException;
import io.github.pylonchat.PylonChatWidget;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The single-page sample started as {@code java -jar} starts it, with a chosen process environment:
 * the demo (its app id, Pylon's public test secret, the demo passwords at {@code /api/demo-accounts})
 * only in the demo profile, its default; never the demo secret beside a real app id.
 */
class SpaDemoProfileTest {
  private static final String REAL_SECRET = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static ConfigurableApplicationContext start(Map<String, Object> processEnvironment, String... args) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, processEnvironment));
    String[] arguments = new String[args.length + 1];
    arguments[0] = "--server.port=0";
    System.arraycopy(args, 0, arguments, 1, args.length);
    return new SpringApplicationBuilder(SpaApplication.class).environment(environment).run(arguments);
  }

  private static HttpResponse<String> get(ConfigurableApplicationContext sample, String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + sample.getEnvironment().getProperty("local.server.port") + path);
    return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void withNothingConfiguredItIsTheDemoWithItsPasswords() throws Exception {
    try (ConfigurableApplicationContext sample = start(Map.of())) {
      assertEquals("pylon-chat-java-demo", sample.getBean(PylonChatWidget.class).appId());
      HttpResponse<String> accounts = get(sample, "/api/demo-accounts");
      assertEquals(200, accounts.statusCode());
      assertTrue(accounts.body().contains("\"password\":\"ada-password\""), accounts.body());
    }
  }

  /** The case: a prod profile and a real app id signed with the public demo secret. */
  @Test
  void aRealAppIdWithoutASecretStopsStartUpNamingTheVariable() {
    RuntimeException failure = assertThrows(RuntimeException.class,
        () -> start(Map.of("PYLON_APP_ID", "8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f"), "--spring.profiles.active=prod")
            .close());
    Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
    assertTrue(cause instanceof ChatConfigurationException, () -> "a configuration error, not " + cause);
    assertTrue(cause.getMessage().startsWith(
        "pylon.chat.identity-secret (or PYLON_IDENTITY_SECRET) is not set (nor PYLON_IDENTITY_SECRET_FILE)."),
        cause.getMessage());
  }

  @Test
  void outsideTheDemoProfileNoPasswordIsServedAndTheCspHasDefaultAndFormActionSelf() throws Exception {
    Map<String, Object> real = Map.of("PYLON_APP_ID", "8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f",
        "PYLON_IDENTITY_SECRET", REAL_SECRET);
    try (ConfigurableApplicationContext sample = start(real, "--spring.profiles.active=prod")) {
      HttpResponse<String> accounts = get(sample, "/api/demo-accounts");
      assertEquals(404, accounts.statusCode());
      assertFalse(accounts.body().contains("ada-password"), accounts.body());

      String policy = get(sample, "/").headers().firstValue("Content-Security-Policy").orElseThrow();
      assertTrue(policy.startsWith("default-src 'self'; "), policy);
      assertTrue(policy.contains("; form-action 'self'; "), policy);
    }
  }
}
