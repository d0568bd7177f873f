package io.github.pylonchat.spring.boot3;

import static io.github.pylonchat.spring.boot3.SwitchUser.pageWhileAdminImpersonatesAda;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/** With {@code pylon.chat.impersonation=original}, the impersonating administrator is identified (Boot 3.5). */
@SpringBootTest(classes = Boot3Application.class, properties = {
    "pylon.chat.app-id=boot3-app",
    "pylon.chat.identity-secret=" + StarterOnBoot3Test.SECRET,
    "pylon.chat.impersonation=original"})
@AutoConfigureMockMvc
class ImpersonationOriginalOnBoot3Test {
  @Autowired
  MockMvc mvc;

  @Test
  void whileImpersonatingTheAdministratorIsIdentified() throws Exception {
    assertThat(pageWhileAdminImpersonatesAda(mvc))
        .contains("\"email\":\"admin@example.com\",\"name\":\"Site Admin\",\"email_hash\":\"")
        .doesNotContain("ada@example.com");
  }
}
