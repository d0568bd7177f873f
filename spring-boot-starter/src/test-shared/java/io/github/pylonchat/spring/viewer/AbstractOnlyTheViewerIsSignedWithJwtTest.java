package io.github.pylonchat.spring.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pylonchat.testing.ReferenceJwt;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * {@link AbstractOnlyTheViewerIsSignedTest} with Pylon's signed tokens, which sign the name and the
 * external ids as well as the email: a page's user must equal the viewer in all of them.
 */
@SpringBootTest(classes = ViewerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.thymeleaf.view-names=thymeleaf/*",
    "pylon.chat.app-id=viewer-app",
    "pylon.chat.identity-verification=jwt",
    "pylon.chat.identity-secret=" + AbstractOnlyTheViewerIsSignedTest.JWT_SECRET})
public abstract class AbstractOnlyTheViewerIsSignedWithJwtTest extends AbstractOnlyTheViewerIsSignedTest {
  @ParameterizedTest
  @ValueSource(strings = {"/profile", "/thymeleaf/profile", "/explicit", "/thymeleaf/explicit"})
  void visitorWhoIsNotLoggedInGetsNoTokenForTheIdentityOfTheirChoice(String page) throws Exception {
    Answer answer = get(null, page, victim());

    assertThat(answer.status()).isEqualTo(200);
    answer.signsNobody("victim@example.com", "victim-id");
  }

  /** The reproduced attack: ada's own email with grace's external ids. */
  @ParameterizedTest
  @ValueSource(strings = {"/profile", "/thymeleaf/profile", "/explicit", "/thymeleaf/explicit"})
  void loggedInUserCannotHaveExternalIdsOfTheirChoiceSigned(String page) throws Exception {
    Answer answer = get("ada", page, Map.of("email", "ada@example.com", "name", "Ada Lovelace",
        "contactExternalId", "grace-id", "accountExternalId", "grace-account"));

    answer.tagFailed();
    answer.signsNobody("grace-id", "grace-account");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/profile", "/thymeleaf/profile"})
  void loggedInUserCannotHaveAnotherNameSigned(String page) throws Exception {
    Answer answer = get("ada", page, Map.of("email", "ada@example.com", "name", "Grace Hopper",
        "contactExternalId", "ada-id", "accountExternalId", "ada-account"));

    answer.tagFailed();
    answer.signsNobody("Grace Hopper");
  }

  /** A page's user equal to the viewer in every signed field is the viewer: its token is signed. */
  @ParameterizedTest
  @ValueSource(strings = {"/profile", "/thymeleaf/profile", "/explicit", "/thymeleaf/explicit"})
  void theViewersOwnIdentityInTheRequestSignsTheViewer(String page) throws Exception {
    Answer answer = get("ada", page, Map.of("email", "ada@example.com", "name", "Ada Lovelace",
        "contactExternalId", "ada-id", "accountExternalId", "ada-account"));

    assertThat(answer.status()).isEqualTo(200);
    Map<String, Object> claims = ReferenceJwt.verifiedClaims(answer.setting("jwt"), JWT_SECRET);
    assertThat(claims).containsEntry("email", "ada@example.com").containsEntry("name", "Ada Lovelace")
        .containsEntry("account_external_id", "ada-account").containsEntry("contact_external_id", "ada-id");
    assertThat(answer.cacheControl()).isEqualTo("private, no-store");
  }
}
