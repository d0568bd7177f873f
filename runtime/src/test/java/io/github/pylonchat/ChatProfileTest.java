package io.github.pylonchat;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChatProfileTest {
  @Test
  void emailAndNameAreKeptExactly() {
    ChatProfile profile = ChatProfile.of(" Ada@Example.com", "Ada </script>");
    assertEquals(" Ada@Example.com", profile.email());
    assertEquals("Ada </script>", profile.name());
  }

  @Test
  void theConstructorWithoutContactExternalIdLeavesItNull() {
    ChatProfile profile = new ChatProfile("a@example.com", "A", null, "acme", "crm-42");
    assertEquals(new ChatProfile("a@example.com", "A", null, "acme", "crm-42", null), profile);
    assertNull(profile.contactExternalId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void blankEmailIsRejected(String email) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChatProfile.of(email, "Ada"));
    assertTrue(e.getMessage().contains("needs an email"), e.getMessage());
  }

  @Test
  void nullEmailIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> ChatProfile.of(null, "Ada"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"victim\ud800@example.com", "victim\udc00@example.com", "victim@example.com\udbff",
      "\udc00\ud800@example.com", "a\ud83d\ud83d\ude00@example.com"})
  void anEmailWithAnUnpairedSurrogateIsRejectedLikeABlankOneWithoutQuotingIt(String email) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChatProfile.of(email, "Ada"));
    assertEquals("the chat email contains an unpaired surrogate (half of a UTF-16 surrogate pair, which has no"
        + " UTF-8 form), so it cannot be signed exactly as it is shown: fix where the email is read or stored",
        e.getMessage());
  }

  @Test
  void surrogatePairsInTheEmailAndLoneSurrogatesElsewhereAreKept() {
    ChatProfile profile = new ChatProfile("zo\u00eb\ud83d\ude00@example.com", "Ada\ud800", null, "\udc00", "x\ud800");
    assertEquals("zo\u00eb\ud83d\ude00@example.com", profile.email());
    assertEquals("Ada\ud800", profile.name());
    assertEquals("\udc00", profile.accountId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://cdn.example.com/a.png", "http://example.com/a?size=64", "HTTPS://EXAMPLE.COM/x"})
  void httpAndHttpsAvatarUrlsAreAccepted(String url) {
    assertDoesNotThrow(() -> new ChatProfile("a@example.com", null, url, null, null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript:alert(1)", "data:image/png;base64,AAAA", "//example.com/a.png",
      "/avatar.png", "ftp://example.com/a.png", "https://", "not a url"})
  void otherAvatarUrlsAreRejected(String url) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ChatProfile("a@example.com", null, url, null, null));
    assertTrue(e.getMessage().contains("absolute http or https URL"), e.getMessage());
  }
}
