package io.github.pylonchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule of whom the chat signs: the logged-in viewer, never a user the page chose. */
class ChatViewerTest {
  private static final ChatProfile ADA = new ChatProfile("ada@example.com", "Ada", null, null, "ada-account", "ada-id");
  private static final ChatProfile ADA_FROM_PAGE =
      new ChatProfile("ada@example.com", "Ada", "https://example.com/ada.png", "acme", "ada-account", "ada-id");
  private static final ChatProfile VICTIM = ChatProfile.of("victim@example.com", "Victim");

  private static Object signed(ChatViewer viewer, Object pageUser, IdentityVerification verification) {
    return viewer.signedUser(pageUser, verification, "the page's user", "Hand over the logged-in user.");
  }

  @ParameterizedTest
  @EnumSource(IdentityVerification.class)
  void visitorWhoIsNotLoggedInIsNeverSignedWhateverThePageHandsOver(IdentityVerification verification) {
    assertNull(signed(ChatViewer.anonymous(), VICTIM, verification));
    assertNull(signed(ChatViewer.anonymous(), null, verification));
  }

  @Test
  void principalWithoutChatIdentityIsNeverSignedWhateverThePageHandsOver() {
    ChatViewer viewer = ChatViewer.unidentified(StringBuilder.class);

    assertNull(signed(viewer, VICTIM, IdentityVerification.EMAIL_HASH));
    assertEquals(StringBuilder.class, viewer.principalType());
  }

  @Test
  void identifiedViewerIsSignedWhenThePageHandsOverNobody() {
    assertSame(ADA, signed(ChatViewer.identified(ADA), null, IdentityVerification.JWT));
  }

  @Test
  void pageUserEqualToTheViewerInEverySignedFieldIsSignedWithItsUnsignedFields() {
    assertSame(ADA_FROM_PAGE, signed(ChatViewer.identified(ADA), ADA_FROM_PAGE, IdentityVerification.JWT));
  }

  /**
   * A page's user whose email is the viewer's when it is checked and another's when it is read
   * again: a mutable form object that another request of the same session rebinds
   * ({@code @SessionAttributes}) between the check and the render.
   */
  static final class ChangingUser {
    private final Deque<String> emails;

    ChangingUser(String... emails) {
      this.emails = new ArrayDeque<>(List.of(emails));
    }

    @ChatEmail
    public String email() {
      return emails.size() > 1 ? emails.poll() : emails.peek();
    }
  }

  @Test
  void pageUserIsReadOnceSoWhatIsSignedIsWhatWasCompared() {
    ChangingUser changing = new ChangingUser("ada@example.com", "victim@example.com");

    Object signed = signed(ChatViewer.identified(ADA), changing, IdentityVerification.EMAIL_HASH);

    assertEquals("ada@example.com", ChatIdentities.profileOf(signed).email());
  }

  @Test
  void pageUserWithAnotherEmailFailsWithoutQuotingEither() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> signed(ChatViewer.identified(ADA), VICTIM, IdentityVerification.EMAIL_HASH));

    assertEquals("the page's user is not the logged-in user: its chat email differs from the authenticated"
        + " user's, and only the logged-in user is ever signed. Hand over the logged-in user.", e.getMessage());
  }

  /**
   * An email that only looks like the viewer's is another string, so another hash, and another
   * person's chat: it fails rather than being signed (case, spaces, a Cyrillic a, a zero-width
   * space, a full-width letter, a trailing dot).
   */
  @ParameterizedTest
  @ValueSource(strings = {"ADA@example.com", "Ada@Example.com", " ada@example.com", "ada@example.com ",
      "ada@ex\u0430mple.com", "ada@example.com\u200b", "\uff41da@example.com", "ada@example.com."})
  void pageUserWhoseEmailOnlyLooksLikeTheViewersFails(String lookalike) {
    ChatProfile pageUser = ChatProfile.of(lookalike, "Ada");

    assertThrows(IllegalStateException.class,
        () -> signed(ChatViewer.identified(ADA), pageUser, IdentityVerification.EMAIL_HASH));
  }

  @Test
  void withTheEmailHashOnlyTheEmailIsSignedSoANameOfThePagesChoiceIsShown() {
    ChatProfile renamed = ChatProfile.of("ada@example.com", "Someone Else");

    assertSame(renamed, signed(ChatViewer.identified(ADA), renamed, IdentityVerification.EMAIL_HASH));
  }

  @Test
  void withATokenEverySignedFieldMustMatchAndTheMessageNamesTheOnesThatDiffer() {
    ChatProfile graceIds = new ChatProfile("ada@example.com", "Ada", null, null, "grace-account", "grace-id");

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> signed(ChatViewer.identified(ADA), graceIds, IdentityVerification.JWT));

    assertTrue(e.getMessage().startsWith("the page's user is not the logged-in user: its chat account_external_id"
        + " and contact_external_id differ from the authenticated user's"), e.getMessage());
    assertFalse(e.getMessage().contains("grace-"), e.getMessage());
    assertFalse(e.getMessage().contains("ada-"), e.getMessage());
  }

  @Test
  void differingSignedFieldsAreTheOnesEachKindOfVerificationSigns() {
    ChatProfile other = new ChatProfile("other@example.com", "Other", "https://example.com/o.png", "other-acct",
        "other-account", "other-id");

    assertEquals(List.of("email"), IdentityVerification.EMAIL_HASH.differingSignedFields(ADA, other));
    assertEquals(List.of("email"), IdentityVerification.NONE.differingSignedFields(ADA, other));
    assertEquals(List.of("email", "name", "account_external_id", "contact_external_id"),
        IdentityVerification.JWT.differingSignedFields(ADA, other));
    assertEquals(List.of(), IdentityVerification.JWT.differingSignedFields(ADA, ADA_FROM_PAGE));
  }

  @Test
  void whileImpersonatingOnlyTheUserChosenForItIsSigned() {
    assertSame(ADA, signed(ChatViewer.impersonating(ADA), VICTIM, IdentityVerification.EMAIL_HASH));
    assertNull(signed(ChatViewer.impersonating(null), VICTIM, IdentityVerification.EMAIL_HASH));
  }

  @Test
  void withoutAnAuthenticationFrameworkThePagesUserIsSignedAsGiven() {
    assertSame(VICTIM, signed(ChatViewer.page(), VICTIM, IdentityVerification.EMAIL_HASH));
    assertNull(signed(ChatViewer.page(), null, IdentityVerification.EMAIL_HASH));
  }

  @Test
  void toStringNeverPrintsTheUser() {
    assertEquals("ChatViewer[IDENTIFIED]", ChatViewer.identified(ADA).toString());
  }
}
