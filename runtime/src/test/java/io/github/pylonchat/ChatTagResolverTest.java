package io.github.pylonchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatTagResolverTest {
  private static final ChatProfile ADA = ChatProfile.of("ada@example.com", "Ada");
  private static final ChatProfile GRACE = ChatProfile.of("grace@example.com", "Grace");
  private final Map<String, Object> page = Map.of("currentUser", ADA, "cspNonce", "bm9uY2U=", "member", GRACE);

  @Test
  void withoutParametersTheTemplateVariablesCurrentUserAndCspNonceAreRead() {
    ChatTagResolution chat = ChatTagResolver.templateVariables().resolve(ChatTagArguments.NONE, page::get);

    assertEquals(new ChatTagResolution(ADA, "bm9uY2U="), chat);
  }

  @Test
  void givenParametersWinEvenWhenTheyAreNull() {
    ChatTagResolver resolver = ChatTagResolver.templateVariables();

    assertEquals(new ChatTagResolution(GRACE, "b3RoZXI="),
        resolver.resolve(new ChatTagArguments(true, GRACE, true, "b3RoZXI="), page::get));
    assertEquals(ChatTagResolution.NOBODY, resolver.resolve(new ChatTagArguments(true, null, true, ""), page::get));
  }

  @Test
  void otherVariableNamesCanBeChosen() {
    ChatTagResolution chat = ChatTagResolver.templateVariables("member", "none").resolve(ChatTagArguments.NONE, page::get);

    assertSame(GRACE, chat.user());
    assertNull(chat.nonce());
  }

  @Test
  void stringsMapsAndCollectionsAreNotUserObjectsAndAreNeverQuoted() {
    for (Object notAUser : List.of("ada@example.com", Map.of("email", "ada@example.com"),
        List.of("ada@example.com"), new String[] {"ada@example.com"})) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ChatTagResolution.of(notAUser, null));
      assertTrue(e.getMessage().contains("not a user object"), e.getMessage());
      assertFalse(e.getMessage().contains("ada@example.com"), e.getMessage());
    }
  }

  @Test
  void aNonceThatIsNotAStringIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChatTagResolution.of(ADA, 42));

    assertEquals("the nonce must be a string, got a java.lang.Integer; pass the page's CSP nonce", e.getMessage());
  }
}
