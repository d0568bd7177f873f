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

import io.github.pylonchat.ChatEmail;
import io.github.pylonchat.spring.testapp.Member;
import io.github.pylonchat.testing.CompiledWithoutProcessor;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import io.github.pylonchat.testing.TestVector;
import io.github.pylonchat.spring.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    "spring.main.lazy-initialization=true",
    // the OpenID Connect logins of spring-security-test come through the registration "test"
    "spring.security.oauth2.client.registration.test.client-id=test-client",
    "pylon.chat.oidc.trusted-registrations=partner"})
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
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
  void resolverThatAnswersWithAnOptionalIdentifiesItsUser() throws Exception {
    assertIdentifies(page(get("/page").with(user("linus"))), "linus@example.com", "Linus Torvalds");
  }

  /** The interceptor that sets Cache-Control and the tag both need the user: one lookup serves both. */
  @Test
  void resolversAreAskedOncePerPage() throws Exception {
    int before = TestApplication.REPOSITORY_LOOKUPS.get();

    assertIdentifies(page(get("/page").with(user("linus"))), "linus@example.com", "Linus Torvalds");
    assertThat(TestApplication.REPOSITORY_LOOKUPS.get() - before).isEqualTo(1);
  }

  @Test
  void emptyOptionalFromAResolverMeansNotIdentifiedAndTheNextResolverIsAsked() throws Exception {
    assertIdentifies(page(get("/page").with(user("ada"))), "ada@example.com", "Ada Lovelace");
  }

  @Test
  void principalThatNoResolverKnowsCountsAsLoggedOut() throws Exception {
    assertThat(page(get("/page").with(user("mallory")))).doesNotContain("<script");
  }

  /** A principal type of the application's own that neither has @ChatEmail nor a resolver answer. */
  record UnmappedPrincipal(String login) {}

  @Test
  void principalWithoutChatIdentityIsReportedOnceForItsType(CapturedOutput output) throws Exception {
    RequestPostProcessor unmapped = authentication(new TestingAuthenticationToken(new UnmappedPrincipal("x"), null, "ROLE_USER"));
    String first = page(get("/page").with(unmapped));
    String second = page(get("/page").with(unmapped));

    assertThat(first + second).doesNotContain("<script");
    String warning = "WARN .*principal of type " + Pattern.quote(UnmappedPrincipal.class.getName())
        + " has no chat identity.*Annotate its email with @ChatEmail, or declare a PylonChatUserResolver bean";
    assertThat(output.getAll().lines().filter(line -> line.matches(".*" + warning + ".*"))).hasSize(1);
  }

  @Test
  void principalWithChatEmailButNoAccessorIsReportedWithTheMissingProcessorAndItsFix(
      CapturedOutput output, @TempDir Path dir) throws Exception {
    Object principal = CompiledWithoutProcessor.compile(dir, ChatEmail.class, "com.acme.Account", """
        package com.acme;

        public class Account {
          @io.github.pylonchat.ChatEmail public String email = "forgotten@example.com";
        }
        """).loadClass("com.acme.Account").getConstructor().newInstance();

    String page = page(get("/page").with(authentication(new TestingAuthenticationToken(principal, null, "ROLE_USER"))));

    assertThat(page).doesNotContain("<script");
    assertThat(output.getAll()).containsPattern("WARN .*principal of type com\\.acme\\.Account has no chat identity,"
        + " so its users get no Pylon chat widget \\(as if logged out\\)\\. com\\.acme\\.Account has @ChatEmail on email,"
        + " but com\\.acme\\.AccountChatIdentity does not exist: pylon-chat-processor did not run when com\\.acme\\.Account"
        + " was compiled\\. Add it to maven-compiler-plugin's annotationProcessorPaths .*<artifactId>pylon-chat-processor</artifactId>");
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

  private static ClientRegistration registration(String id) {
    return ClientRegistration.withRegistrationId(id)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .clientId("client").redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .authorizationUri("https://idp.example/authorize").tokenUri("https://idp.example/token")
        .build();
  }

  private RequestPostProcessor verifiedOidcLoginThrough(String registrationId) {
    return oidcLogin().clientRegistration(registration(registrationId)).idToken(token -> token
        .claim("email", "oidc@example.com").claim("email_verified", true).claim("name", "Oidc User"));
  }

  @Test
  void oidcLoginThroughARegistrationTheApplicationDidNotDeclareCountsAsLoggedOutWithOneWarning(
      CapturedOutput output) throws Exception {
    String first = page(get("/page").with(verifiedOidcLoginThrough("customer-idp")));
    String second = page(get("/page").with(verifiedOidcLoginThrough("customer-idp")));

    assertThat(first + second).doesNotContain("<script").doesNotContain("oidc@example.com");
    assertThat(output.getAll().split("registration 'customer-idp' counts as logged out", -1)).hasSize(2);
    assertThat(output.getAll()).contains("add the registration id to pylon.chat.oidc.trusted-registrations");
  }

  /** A resolver that maps OpenID Connect users by email gets them only once the email is verified. */
  @Test
  void resolverThatMapsOidcUsersByEmailIsAskedOnlyForAVerifiedEmailThroughATrustedRegistration() throws Exception {
    String verified = page(get("/page").with(oidcLogin().idToken(token -> token
        .claim("email", "crm@example.com").claim("email_verified", true))));
    String unverified = page(get("/page").with(oidcLogin().idToken(token -> token
        .claim("email", "crm@example.com").claim("email_verified", false))));
    String untrusted = page(get("/page").with(oidcLogin().clientRegistration(registration("customer-idp"))
        .idToken(token -> token.claim("email", "crm@example.com").claim("email_verified", true))));

    assertIdentifies(verified, "crm@example.com", "From The CRM");
    assertThat(unverified + untrusted).doesNotContain("<script").doesNotContain("crm@example.com");
  }

  @Test
  void oidcLoginThroughARegistrationListedAsTrustedIsIdentified() throws Exception {
    assertIdentifies(page(get("/page").with(verifiedOidcLoginThrough("partner"))), "oidc@example.com", "Oidc User");
  }

  @ParameterizedTest(name = "email_verified={0}")
  @MethodSource("claimsThatDoNotVerify")
  void emailVerifiedClaimThatIsNeitherTrueNorTheStringTrueMeansUnverified(Object emailVerified) throws Exception {
    String page = page(get("/page").with(oidcLogin().idToken(token -> token
        .claim("email", "victim@example.com").claim("email_verified", emailVerified))));

    assertThat(page).contains("<main>page</main>").doesNotContain("<script").doesNotContain("victim@example.com");
  }

  static Stream<Object> claimsThatDoNotVerify() {
    return Stream.of(1, "yes", "false", List.of(true));
  }

  @Test
  void emailVerifiedClaimThatIsTheStringTrueVerifies() throws Exception {
    String page = page(get("/page").with(oidcLogin().idToken(token -> token
        .claim("email", "oidc@example.com").claim("email_verified", "true").claim("name", "Oidc User"))));

    assertIdentifies(page, "oidc@example.com", "Oidc User");
  }

  @Test
  void modelAttributeUserIsNotSignedWhenThePrincipalHasNoChatIdentity() throws Exception {
    String page = page(get("/model-user").with(user("mallory")));

    assertThat(page).doesNotContain("<script").doesNotContain("grace@example.com");
  }

  @Test
  void modelAttributeUserWithThePrincipalsEmailIsUsed() throws Exception {
    String page = page(get("/page").requestAttr("currentUser", new Member("user@example.com", "Attribute Name"))
        .with(loggedInAsAnnotatedMember()));

    assertIdentifies(page, "user@example.com", "Attribute Name");
  }

  @Test
  void modelAttributeUserOtherThanTheLoggedInPrincipalFailsTheTagNamingTheProperty() {
    assertThatThrownBy(() -> mvc.perform(get("/model-user").with(loggedInAsAnnotatedMember())))
        .rootCause()
        .hasMessageContaining("(pylon.chat.user-attribute) is not the logged-in user: its chat email differs")
        .message().doesNotContain("grace@example.com").doesNotContain("user@example.com");
  }

  /** The reproduced attack: the attribute is bound from the request, so the visitor picks the email. */
  @Test
  void controllerParameterBoundFromTheRequestNeverSignsTheEmailTheVisitorChose() {
    assertThatThrownBy(() -> mvc.perform(get("/profile").param("email", "victim@example.com")
        .with(loggedInAsAnnotatedMember())))
        .rootCause()
        .hasMessageContaining("pylon.chat.user-attribute")
        .hasMessageContaining("without @AuthenticationPrincipal")
        .message().doesNotContain("victim@example.com");
  }

  @Test
  void requestAttributeUserIsNotSignedWithoutLogin() throws Exception {
    String page = page(get("/page").requestAttr("currentUser", new Member("req@example.com", "Request User")));

    assertThat(page).doesNotContain("<script").doesNotContain("req@example.com");
  }

  @Test
  void controllerParameterBoundFromTheRequestSignsNobodyForAVisitorWhoIsNotLoggedIn() throws Exception {
    String page = page(get("/profile").param("email", "victim@example.com").param("name", "Victim"));

    assertThat(page).doesNotContain("<script").doesNotContain("victim@example.com");
  }

  /** The tag's user= is read before the attribute: alan, the principal, not the attribute's other user. */
  @Test
  void userParameterOfTheTagComesFirst() throws Exception {
    String page = page(get("/explicit-user").requestAttr("currentUser", new Member("other@example.com", "Other"))
        .with(authentication(new TestingAuthenticationToken(new Member("alan@example.com", "Alan"), null, "ROLE_USER"))));

    assertIdentifies(page, "alan@example.com", "Alan Turing");
  }

  @Test
  void userParameterOtherThanTheLoggedInPrincipalFailsTheTag() {
    assertThatThrownBy(() -> mvc.perform(get("/explicit-user").with(loggedInAsAnnotatedMember())))
        .rootCause()
        .hasMessageContaining("the tag's user is not the logged-in user")
        .hasMessageContaining("leave user= out")
        .message().doesNotContain("alan@example.com");
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
