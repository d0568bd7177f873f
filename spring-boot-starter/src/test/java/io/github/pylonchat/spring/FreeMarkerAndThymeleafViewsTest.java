package io.github.pylonchat.spring;

import static io.github.pylonchat.spring.RenderedWidget.assertIdentifies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.pylonchat.spring.testapp.Member;
import io.github.pylonchat.spring.testapp.TestApplication;
import jakarta.servlet.ServletContext;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * One application with FreeMarker and Thymeleaf views: {@code <@pylonChat/>} and
 * {@code <pylon:chat/>} follow the same rules for the same request, and write the same widget.
 * The properties are {@link ImpersonationTest}'s, so both share one application context.
 */
@SpringBootTest(classes = TestApplication.class, properties = {
    "pylon.chat.app-id=test-app",
    "pylon.chat.identity-secret=" + RenderedWidget.SECRET})
@AutoConfigureMockMvc
class FreeMarkerAndThymeleafViewsTest {
  private static final Member PRINCIPAL = new Member("user@example.com", "Annotated User");

  /** The two template engines of the test application, by the path prefix that selects them. */
  enum Views {
    FREEMARKER(""), THYMELEAF("/thymeleaf");

    private final String prefix;

    Views(String prefix) {
      this.prefix = prefix;
    }

    String path(String page) {
      return prefix + page;
    }
  }

  @Autowired
  MockMvc mvc;

  @Autowired
  ServletContext servletContext;

  private MockHttpServletResponse response(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
  }

  private String page(MockHttpServletRequestBuilder request) throws Exception {
    return response(request).getContentAsString();
  }

  private static MockHttpServletRequestBuilder loggedIn(MockHttpServletRequestBuilder request) {
    return request.with(authentication(new TestingAuthenticationToken(PRINCIPAL, null, "ROLE_USER")));
  }

  @ParameterizedTest
  @EnumSource(Views.class)
  void principalIsSignedOnAPrivatePage(Views views) throws Exception {
    MockHttpServletResponse response = response(loggedIn(get(views.path("/page"))));

    assertIdentifies(response.getContentAsString(), "user@example.com", "Annotated User");
    assertThat(response.getHeader("Cache-Control")).isEqualTo("private, no-store");
  }

  @ParameterizedTest
  @EnumSource(Views.class)
  void visitorWhoIsNotLoggedInGetsNothing(Views views) throws Exception {
    MockHttpServletResponse response = response(get(views.path("/page")));

    assertThat(response.getContentAsString()).contains("<main>page</main>").doesNotContain("<script");
    assertThat(response.getHeader("Cache-Control")).doesNotContain("private");
  }

  /** Only the principal is ever signed: one that nothing maps gets nothing, whatever the model holds. */
  @ParameterizedTest
  @EnumSource(Views.class)
  void userAttributeInTheModelIsNotSignedWhenThePrincipalHasNoChatIdentity(Views views) throws Exception {
    String page = page(get(views.path("/model-user")).with(user("mallory")));

    assertThat(page).contains("<main>page</main>").doesNotContain("<script").doesNotContain("grace@example.com");
  }

  /**
   * Thymeleaf's views see no session attribute by that name; the starter looks there for them: the
   * session's user carries the principal's identity with a name of its own.
   */
  @ParameterizedTest
  @EnumSource(Views.class)
  void userAttributeInTheSessionCarriesThePrincipalsIdentity(Views views) throws Exception {
    String page = page(loggedIn(get(views.path("/page")))
        .sessionAttr("currentUser", new Member("user@example.com", "Session User")));

    assertIdentifies(page, "user@example.com", "Session User");
  }

  @ParameterizedTest
  @EnumSource(Views.class)
  void userAttributeInTheServletContextCarriesThePrincipalsIdentity(Views views) throws Exception {
    servletContext.setAttribute("currentUser", new Member("user@example.com", "Application User"));
    try {
      assertIdentifies(page(loggedIn(get(views.path("/page")))), "user@example.com", "Application User");
    } finally {
      servletContext.removeAttribute("currentUser");
    }
  }

  @ParameterizedTest
  @EnumSource(Views.class)
  void cspNonceRequestAttributeIsOnBothScriptElements(Views views) throws Exception {
    String page = page(loggedIn(get(views.path("/page")).requestAttr("cspNonce", "rAnd0m+N0nce/w==")));

    assertThat(page.split("<script nonce=\"rAnd0m\\+N0nce/w==\">", -1)).hasSize(3);
    assertThat(page).doesNotContain("<script>");
  }

  @ParameterizedTest
  @EnumSource(Views.class)
  void userAttributeOtherThanThePrincipalFailsThePageNamingTheProperty(Views views) {
    assertThatThrownBy(() -> mvc.perform(loggedIn(get(views.path("/model-user")))))
        .rootCause()
        .hasMessageContaining("(pylon.chat.user-attribute) is not the logged-in user: its chat email differs")
        .message().doesNotContain("grace@example.com").doesNotContain("user@example.com");
  }

  @ParameterizedTest
  @EnumSource(Views.class)
  void userParameterOtherThanThePrincipalFailsThePage(Views views) {
    assertThatThrownBy(() -> mvc.perform(loggedIn(get(views.path("/explicit-user")))))
        .rootCause()
        .hasMessageContaining("the tag's user is not the logged-in user")
        .message().doesNotContain("alan@example.com");
  }

  static Stream<Arguments> requests() {
    return Stream.of(
        Arguments.of("principal and nonce", true, (Function<String, MockHttpServletRequestBuilder>) path ->
            loggedIn(get(path)).requestAttr("cspNonce", "bm9uY2U=")),
        Arguments.of("principal mapped by a resolver", true, (Function<String, MockHttpServletRequestBuilder>) path ->
            get(path).with(user("ada"))),
        Arguments.of("hostile principal", true, (Function<String, MockHttpServletRequestBuilder>) path ->
            get(path).with(authentication(new TestingAuthenticationToken(
                new Member("zoë@exämple.com", "</script><!--\u2028\"-[[${x}]]"), null, "ROLE_USER")))),
        Arguments.of("hostile session attribute of a visitor who is not logged in", false,
            (Function<String, MockHttpServletRequestBuilder>) path ->
                get(path).sessionAttr("currentUser", new Member("zoë@exämple.com", "</script><!--\u2028\"-[[${x}]]"))),
        Arguments.of("logged out", false, (Function<String, MockHttpServletRequestBuilder>) path -> get(path)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void bothEnginesWriteTheSamePageForTheSameRequest(String name, boolean signed,
      Function<String, MockHttpServletRequestBuilder> request) throws Exception {
    String freeMarker = page(request.apply(Views.FREEMARKER.path("/page")));
    String thymeleaf = page(request.apply(Views.THYMELEAF.path("/page")));

    assertThat(thymeleaf).isEqualTo(freeMarker);
    assertThat(freeMarker.contains("\"email_hash\":\"")).isEqualTo(signed);
  }
}
