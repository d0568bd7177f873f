package io.github.pylonchat.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.pylonchat.spring.testapp.TestApplication;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The actuator's {@code /env} and {@code /configprops}, told to show every value, never show the
 * identity secret: not under {@code pylon.chat.identity-secret}, {@code PYLON_CHAT_IDENTITY_SECRET}
 * or {@code PYLON_IDENTITY_SECRET}, nor under the variable a placeholder takes it from.
 */
@SpringBootTest(classes = TestApplication.class, properties = {
    "pylon.chat.app-id=test-app",
    "pylon.chat.identity-secret=${MY_PYLON_SECRET}",
    "management.endpoints.web.exposure.include=env,configprops",
    "management.endpoint.env.show-values=always",
    "management.endpoint.configprops.show-values=always"})
@ContextConfiguration(initializers = ActuatorSanitizingTest.ProcessEnvironment.class)
@AutoConfigureMockMvc
class ActuatorSanitizingTest {
  static final String SECRET_BY_PLACEHOLDER = RenderedWidget.SECRET;
  static final String PYLON_IDENTITY_SECRET = "5ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e7";
  static final String PYLON_CHAT_IDENTITY_SECRET = "c4a7c4a7c4a7c4a7c4a7c4a7c4a7c4a7c4a7c4a7c4a7c4a7";

  /** Environment variables as the process would have them, in a source named like the real one's. */
  static class ProcessEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      context.getEnvironment().getPropertySources().addLast(new SystemEnvironmentPropertySource(
          "systemEnvironmentForTest", Map.of(
              "MY_PYLON_SECRET", SECRET_BY_PLACEHOLDER,
              "PYLON_IDENTITY_SECRET", PYLON_IDENTITY_SECRET,
              "PYLON_CHAT_IDENTITY_SECRET", PYLON_CHAT_IDENTITY_SECRET)));
    }
  }

  @Autowired
  MockMvc mvc;

  @ParameterizedTest
  @ValueSource(strings = {"/actuator/env", "/actuator/configprops", "/actuator/env/pylon.chat.identity-secret",
      "/actuator/env/PYLON_IDENTITY_SECRET", "/actuator/env/MY_PYLON_SECRET"})
  void theSecretIsInNoAnswer(String path) throws Exception {
    String body = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

    assertThat(body).contains("******")
        .doesNotContain(SECRET_BY_PLACEHOLDER).doesNotContain(PYLON_IDENTITY_SECRET)
        .doesNotContain(PYLON_CHAT_IDENTITY_SECRET);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/actuator/env", "/actuator/configprops"})
  void otherValuesAreShown(String path) throws Exception {
    String body = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

    assertThat(body).contains("test-app");
  }
}
