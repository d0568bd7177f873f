package io.github.pylonchat.spring;

import static io.github.pylonchat.spring.RenderedWidget.assertIdentifies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.pylonchat.spring.testapp.TestApplication;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * "Log in as" with Spring Security's {@code SwitchUserFilter}: the administrator logs in with the
 * login form, switches to ada through {@code /login/impersonate}, and loads a page. Ada's email is
 * never signed for the administrator, whose browser would keep her chat history for good.
 */
@SpringBootTest(classes = TestApplication.class, properties = {
    "pylon.chat.app-id=test-app",
    "pylon.chat.identity-secret=" + RenderedWidget.SECRET})
@AutoConfigureMockMvc
class ImpersonationTest {
  @Autowired
  MockMvc mvc;

  private MockHttpSession loggedInAsAdmin() throws Exception {
    return (MockHttpSession) mvc.perform(formLogin().user("admin").password("admin-password"))
        .andExpect(authenticated().withUsername("admin"))
        .andReturn().getRequest().getSession(false);
  }

  private MockHttpSession adminImpersonatingAda() throws Exception {
    return (MockHttpSession) mvc.perform(post("/login/impersonate").param("username", "ada")
            .session(loggedInAsAdmin()).with(csrf()))
        .andExpect(redirectedUrl("/page"))
        .andExpect(authenticated().withUsername("ada"))
        .andReturn().getRequest().getSession(false);
  }

  private String page(String path, MockHttpSession session) throws Exception {
    return mvc.perform(get(path).session(session)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
  }

  @Test
  void administratorOnTheirOwnPagesIsIdentified() throws Exception {
    assertIdentifies(page("/page", loggedInAsAdmin()), "admin@example.com", "Site Admin");
  }

  @Test
  void whileImpersonatingNobodyIsIdentifiedByDefault() throws Exception {
    String page = page("/page", adminImpersonatingAda());

    assertThat(page).contains("<main>page</main>").doesNotContain("<script")
        .doesNotContain("ada@example.com").doesNotContain("admin@example.com");
  }

  @Test
  void whileImpersonatingTheUserAttributeIsNotSignedEither() throws Exception {
    String page = page("/model-user", adminImpersonatingAda());

    assertThat(page).doesNotContain("<script").doesNotContain("grace@example.com");
  }

  @Nested
  @TestPropertySource(properties = "pylon.chat.impersonation=original")
  class WithImpersonationOriginal {
    @Test
    void whileImpersonatingTheAdministratorIsIdentified() throws Exception {
      String page = page("/page", adminImpersonatingAda());

      assertIdentifies(page, "admin@example.com", "Site Admin");
      assertThat(page).doesNotContain("ada@example.com");
    }
  }
}
