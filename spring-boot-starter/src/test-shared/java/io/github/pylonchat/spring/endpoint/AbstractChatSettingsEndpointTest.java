package io.github.pylonchat.spring.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import io.github.pylonchat.ChatProfile;
import io.github.pylonchat.testing.ReferenceHmac;
import io.github.pylonchat.testing.TestVector;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.authentication.switchuser.SwitchUserGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@code GET /pylon/chat-settings} through Spring MVC and the application's security filter chain:
 * whom it signs on each way of being logged in, what every answer says about caching, and what it
 * does with other origins, other methods and errors. Each Spring Boot line runs it through a
 * subclass that adds its own {@code @AutoConfigureMockMvc}.
 */
@SpringBootTest(classes = EndpointApplication.class, properties = {
    "pylon.chat.app-id=" + AbstractChatSettingsEndpointTest.APP_ID,
    "pylon.chat.identity-secret=" + AbstractChatSettingsEndpointTest.SECRET,
    "pylon.chat.endpoint.enabled=true",
    // the OpenID Connect logins of spring-security-test come through the registration "test"
    "pylon.chat.oidc.trusted-registrations=test"})
@ExtendWith(OutputCaptureExtension.class)
public abstract class AbstractChatSettingsEndpointTest {
  static final String APP_ID = "endpoint-app";
  /** The test vector's secret: it signs user@example.com as {@link TestVector#EMAIL_HASH}. */
  static final String SECRET = TestVector.SECRET_HEX;
  static final String PATH = "/pylon/chat-settings";

  @Autowired
  MockMvc mvc;

  /** For the Spring Boot line's subclass. */
  protected AbstractChatSettingsEndpointTest() {}

  /** The JSON Pylon should get for this user, with the hash computed independently. */
  static String settingsOf(String email, String name) {
    return "{\"app_id\":\"" + APP_ID + "\",\"email\":\"" + email + "\",\"name\":\"" + name
        + "\",\"email_hash\":\"" + ReferenceHmac.emailHash(SECRET, email) + "\"}";
  }

  private MockHttpServletResponse answer(RequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  private MockHttpServletResponse settings(RequestPostProcessor loggedIn) throws Exception {
    return answer(get(PATH).with(loggedIn));
  }

  private static void assertSettings(MockHttpServletResponse response, String email, String name) throws Exception {
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentAsString()).isEqualTo(settingsOf(email, name));
    assertThat(response.getHeader("Pylon-Widget-Script")).isEqualTo("https://widget.usepylon.com/widget/" + APP_ID);
  }

  private static void assertNobody(MockHttpServletResponse response) throws Exception {
    assertThat(response.getStatus()).isEqualTo(204);
    assertThat(response.getContentAsString()).isEmpty();
    assertThat(response.getHeader("Pylon-Widget-Script")).isNull();
  }

