package io.github.pylonchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.testmodel.Staff;
import io.github.pylonchat.testmodel.StaffChatIdentity;
import org.junit.jupiter.api.Test;

/**
 * The lookup contract with a hand-written accessor that follows the generated-class contract;
 * tests/processor covers the same lookup with classes the processor really generates.
 */
class ChatIdentitiesTest {
  @Test
  void findsTheAccessorByTheNamingRule() {
    assertSame(StaffChatIdentity.INSTANCE, ChatIdentities.accessorFor(Staff.class));
    assertEquals(ChatProfile.of("ada@example.com", "Ada"), ChatIdentities.profileOf(new Staff("ada@example.com", "Ada")));
  }

  @Test
  void subclassesAndProxyLikeSubclassesUseTheirSuperclassAccessor() {
    Staff proxy = new Staff("bob@example.com", "Bob") {}; // anonymous, as a runtime proxy would be
    assertEquals(ChatProfile.of("bob@example.com", "Bob"), ChatIdentities.profileOf(proxy));
    assertTrue(ChatIdentities.hasIdentity(proxy.getClass()));
  }

  @Test
  void aChatProfileIsItsOwnIdentity() {
    ChatProfile profile = ChatProfile.of("c@example.com", null);
    assertSame(profile, ChatIdentities.profileOf(profile));
  }

  @Test
  void unannotatedTypeGivesAnErrorThatNamesItAndSaysToAnnotate() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChatIdentities.profileOf(new ChatIdentitiesTest()));
    assertTrue(e.getMessage().startsWith("io.github.pylonchat.ChatIdentitiesTest has no chat identity"), e.getMessage());
    assertTrue(e.getMessage().contains("@io.github.pylonchat.ChatEmail"), e.getMessage());
    assertFalse(ChatIdentities.hasIdentity(ChatIdentitiesTest.class));
  }

  @Test
  void aJdkValueGivesAnErrorThatSaysItIsNotAUserObject() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChatIdentities.profileOf(new StringBuilder("x")));
    assertTrue(e.getMessage().startsWith("the user is a java.lang.StringBuilder, not a user object"), e.getMessage());
    assertFalse(ChatIdentities.hasIdentity(Object.class));
  }

  @Test
  void nestedTypesMapToOuterUnderscoreInner() {
    assertEquals("io.github.pylonchat.ChatIdentitiesTest_NestedChatIdentity", ChatIdentities.accessorName(Nested.class));
  }

  static final class Nested {}
}
