package io.github.pylonchat.spring.boot3;

import io.github.pylonchat.testing.TestVector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.pylonchat.ChatProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/** The starter, compiled against Spring Boot 4, in a Spring Boot 3.5 application. */
@SpringBootTest(classes = Boot3Application.class, properties = {
    "pylon.chat.app-id=boot3-app",
    "pylon.chat.identity-secret=" + StarterOnBoot3Test.SECRET})
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class StarterOnBoot3Test {
  /** The test vector's secret: it signs user@example.com as TestVector.EMAIL_HASH. */
  static final String SECRET = TestVector.SECRET_HEX;

  @Autowired
  MockMvc mvc;

  private String page(RequestBuilder request) throws Exception {
    return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }

  private static TestingAuthenticationToken loggedIn(String email, String name) {
    return new TestingAuthenticationToken(ChatProfile.of(email, name), null, "ROLE_USER");
  }

  @Test
  void runsOnSpringBoot35() {
    assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
  }

  @Test
  void loggedInUserGetsTheWidgetWithAVerifyingEmailHash() throws Exception {
    String page = page(get("/page").with(authentication(loggedIn("user@example.com", "Boot Three"))));

    assertThat(page)
        .contains("window.pylon={\"chat_settings\":{\"app_id\":\"boot3-app\",\"email\":\"user@example.com\","
            + "\"name\":\"Boot Three\",\"email_hash\":\"" + TestVector.EMAIL_HASH + "\"}};")
        .contains("https://widget.usepylon.com/widget/boot3-app")
        .doesNotContain(SECRET);
  }

  @Test
  void visitorWhoIsNotLoggedInGetsNothing() throws Exception {
    String page = page(get("/page"));

    assertThat(page).contains("<main>page</main>").doesNotContain("<script");
  }

  @Test
  void cspNonceRequestAttributeIsPutOnBothScriptElements() throws Exception {
    String page = page(get("/page").requestAttr("cspNonce", "Qm9vdDM=")
        .with(authentication(loggedIn("user@example.com", "Boot Three"))));

    assertThat(page.split("<script nonce=\"Qm9vdDM=\">", -1)).hasSize(3);
    assertThat(page).doesNotContain("<script>");
  }

  @Test
  void malformedSecretStopsStartUpWithTheReport(CapturedOutput output) {
    SpringApplication app = new SpringApplication(MinimalApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    String secret = "c0ffee15600d".repeat(5) + "c0ffe"; // 65 hex digits: one too many

    assertThatThrownBy(() -> app.run("--pylon.chat.app-id=app", "--pylon.chat.identity-secret=" + secret))
        .isNotNull();

    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains("The Pylon chat widget is not configured correctly: pylon.chat.identity-secret has an odd"
            + " number of hex digits (65), so it cannot be decoded to bytes.")
        .contains("To start without the Pylon chat widget, set pylon.chat.enabled=false.")
        .doesNotContain("c0ffee15");
  }

  /** Spring Boot's auto-configuration and nothing else (no web server, no security). */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class MinimalApplication {}
}
