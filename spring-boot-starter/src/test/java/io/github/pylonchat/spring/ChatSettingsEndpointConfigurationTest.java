package io.github.pylonchat.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.github.pylonchat.ChatConfigurationException;
import io.github.pylonchat.ChatProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Switching the chat-settings endpoint on and configuring it, in a Spring MVC application without
 * Spring Security (a session attribute holds the logged-in user).
 */
class ChatSettingsEndpointConfigurationTest {
  private final WebApplicationContextRunner web = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
          HttpMessageConvertersAutoConfiguration.class, PylonChatAutoConfiguration.class,
          PylonChatEndpointAutoConfiguration.class))
      // without Spring Security the session's user is signed as given; with it, only the principal is
      .withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
      .withPropertyValues("pylon.chat.app-id=app", "pylon.chat.identity-secret=" + RenderedWidget.SECRET);

  private static MockHttpServletResponse getWithSessionUser(WebApplicationContext context, String path) throws Exception {
    MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
    return mvc.perform(get(path).sessionAttr("currentUser", ChatProfile.of("user@example.com", "User")))
        .andReturn().getResponse();
  }

  @Test
  void endpointIsOffUnlessEnabled() {
    web.run(context -> {
      assertThat(context).doesNotHaveBean(ChatSettingsEndpoint.class);
      assertThat(getWithSessionUser(context, "/pylon/chat-settings").getStatus()).isEqualTo(404);
      assertThat(getWithSessionUser(context, "/pylon/chat-settings.js").getStatus()).isEqualTo(404);
    });
  }

  @Test
  void enabledItAnswersTheSessionUsersSettingsWithoutSpringSecurity() {
    web.withPropertyValues("pylon.chat.endpoint.enabled=true").run(context -> {
      MockHttpServletResponse response = getWithSessionUser(context, "/pylon/chat-settings");

      assertThat(response.getStatus()).isEqualTo(200);
      assertThat(response.getContentAsString()).startsWith("{\"app_id\":\"app\",\"email\":\"user@example.com\"");
      assertThat(response.getHeader("Cache-Control")).isEqualTo("private, no-store");
      assertThat(getWithSessionUser(context, "/pylon/chat-settings.js").getStatus()).isEqualTo(200);
    });
  }

  @Test
  void withTheChatSwitchedOffItAnswers204AndNeedsNoAppId() {
    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            PylonChatAutoConfiguration.class, PylonChatEndpointAutoConfiguration.class))
        .withPropertyValues("pylon.chat.enabled=false", "pylon.chat.endpoint.enabled=true")
        .run(context -> {
          MockHttpServletResponse response = getWithSessionUser(context, "/pylon/chat-settings");

          assertThat(response.getStatus()).isEqualTo(204);
          assertThat(response.getHeader("Cache-Control")).isEqualTo("private, no-store");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"pylon/chat-settings", "/pylon/", "/pylon/{user}", "/pylon/**", "/a b", "/pylon/../admin"})
  void pathThatIsNotAPlainPathStopsStartUp(String path) {
    web.withPropertyValues("pylon.chat.endpoint.enabled=true", "pylon.chat.endpoint.path=" + path).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ChatConfigurationException.class)
          .hasMessageContaining("pylon.chat.endpoint.path is not a plain path such as /pylon/chat-settings");
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", "https://*.example.com", "https://app.example.com/", "app.example.com",
      "https://app.example.com/spa", "ftp://app.example.com"})
  void allowedOriginThatIsNotAnOriginStopsStartUp(String origin) {
    web.withPropertyValues("pylon.chat.endpoint.enabled=true", "pylon.chat.endpoint.allowed-origins=" + origin)
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ChatConfigurationException.class)
              .hasMessageContaining("pylon.chat.endpoint.allowed-origins has an entry that is not an origin")
              .hasMessageContaining("scheme://host[:port]");
        });
  }
}
