package io.github.pylonchat.spring.boot3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/** On Spring Boot 3.5 too, the actuator's {@code /env} and {@code /configprops} never show the identity secret. */
@SpringBootTest(classes = Boot3Application.class, properties = {
    "pylon.chat.app-id=boot3-app",
    "pylon.chat.identity-secret=" + StarterOnBoot3Test.SECRET,
    "management.endpoints.web.exposure.include=env,configprops",
    "management.endpoint.env.show-values=always",
    "management.endpoint.configprops.show-values=always"})
@ContextConfiguration(initializers = ActuatorOnBoot3Test.ProcessEnvironment.class)
@AutoConfigureMockMvc
class ActuatorOnBoot3Test {
  static final String PYLON_IDENTITY_SECRET = "5ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e7";

  /** An environment variable as the process would have it, in a source named like the real one's. */
  static class ProcessEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      context.getEnvironment().getPropertySources().addLast(new SystemEnvironmentPropertySource(
          "systemEnvironmentForTest", Map.of("PYLON_IDENTITY_SECRET", PYLON_IDENTITY_SECRET)));
    }
  }

  @Autowired
  MockMvc mvc;

  @ParameterizedTest
  @ValueSource(strings = {"/actuator/env", "/actuator/configprops"})
  void theSecretIsInNoAnswerWhileOtherValuesAreShown(String path) throws Exception {
    String body = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

    assertThat(body).contains("boot3-app").contains("******")
        .doesNotContain(StarterOnBoot3Test.SECRET).doesNotContain(PYLON_IDENTITY_SECRET);
  }
}
