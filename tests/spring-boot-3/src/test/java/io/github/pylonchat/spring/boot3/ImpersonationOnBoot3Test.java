package io.github.pylonchat.spring.boot3;

import static io.github.pylonchat.spring.boot3.SwitchUser.loggedInAsAdmin;
import static io.github.pylonchat.spring.boot3.SwitchUser.pageWhileAdminImpersonatesAda;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * "Log in as" with a real {@code SwitchUserFilter} on Spring Boot 3.5: the administrator logs in,
 * switches to ada, and never gets ada's signed email.
 */
@SpringBootTest(classes = Boot3Application.class, properties = {
    "pylon.chat.app-id=boot3-app",
    "pylon.chat.identity-secret=" + StarterOnBoot3Test.SECRET})
@AutoConfigureMockMvc
class ImpersonationOnBoot3Test {
  @Autowired
  MockMvc mvc;

  @Test
  void administratorOnTheirOwnPagesIsIdentified() throws Exception {
    String page = mvc.perform(get("/page").session(loggedInAsAdmin(mvc))).andReturn().getResponse().getContentAsString();

    assertThat(page).contains("\"email\":\"admin@example.com\"");
  }

  @Test
  void whileImpersonatingNobodyIsIdentifiedByDefault() throws Exception {
    assertThat(pageWhileAdminImpersonatesAda(mvc)).contains("<main>page</main>").doesNotContain("<script")
        .doesNotContain("ada@example.com");
  }
}
