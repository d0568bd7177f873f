package io.github.pylonchat.spring.boot3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/**
 * On Spring Boot 3.5 too, the actuator's {@code /env} and {@code /configprops} never show the identity
 * secret: given on the command line (so also in the JVM's {@code sun.java.command}), in
 * {@code SPRING_APPLICATION_JSON} (in capitals) or in {@code PYLON_IDENTITY_SECRET}.
 */
@SpringBootTest(classes = Boot3Application.class,
    args = "--pylon.chat.identity-secret=" + StarterOnBoot3Test.SECRET,
    properties = {
        "pylon.chat.app-id=boot3-app",
        "management.endpoints.web.exposure.include=env,configprops",
        "management.endpoint.env.show-values=always",
        "management.endpoint.configprops.show-values=always"})
@ContextConfiguration(initializers = ActuatorOnBoot3Test.HowTheJvmWasStarted.class)
@AutoConfigureMockMvc
class ActuatorOnBoot3Test {
  static final String PYLON_IDENTITY_SECRET = "5ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e7";

  /** The JVM's system property and the process environment, in sources named like the real ones. */
  static class HowTheJvmWasStarted implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      context.getEnvironment().getPropertySources().addLast(new MapPropertySource("systemPropertiesForTest",
          Map.of("sun.java.command", "app.jar --pylon.chat.identity-secret=" + StarterOnBoot3Test.SECRET)));
      context.getEnvironment().getPropertySources().addLast(new SystemEnvironmentPropertySource(
          "systemEnvironmentForTest", Map.of(
              "PYLON_IDENTITY_SECRET", PYLON_IDENTITY_SECRET,
              "SPRING_APPLICATION_JSON", "{\"pylon.chat.identity-secret\":\""
                  + StarterOnBoot3Test.SECRET.toUpperCase(Locale.ROOT) + "\"}")));
    }
  }

  @Autowired
  MockMvc mvc;

  @ParameterizedTest
  @ValueSource(strings = {"/actuator/env", "/actuator/configprops"})
  void theSecretIsInNoAnswerWhileOtherValuesAreShown(String path) throws Exception {
    String body = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

    assertThat(body).contains("boot3-app").contains("******")
        .doesNotContainIgnoringCase(StarterOnBoot3Test.SECRET).doesNotContainIgnoringCase(PYLON_IDENTITY_SECRET);
  }
}
