package io.github.pylonchat.spring;

import static io.github.pylonchat.spring.RenderedWidget.assertIdentifies;
import static io.github.pylonchat.spring.RenderedWidget.setting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.pylonchat.spring.testapp.Member;
import io.github.pylonchat.testing.TestVector;
import io.github.pylonchat.spring.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A Spring Boot 4 web application with FreeMarker and Spring Security: which user
 * {@code <@pylonChat/>} identifies on a page, and how.
 *
 * <p>Lazy initialization is on, so the directive reaches Spring MVC's views through the
 * {@code FreeMarkerConfigurer} alone (the {@code Configuration} bean is never created).
 */
@SpringBootTest(classes = TestApplication.class, properties = {
    "pylon.chat.app-id=test-app",
    "pylon.chat.identity-secret=" + RenderedWidget.SECRET,
    "spring.main.lazy-initialization=true"})
@AutoConfigureMockMvc
class PylonChatWebTest {
  private static final Member ANNOTATED = new Member("user@example.com", "Annotated User");

  @Autowired
  MockMvc mvc;

  /** A principal of a type that has a chat identity, {@code user@example.com}. */
  private static RequestPostProcessor loggedInAsAnnotatedMember() {
    return authentication(new TestingAuthenticationToken(ANNOTATED, null, "ROLE_USER"));
  }

  private String page(RequestBuilder request) throws Exception {
    return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }

  @Test
  void annotatedPrincipalGetsTheWidgetWithAVerifyingEmailHash() throws Exception {
    String page = page(get("/page").with(loggedInAsAnnotatedMember()));

    assertIdentifies(page, "user@example.com", "Annotated User");
    assertThat(setting(page, "app_id")).isEqualTo("test-app");
    assertThat(setting(page, "email_hash")).isEqualTo(TestVector.EMAIL_HASH);
    assertThat(page).doesNotContain(RenderedWidget.SECRET);
  }

  @Test
  void visitorWhoIsNotLoggedInGetsNothing() throws Exception {
    String page = page(get("/page"));

    assertThat(page).contains("<main>page</main>");
    assertThat(page).doesNotContain("<script");
  }

  @Test
  void anonymousAuthenticationTokenCountsAsLoggedOut() throws Exception {
    assertThat(page(get("/page").with(anonymous()))).doesNotContain("<script");
  }

  @Test
  void unauthenticatedTokenCountsAsLoggedOut() throws Exception {
    String page = page(get("/page").with(authentication(
        UsernamePasswordAuthenticationToken.unauthenticated(ANNOTATED, null))));

    assertThat(page).doesNotContain("<script");
  }

  @Test
  void principalWithoutChatIdentityIsMappedByTheUserResolverBean() throws Exception {
    String page = page(get("/page").with(user("ada")));

    assertIdentifies(page, "ada@example.com", "Ada Lovelace");
  }

  @Test
  void principalThatNoResolverKnowsCountsAsLoggedOut() throws Exception {
    assertThat(page(get("/page").with(user("mallory")))).doesNotContain("<script");
  }

  @Test
  void oidcUserWithVerifiedEmailIsIdentifiedByEmailAndNameClaims() throws Exception {
    String page = page(get("/page").with(oidcLogin().idToken(token -> token
        .claim("email", "oidc@example.com").claim("email_verified", true).claim("name", "Oidc User"))));

    assertIdentifies(page, "oidc@example.com", "Oidc User");
  }

  @ParameterizedTest(name = "email_verified={0}")
  @NullSource
  @ValueSource(booleans = false)
  void oidcUserWithoutVerifiedEmailGetsNoIdentity(Boolean emailVerified) throws Exception {
    String page = page(get("/page").with(oidcLogin().idToken(token -> {
      token.claim("email", "victim@example.com").claim("name", "Impostor");
      if (emailVerified != null) {
        token.claim("email_verified", emailVerified);
      }
    })));

    assertThat(page).doesNotContain("<script").doesNotContain("victim@example.com");
  }

  @Test
  void modelAttributeUserComesBeforeTheSecurityPrincipal() throws Exception {
    String page = page(get("/model-user").with(loggedInAsAnnotatedMember()));

    assertIdentifies(page, "grace@example.com", "Grace Hopper");
  }

  @Test
  void requestAttributeUserIsIdentifiedWithoutLogin() throws Exception {
    String page = page(get("/page").requestAttr("currentUser", new Member("req@example.com", "Request User")));

    assertIdentifies(page, "req@example.com", "Request User");
  }

  @Test
  void userParameterOfTheTagComesFirst() throws Exception {
    String page = page(get("/explicit-user").with(loggedInAsAnnotatedMember()));

    assertIdentifies(page, "alan@example.com", "Alan Turing");
  }

  @Test
  void cspNonceRequestAttributeIsPutOnBothScriptElements() throws Exception {
    String page = page(get("/page").requestAttr("cspNonce", "rAnd0m+N0nce/w==").with(loggedInAsAnnotatedMember()));

    assertThat(page.split("<script nonce=\"rAnd0m\\+N0nce/w==\">", -1)).hasSize(3);
    assertThat(page).doesNotContain("<script>");
  }

  @Test
  void userAttributeWithoutChatIdentityFailsNamingTheProperty() {
    assertThatThrownBy(() -> mvc.perform(get("/page").requestAttr("currentUser", "not a user object")))
        .rootCause()
        .hasMessageContaining("pylon.chat.user-attribute")
        .hasMessageContaining("java.lang.String, which has no chat identity");
  }
}
