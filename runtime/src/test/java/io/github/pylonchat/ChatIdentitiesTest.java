package io.github.pylonchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.testmodel.Colleague;
import io.github.pylonchat.testmodel.ColleagueChatIdentity;
import io.github.pylonchat.testmodel.Contact;
import io.github.pylonchat.testmodel.ContactChatIdentity;
import io.github.pylonchat.testmodel.Friend;
import io.github.pylonchat.testmodel.Partner;
import io.github.pylonchat.testmodel.Staff;
import io.github.pylonchat.testmodel.StaffChatIdentity;
import io.github.pylonchat.testing.CompiledWithoutProcessor;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void classWithChatEmailCompiledWithoutTheProcessorGivesAnErrorThatSaysSoWithTheFix(@TempDir Path dir)
      throws Exception {
    ClassLoader compiled = CompiledWithoutProcessor.compile(dir, ChatEmail.class, "com.acme.Member", """
        package com.acme;

        public class Member {
          @io.github.pylonchat.ChatEmail
          public String getEmail() {
            return "ada@example.com";
          }
        }

        class Guest extends Member {}
        """);
    Class<?> member = compiled.loadClass("com.acme.Member");
    Class<?> guest = compiled.loadClass("com.acme.Guest");
    String cause = "com.acme.Member has @ChatEmail on getEmail(), but com.acme.MemberChatIdentity does"
        + " not exist: pylon-chat-processor did not run when com.acme.Member was compiled. Add it to"
        + " maven-compiler-plugin's annotationProcessorPaths (javac 23 and newer ignore a processor that"
        + " is only among the dependencies): <path><groupId>io.github.pylonchat</groupId>"
        + "<artifactId>pylon-chat-processor</artifactId><version>";

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChatIdentities.profileOf(member.getConstructor().newInstance()));
    assertTrue(e.getMessage().startsWith("com.acme.Member has no chat identity: " + cause), e.getMessage());
    assertTrue(e.getMessage().contains("annotationProcessor(\"io.github.pylonchat:pylon-chat-processor:"),
        e.getMessage());
    assertTrue(ChatIdentities.missingAccessorCause(member).orElseThrow().startsWith(cause));
    IllegalArgumentException ofSubclass = assertThrows(IllegalArgumentException.class,
        () -> ChatIdentities.accessorFor(guest));
    assertTrue(ofSubclass.getMessage().startsWith("com.acme.Guest has no chat identity: its supertype "
        + cause), ofSubclass.getMessage());
    assertFalse(ChatIdentities.hasIdentity(guest));
  }

  @Test
  void onlyAClassWithChatEmailAndNoAccessorHasAMissingAccessorCause() {
    assertEquals(Optional.empty(), ChatIdentities.missingAccessorCause(Staff.class));
    assertEquals(Optional.empty(), ChatIdentities.missingAccessorCause(ChatIdentitiesTest.class));
    assertEquals(Optional.empty(), ChatIdentities.missingAccessorCause(String.class));
    assertEquals(Optional.empty(), ChatIdentities.missingAccessorCause(StaffContact.class));
  }

  @Test
  void aJdkValueGivesAnErrorThatSaysItIsNotAUserObject() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChatIdentities.profileOf(new StringBuilder("x")));
    assertTrue(e.getMessage().startsWith("the user is a java.lang.StringBuilder, not a user object"), e.getMessage());
    assertFalse(ChatIdentities.hasIdentity(Object.class));
  }

  @Test
  void emailsFromTheSuperclassAndAnInterfaceAreRefusedNamingTheClassAndBothSupertypes() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ChatIdentities.profileOf(new StaffContact()));
    assertEquals(StaffContact.class.getName() + " inherits a chat identity from both "
        + Staff.class.getName() + " (read by " + StaffChatIdentity.class.getName() + ") and "
        + Contact.class.getName() + " (read by " + ContactChatIdentity.class.getName() + "), each"
        + " with its own @ChatEmail: which email is signed must not depend on the order of extends"
        + " and implements; keep @ChatEmail in only one of these type hierarchies", e.getMessage());
    assertThrows(IllegalStateException.class, () -> ChatIdentities.hasIdentity(StaffContact.class));
  }

  @Test
  void emailsFromTwoInterfacesAreRefused() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ChatIdentities.accessorFor(ContactAndPartner.class));
    assertTrue(e.getMessage().startsWith(ContactAndPartner.class.getName() + " inherits a chat"
        + " identity from both " + Contact.class.getName()), e.getMessage());
    assertTrue(e.getMessage().contains(" and " + Partner.class.getName() + " (read by "), e.getMessage());
  }

  @Test
  void emailsFromDeeperSupertypesAreRefusedAndSoAreSubclassesOfARefusedClass() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ChatIdentities.accessorFor(Deep.class));
    assertTrue(e.getMessage().startsWith(Deep.class.getName() + " inherits a chat identity from both "
        + SubStaff.class.getName() + " (read by " + StaffChatIdentity.class.getName() + ") and "
        + SubContact.class.getName() + " (read by " + ContactChatIdentity.class.getName() + ")"),
        e.getMessage());
    IllegalStateException sub = assertThrows(IllegalStateException.class,
        () -> ChatIdentities.profileOf(new DeeperStill()));
    assertEquals(e.getMessage(), sub.getMessage());
  }

  @Test
  void oneEmailReachedThroughTwoSupertypesIsNotAmbiguous() {
    // Colleague and Friend both read Contact's email: the first supertype's accessor is used
    assertEquals(ChatProfile.of("pal@example.com", "Colleague"), ChatIdentities.profileOf(new Pal()));
    assertSame(ColleagueChatIdentity.INSTANCE, ChatIdentities.accessorFor(ColleagueAndContact.class));
  }

  @Test
  void nestedTypesMapToOuterUnderscoreInner() {
    assertEquals("io.github.pylonchat.ChatIdentitiesTest_NestedChatIdentity", ChatIdentities.accessorName(Nested.class));
  }

  static final class Nested {}

  static final class StaffContact extends Staff implements Contact {
    StaffContact() {
      super("staff@example.com", "Staff");
    }

    @Override
    public String contactEmail() {
      return "contact@example.com";
    }
  }

  abstract static class ContactAndPartner implements Contact, Partner {}

  abstract static class SubStaff extends Staff {
    SubStaff() {
      super("staff@example.com", "Staff");
    }
  }

  interface SubContact extends Contact {}

  abstract static class Deep extends SubStaff implements SubContact {}

  static final class DeeperStill extends Deep {
    @Override
    public String contactEmail() {
      return "contact@example.com";
    }
  }

  static final class Pal implements Colleague, Friend {
    @Override
    public String contactEmail() {
      return "pal@example.com";
    }

    @Override
    public String colleagueName() {
      return "Colleague";
    }

    @Override
    public String nickname() {
      return "Friend";
    }
  }

  abstract static class ColleagueAndContact implements Colleague, Contact {}
}