  /** What every answer of the endpoint says, whatever its status. */
  private static void assertPrivateJson(MockHttpServletResponse response) {
    assertThat(response.getHeaders("Cache-Control")).containsExactly("private, no-store");
    assertThat(String.join(", ", response.getHeaders("Vary"))).contains("Cookie").contains("Authorization");
    assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.getContentType()).isEqualTo("application/json");
    assertThat(response.getHeader("Access-Control-Allow-Origin")).isNull();
  }

  private static RequestPostProcessor principal(ChatProfile profile) {
    return authentication(new TestingAuthenticationToken(profile, null, "ROLE_USER"));
  }

  @Test
  void principalWithAChatIdentityGetsItsSettingsWithTheHashOfTheTestVector() throws Exception {
    MockHttpServletResponse response = settings(principal(ChatProfile.of("user@example.com", "Principal User")));

    assertSettings(response, "user@example.com", "Principal User");
    assertThat(response.getContentAsString()).contains("\"email_hash\":\"" + TestVector.EMAIL_HASH + "\"");
    assertPrivateJson(response);
  }

  @Test
  void formLoginPrincipalIsMappedByTheUserResolver() throws Exception {
    assertSettings(settings(user("ada")), "ada@example.com", "Ada Lovelace");
  }

  @Test
  void bearerTokenPrincipalIsMappedByItsResolver() throws Exception {
    MockHttpServletResponse response = settings(jwt().jwt(token -> token.subject("grace")));

    assertSettings(response, "grace@example.com", "Grace Hopper");
    assertPrivateJson(response);
  }

  @Test
  void verifiedOpenIdConnectEmailOfATrustedRegistrationIsSigned() throws Exception {
    MockHttpServletResponse response = settings(oidcLogin().idToken(token -> token
        .claim("email", "oidc@example.com").claim("email_verified", true).claim("name", "Oidc User")));

    assertSettings(response, "oidc@example.com", "Oidc User");
  }

  @Test
  void unverifiedOpenIdConnectEmailIsNotSigned() throws Exception {
    MockHttpServletResponse response = settings(oidcLogin().idToken(token -> token
        .claim("email", "victim@example.com").claim("email_verified", false)));

    assertNobody(response);
    assertPrivateJson(response);
  }

  @Test
  void sessionAttributeNamedByTheUserAttributePropertyIsNotSignedWithoutLogin() throws Exception {
    MockHttpServletResponse response = answer(get(PATH)
        .sessionAttr("currentUser", ChatProfile.of("session@example.com", "Session User")));

    assertNobody(response);
    assertThat(response.getContentAsString()).doesNotContain("session@example.com");
  }

  @Test
  void sessionAttributeNamedByTheUserAttributePropertyCarriesThePrincipalsIdentity() throws Exception {
    MockHttpServletResponse response = answer(get(PATH)
        .sessionAttr("currentUser", ChatProfile.of("user@example.com", "Session User"))
        .with(principal(ChatProfile.of("user@example.com", "Principal User"))));

    assertSettings(response, "user@example.com", "Session User");
  }

  @Test
  void whileAnAdministratorImpersonatesSomeoneNobodyIsSigned() throws Exception {
    UsernamePasswordAuthenticationToken admin = UsernamePasswordAuthenticationToken.authenticated(
        User.withUsername("admin").password("x").roles("ADMIN").build(), null, List.of());
    UsernamePasswordAuthenticationToken actingAsAda = UsernamePasswordAuthenticationToken.authenticated(
        User.withUsername("ada").password("x").roles("USER").build(), null,
        List.of(new SwitchUserGrantedAuthority("ROLE_PREVIOUS_ADMINISTRATOR", admin)));

    MockHttpServletResponse response = settings(authentication(actingAsAda));

    assertNobody(response);
    assertThat(response.getContentAsString()).doesNotContain("ada@example.com");
  }

  @Test
  void visitorWhoIsNotLoggedInGets204WithTheSameHeaders() throws Exception {
    MockHttpServletResponse response = answer(get(PATH));

    assertNobody(response);
    assertPrivateJson(response);
  }

  @Test
  void anonymousAuthenticationIsNotLoggedIn() throws Exception {
    assertNobody(settings(anonymous()));
  }

  @Test
  void principalThatNothingMapsGets204() throws Exception {
    assertNobody(settings(user("mallory")));
  }

  /** A user attribute for another person than the logged-in principal: the tag would fail, so does the endpoint. */
  @Test
  void userAttributeThatIsNotTheLoggedInUserAnswers500WithoutUserDataAndLogsOnce(CapturedOutput output)
      throws Exception {
    MockHttpServletResponse response = answer(get(PATH)
        .sessionAttr("currentUser", ChatProfile.of("victim@example.com", "Victim"))
        .with(principal(ChatProfile.of("user@example.com", "Principal User"))));

    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(response.getContentAsString())
        .isEqualTo("{\"error\":\"the chat settings could not be made; the server log says why\"}");
    assertPrivateJson(response);
    List<String> logged = output.getAll().lines().filter(line -> line.contains("answered 500")).toList();
    assertThat(logged).hasSize(1);
    assertThat(logged.get(0)).contains("ERROR").contains("GET " + PATH);
    assertThat(output.getAll()).contains("(pylon.chat.user-attribute) is not the logged-in user: its chat email differs")
        .doesNotContain("victim@example.com").doesNotContain("user@example.com");
  }

  @Test
  void userAttributeThatIsNoUserObjectAnswers500(CapturedOutput output) throws Exception {
    MockHttpServletResponse response = answer(get(PATH).requestAttr("currentUser", "ada@example.com"));

    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(response.getContentAsString()).doesNotContain("ada@example.com");
    assertThat(output.getAll()).contains("java.lang.String, which has no chat identity");
  }

  @Test
  void theSecretIsNeverInABodyOrTheLog(CapturedOutput output) throws Exception {
    String bodies = settings(user("ada")).getContentAsString()
        + settings(principal(ChatProfile.of("user@example.com", "Principal User"))).getContentAsString()
        + answer(get(PATH).requestAttr("currentUser", "not a user")).getContentAsString()
        + answer(get(PATH)).getContentAsString();

    assertThat(bodies).contains("email_hash").doesNotContain(SECRET);
    assertThat(output.getAll()).contains("answered 500").doesNotContain(SECRET);
  }

  @Test
  void requestFromAnotherOriginGetsNoCorsHeader() throws Exception {
    MockHttpServletResponse response = answer(get(PATH).header("Origin", "https://evil.example").with(user("ada")));

    assertThat(response.getHeader("Access-Control-Allow-Origin")).isNull();
    assertThat(response.getHeader("Access-Control-Allow-Credentials")).isNull();
  }

  @Test
  void preflightFromAnotherOriginIsNotAllowed() throws Exception {
    MockHttpServletResponse response = answer(options(PATH).header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "GET"));

    assertThat(response.getHeader("Access-Control-Allow-Origin")).isNull();
    assertThat(response.getHeader("Access-Control-Allow-Credentials")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
  void otherMethodsAre405(String method) throws Exception {
    MockHttpServletResponse response = answer(request(HttpMethod.valueOf(method), PATH).with(csrf()).with(user("ada")));

    assertThat(response.getStatus()).isEqualTo(405);
    assertThat(response.getHeader("Allow")).contains("GET");
    assertThat(response.getContentAsString()).doesNotContain("ada@example.com");
  }

  @Test
  void postWithoutACsrfTokenIsStoppedByTheApplicationsSecurityFirst() throws Exception {
    MockHttpServletRequestBuilder post = request(HttpMethod.POST, PATH);

    assertThat(answer(post.with(user("ada"))).getStatus()).isEqualTo(403);
  }

  @Test
  void optionsListsTheAllowedMethods() throws Exception {
    MockHttpServletResponse response = answer(options(PATH));

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getHeader("Allow")).contains("GET").contains("HEAD").doesNotContain("POST");
  }

  /** The server drops the body of a HEAD answer (the HTTP test checks that; MockMvc has no server). */
  @Test
  void headAnswersTheSameHeaders() throws Exception {
    MockHttpServletResponse response = answer(head(PATH).with(user("ada")));

    assertThat(response.getStatus()).isEqualTo(200);
    assertPrivateJson(response);
  }
}
