package io.github.pylonchat.spring.boot3;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Logs in through {@link Boot3Application}'s login form and switches user as an administrator would. */
final class SwitchUser {
  private SwitchUser() {}

  static MockHttpSession loggedInAsAdmin(MockMvc mvc) throws Exception {
    return (MockHttpSession) mvc.perform(formLogin().user("admin").password("admin-password"))
        .andExpect(authenticated().withUsername("admin"))
        .andReturn().getRequest().getSession(false);
  }

  /** Logs in as admin, switches to ada through {@code /login/impersonate}, and loads {@code /page}. */
  static String pageWhileAdminImpersonatesAda(MockMvc mvc) throws Exception {
    MockHttpSession session = (MockHttpSession) mvc.perform(post("/login/impersonate")
            .param("username", "ada").session(loggedInAsAdmin(mvc)).with(csrf()))
        .andExpect(redirectedUrl("/page"))
        .andExpect(authenticated().withUsername("ada"))
        .andReturn().getRequest().getSession(false);
    return mvc.perform(get("/page").session(session)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
  }
}
