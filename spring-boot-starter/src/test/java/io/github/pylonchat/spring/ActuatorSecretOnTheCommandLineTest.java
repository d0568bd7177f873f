package io.github.pylonchat.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.pylonchat.spring.testapp.TestApplication;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The secret given on the command line ({@code --pylon.chat.identity-secret=...}, which the JVM also
 * shows in {@code sun.java.command}) and in {@code SPRING_APPLICATION_JSON} (here in capitals, as
 * hex may be written) appears in no answer of {@code /env} or {@code /configprops}, even with
 * {@code show-values=always}.
 */
@SpringBootTest(classes = TestApplication.class,
    args = "--pylon.chat.identity-secret=" + ActuatorSecretOnTheCommandLineTest.SECRET,
    properties = {
        "pylon.chat.app-id=test-app",
        "management.endpoints.web.exposure.include=env,configprops",
        "management.endpoint.env.show-values=always",
        "management.endpoint.configprops.show-values=always"})
@ContextConfiguration(initializers = ActuatorSecretOnTheCommandLineTest.HowTheJvmWasStarted.class)
@AutoConfigureMockMvc
class ActuatorSecretOnTheCommandLineTest {
  static final String SECRET = RenderedWidget.SECRET;

  /** The JVM's system property and the process environment, as the command line above gives them. */
  static class HowTheJvmWasStarted implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      context.getEnvironment().getPropertySources().addLast(new MapPropertySource("systemPropertiesForTest",
          Map.of("sun.java.command", "app.jar --pylon.chat.identity-secret=" + SECRET)));
      context.getEnvironment().getPropertySources().addLast(new SystemEnvironmentPropertySource(
          "systemEnvironmentForTest", Map.of("SPRING_APPLICATION_JSON",
              "{\"pylon\":{\"chat\":{\"identity-secret\":\"" + SECRET.toUpperCase(Locale.ROOT) + "\"}}}")));
    }
  }

  @Autowired
  MockMvc mvc;

  @ParameterizedTest
  @ValueSource(strings = {"/actuator/env", "/actuator/configprops", "/actuator/env/sun.java.command",
      "/actuator/env/SPRING_APPLICATION_JSON"})
  void noAnswerHasTheSecretsText(String path) throws Exception {
    String body = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

    assertThat(body).doesNotContainIgnoringCase(SECRET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sun.java.command", "SPRING_APPLICATION_JSON"})
  void theValuesThatHoldItAreShownMasked(String name) throws Exception {
    String body = mvc.perform(get("/actuator/env")).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString();

    assertThat(body).contains("\"" + name + "\":{\"value\":\"******\"");
  }
}
