package io.github.pylonchat.spring.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pylonchat.testing.ReferenceHmac;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * {@link AbstractOnlyTheViewerIsSignedTest} with the email hash, the default kind of identity
 * verification. Every attack runs against the FreeMarker page and its Thymeleaf twin.
 */
@SpringBootTest(classes = ViewerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.thymeleaf.view-names=thymeleaf/*",
    "pylon.chat.app-id=viewer-app",
    "pylon.chat.identity-secret=" + AbstractOnlyTheViewerIsSignedTest.SECRET_HEX})
public abstract class AbstractOnlyTheViewerIsSignedWithEmailHashTest extends AbstractOnlyTheViewerIsSignedTest {
  /** The reproduced attack: no login, the query string names the victim. */
  @ParameterizedTest
  @ValueSource(strings = {"/profile", "/thymeleaf/profile", "/explicit", "/thymeleaf/explicit"})
  void visitorWhoIsNotLoggedInCannotHaveAnEmailOfTheirChoiceSigned(String page) throws Exception {
    Answer answer = get(null, page, victim());

    assertThat(answer.status()).isEqualTo(200);
    answer.signsNobody("victim@example.com");
  }

  /** A logged-in principal that no resolver maps: nobody is signed, not the request's user. */
  @ParameterizedTest
  @ValueSource(strings = {"/profile", "/thymeleaf/profile", "/explicit", "/thymeleaf/explicit"})
  void principalWithoutChatIdentityCannotHaveAnEmailOfTheirChoiceSigned(String page) throws Exception {
    Answer answer = get("stranger", page, victim());

    assertThat(answer.status()).isEqualTo(200);
    answer.signsNobody("victim@example.com");
  }

  /** A logged-in user naming someone else: the page fails rather than sign the other email. */
  @ParameterizedTest
  @ValueSource(strings = {"/profile", "/thymeleaf/profile", "/explicit", "/thymeleaf/explicit"})
  void loggedInUserCannotHaveAnotherEmailSigned(String page) throws Exception {
    Answer answer = get("ada", page, Map.of("email", "grace@example.com", "name", "Grace Hopper"));

    answer.tagFailed();
    answer.signsNobody("grace@example.com");
  }

  /**
   * A carrier that is ada when the chat checks it and grace when it is read again (another request
   * rebinding a session's form object in between): what is signed is what was checked.
   */
  @ParameterizedTest
  @ValueSource(strings = {"/changing", "/thymeleaf/changing"})
  void carrierThatChangesAfterTheCheckIsSignedAsItWasChecked(String page) throws Exception {
    Answer answer = get("ada", page, Map.of());

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.setting("email")).isEqualTo("ada@example.com");
    assertThat(answer.setting("email_hash")).isEqualTo(ReferenceHmac.emailHash(SECRET_HEX, "ada@example.com"));
    assertThat(answer.body()).doesNotContain("grace@example.com");
  }

  /**
   * A page its controller renders into a string and then answers as publicly cacheable: the headers
   * come after the tag marked the response private, and must not undo that.
   */
  @Test
  void pageRenderedByTheControllerStaysPrivateWhateverCachingTheControllerThenAsksFor() throws Exception {
    Answer answer = get("ada", "/rendered-by-controller", Map.of());

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.setting("email_hash")).isEqualTo(ReferenceHmac.emailHash(SECRET_HEX, "ada@example.com"));
    assertThat(answer.cacheControl()).isEqualTo("private, no-store");
  }

  /** The same page for a visitor who is not logged in signs nobody and keeps the controller's caching. */
  @Test
  void pageThatSignsNobodyKeepsTheCachingItsControllerAsksFor() throws Exception {
    Answer answer = get(null, "/rendered-by-controller", Map.of());

    answer.signsNobody("ada@example.com");
    assertThat(answer.cacheControl()).isEqualTo("max-age=600, public");
  }

  /** The carrier with the viewer's own email is the viewer: signed (its name is not signed). */
  @ParameterizedTest
  @ValueSource(strings = {"/profile", "/thymeleaf/profile", "/explicit", "/thymeleaf/explicit"})
  void theViewersOwnEmailInTheRequestSignsTheViewer(String page) throws Exception {
    Answer answer = get("ada", page, Map.of("email", "ada@example.com", "name", "Ada"));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.setting("email")).isEqualTo("ada@example.com");
    assertThat(answer.setting("email_hash")).isEqualTo(ReferenceHmac.emailHash(SECRET_HEX, "ada@example.com"));
    assertThat(answer.cacheControl()).isEqualTo("private, no-store");
  }
}
