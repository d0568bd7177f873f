package io.github.pylonchat.spring.boot3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.pylonchat.ChatProfile;
import io.github.pylonchat.spring.PylonChatAutoConfiguration;
import io.github.pylonchat.testing.TestVector;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * {@code <pylon:chat/>} in a Spring Boot 3.5 application with Thymeleaf and FreeMarker views: the
 * starter registers the dialect in Boot 3.5's Thymeleaf engine, and the tag follows the same rules
 * as {@code <@pylonChat/>}. The properties are {@link StarterOnBoot3Test}'s (one context for both).
 */
@SpringBootTest(classes = Boot3Application.class, properties = {
    "pylon.chat.app-id=boot3-app",
    "pylon.chat.identity-secret=" + StarterOnBoot3Test.SECRET})
@AutoConfigureMockMvc
class ThymeleafOnBoot3Test {
  @Autowired
  MockMvc mvc;

  private MockHttpServletResponse response(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
  }

  private static MockHttpServletRequestBuilder loggedIn(MockHttpServletRequestBuilder request) {
    return request.with(authentication(
        new TestingAuthenticationToken(ChatProfile.of("user@example.com", "Boot Three"), null, "ROLE_USER")));
  }

  @Test
  void loggedInUserIsSignedOnAPrivatePage() throws Exception {
    MockHttpServletResponse response = response(loggedIn(get("/thymeleaf/page")));

    assertThat(response.getContentAsString())
        .contains("window.pylon={\"chat_settings\":{\"app_id\":\"boot3-app\",\"email\":\"user@example.com\","
            + "\"name\":\"Boot Three\",\"email_hash\":\"" + TestVector.EMAIL_HASH + "\"}};")
        .contains("https://widget.usepylon.com/widget/boot3-app")
        .doesNotContain("pylon:chat").doesNotContain(StarterOnBoot3Test.SECRET);
    assertThat(response.getHeader("Cache-Control")).isEqualTo("private, no-store");
  }

  @Test
  void visitorWhoIsNotLoggedInGetsNothing() throws Exception {
    assertThat(response(get("/thymeleaf/page")).getContentAsString())
        .contains("<main>page</main>").doesNotContain("<script").doesNotContain("pylon:chat");
  }

  /** Only the principal is ever signed: a session's user of a visitor who is not logged in is not. */
  @Test
  void userAttributeInTheSessionOfAVisitorWhoIsNotLoggedInIsNotSigned() throws Exception {
    String page = response(get("/thymeleaf/page")
        .sessionAttr("currentUser", ChatProfile.of("session@example.com", "Session User"))).getContentAsString();

    assertThat(page).contains("<main>page</main>").doesNotContain("<script").doesNotContain("session@example.com");
  }

  /** Thymeleaf's views see no session attribute by that name; the starter looks there for them. */
  @Test
  void userAttributeInTheSessionCarriesThePrincipalsIdentity() throws Exception {
    String page = response(loggedIn(get("/thymeleaf/page"))
        .sessionAttr("currentUser", ChatProfile.of("user@example.com", "Session User"))).getContentAsString();

    assertThat(page).contains("\"email\":\"user@example.com\",\"name\":\"Session User\",\"email_hash\":\"");
  }

  @Test
  void cspNonceRequestAttributeIsOnBothScriptElements() throws Exception {
    String page = response(loggedIn(get("/thymeleaf/page")).requestAttr("cspNonce", "Qm9vdDM=")).getContentAsString();

    assertThat(page.split("<script nonce=\"Qm9vdDM=\">", -1)).hasSize(3);
    assertThat(page).doesNotContain("<script>");
  }

  @Test
  void userAttributeOtherThanTheLoggedInUserFailsThePage() {
    assertThatThrownBy(() -> mvc.perform(loggedIn(get("/thymeleaf/page"))
            .requestAttr("currentUser", ChatProfile.of("victim@example.com", null))))
        .rootCause()
        .hasMessageContaining("(pylon.chat.user-attribute) is not the logged-in user: its chat email differs")
        .message().doesNotContain("victim@example.com");
  }

  @Test
  void freeMarkerAndThymeleafWriteTheSamePageForTheSameRequest() throws Exception {
    String freeMarker = response(loggedIn(get("/page")).requestAttr("cspNonce", "Qm9vdDM=")).getContentAsString();
    String thymeleaf = response(loggedIn(get("/thymeleaf/page")).requestAttr("cspNonce", "Qm9vdDM=")).getContentAsString();

    assertThat(thymeleaf).isEqualTo(freeMarker).contains("\"email_hash\":\"" + TestVector.EMAIL_HASH);
  }

  @Test
  void disabledTagRendersNothingAndNeedsNoConfiguration() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ThymeleafAutoConfiguration.class, PylonChatAutoConfiguration.class))
        .withPropertyValues("pylon.chat.enabled=false")
        .run(context -> assertThat(context.getBean(SpringTemplateEngine.class).process("thymeleaf/page",
                new Context(Locale.ROOT, Map.of("currentUser", ChatProfile.of("user@example.com", null)))))
            .contains("<main>page</main>").doesNotContain("<script").doesNotContain("pylon:chat"));
  }
}
