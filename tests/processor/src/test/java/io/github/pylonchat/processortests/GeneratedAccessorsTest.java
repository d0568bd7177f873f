package io.github.pylonchat.processortests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.pylonchat.ChatIdentities;
import io.github.pylonchat.ChatProfile;
import io.github.pylonchat.IdentitySecret;
import io.github.pylonchat.JwtSecret;
import io.github.pylonchat.PylonChatWidget;
import io.github.pylonchat.testing.ReferenceJwt;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Calls the accessors that pylon-chat-processor generated for this module's models. */
class GeneratedAccessorsTest {
  private final User ada =
      new User("ada@example.com", "https://example.com/ada.png", "Ada", "Lovelace");

  @Test
  void classWithPrivateFieldsIsReadThroughItsGetters() {
    assertEquals("ada@example.com", UserChatIdentity.email(ada));
    assertEquals("Ada Lovelace", UserChatIdentity.name(ada));
    assertEquals("https://example.com/ada.png", UserChatIdentity.avatarUrl(ada));
    assertEquals(
        new ChatProfile("ada@example.com", "Ada Lovelace", "https://example.com/ada.png", null,
            null),
        ChatIdentities.profileOf(ada));
  }

  @Test
  void recordIsReadThroughItsComponents() {
    Member member = new Member("grace@example.com", "Grace Hopper", "crm-42", "user-7");
    assertEquals("crm-42", MemberChatIdentity.accountExternalId(member));
    assertEquals("user-7", MemberChatIdentity.contactExternalId(member));
    assertEquals(new ChatProfile("grace@example.com", "Grace Hopper", null, null, "crm-42",
        "user-7"), ChatIdentities.profileOf(member));
  }

  @Test
  void contactExternalIdIsNeverWrittenIntoChatSettings() {
    // Pylon accepts contact_external_id only inside a signed token
    PylonChatWidget widget = PylonChatWidget.builder()
        .appId("8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f")
        .identitySecret(IdentitySecret.ofHex("00112233445566778899aabbccddeeff"
            + "00112233445566778899aabbccddeeff"))
        .build();
    String html = widget.render(
        new Member("grace@example.com", "Grace Hopper", "crm-42", "user-7"), null);
    assertTrue(html.contains("\"account_external_id\":\"crm-42\""), html);
    assertFalse(html.contains("contact_external_id"), html);
    assertFalse(html.contains("user-7"), html);
  }

  @Test
  void inJwtModeTheContactExternalIdIsSignedInsideTheTokenAndNowhereElse() {
    String secret = "processor-tests-jwt-secret-Zq8vR2mX7tK4wB9n";
    PylonChatWidget widget = PylonChatWidget.builder()
        .appId("8c3f2f6e-1b2a-4c1e-9f3d-2a6b7c8d9e0f")
        .jwtSecret(JwtSecret.ofText(secret))
        .build();
    String json = widget.settingsJson(new Member("grace@example.com", "Grace Hopper", "crm-42", "user-7"))
        .orElseThrow();
    assertFalse(json.contains("user-7"), json);
    assertFalse(json.contains("email_hash"), json);
    String jwt = json.replaceAll(".*\"jwt\":\"([^\"]+)\".*", "$1");
    Map<String, Object> claims = ReferenceJwt.verifiedClaims(jwt, secret);
    assertEquals("user-7", claims.get("contact_external_id"));
    assertEquals("crm-42", claims.get("account_external_id"));
    assertEquals("grace@example.com", claims.get("email"));
  }

  @Test
  void unannotatedImplementationOfAnnotatedInterfaceIsReadThroughTheInterfaceAccessor() {
    Supplier supplier = new Supplier("orders@acme.example", "ACME Orders");
    assertEquals("orders@acme.example", ContactChatIdentity.email(supplier));
    assertSame(ContactChatIdentity.INSTANCE, ChatIdentities.accessorFor(Supplier.class));
    assertEquals(ChatProfile.of("orders@acme.example", "ACME Orders"),
        ChatIdentities.profileOf(supplier));
  }

  @Test
  void nestedClassIsReadThroughOuterUnderscoreInnerAccessor() {
    Organization.Staff staff = new Organization.Staff("linus@example.com", "Linus");
    assertEquals("Linus", Organization_StaffChatIdentity.name(staff));
    assertSame(Organization_StaffChatIdentity.INSTANCE,
        ChatIdentities.accessorFor(Organization.Staff.class));
    assertEquals(ChatProfile.of("linus@example.com", "Linus"), ChatIdentities.profileOf(staff));
  }

  @Test
  void unrelatedClassWhoseNameMapsToAnotherTypesAccessorIsRefused() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ChatIdentities.profileOf(new Organization_Staff()));
    assertEquals("io.github.pylonchat.processortests.Organization_StaffChatIdentity is the"
        + " accessor of io.github.pylonchat.processortests.Organization.Staff, not of"
        + " io.github.pylonchat.processortests.Organization_Staff, whose name maps to the same"
        + " accessor name: rename one of the two classes", e.getMessage());
    assertSame(Organization.Staff.class, Organization_StaffChatIdentity.INSTANCE.modelType());
  }

  @Test
  void genericClassIsReadWhateverItsTypeArgument() {
    Account<Integer> numbered = new Account<>(7, "seven@example.com");
    Account<String> named = new Account<>("acme", "acme@example.com");
    assertEquals("7", AccountChatIdentity.accountId(numbered));
    assertEquals("acme", AccountChatIdentity.accountId(named));
    assertEquals(new ChatProfile("acme@example.com", null, null, "acme", null),
        ChatIdentities.profileOf(named));
  }

  @Test
  void subclassAddingCompanionHasItsOwnAccessorCombiningInheritedMembers() {
    Admin admin = new Admin("root@example.com", "Ada", "Admin", "tenant-1");
    assertEquals("root@example.com", AdminChatIdentity.email(admin));
    assertEquals("Ada Admin", AdminChatIdentity.name(admin));
    assertEquals("tenant-1", AdminChatIdentity.accountId(admin));
    assertSame(AdminChatIdentity.INSTANCE, ChatIdentities.accessorFor(Admin.class));
    assertEquals(new ChatProfile("root@example.com", "Ada Admin", null, "tenant-1", null),
        ChatIdentities.profileOf(admin));
  }

  @Test
  void unannotatedSubclassIsReadThroughItsSuperclassAccessor() {
    assertSame(UserChatIdentity.INSTANCE, ChatIdentities.accessorFor(Guest.class));
    assertEquals(ChatProfile.of("guest@example.com", "Guest User"),
        ChatIdentities.profileOf(new Guest("guest@example.com")));
  }

  @Test
  void proxyLikeSubclassIsReadThroughTheAnnotatedSuperclassAccessor() {
    User proxy = new User$HibernateProxy$abc123();
    assertEquals("io.github.pylonchat.processortests.User$HibernateProxy$abc123",
        proxy.getClass().getName());
    assertSame(UserChatIdentity.INSTANCE, ChatIdentities.accessorFor(proxy.getClass()));
    assertEquals(ChatProfile.of("proxied@example.com", "Lazy Loaded"),
        ChatIdentities.profileOf(proxy));
  }

  @Test
  void unannotatedTypeIsAnErrorNamingTheTypeAndTheFix() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChatIdentities.profileOf(new Visitor()));
    assertTrue(e.getMessage().startsWith(
        "io.github.pylonchat.processortests.Visitor has no chat identity: annotate the member"
            + " that holds the user's email with @io.github.pylonchat.ChatEmail"),
        e.getMessage());
  }

  @Test
  void generatedAccessorIsPublicFinalWithAPrivateConstructor() throws NoSuchMethodException {
    Class<?> accessor = UserChatIdentity.class;
    assertTrue(java.lang.reflect.Modifier.isFinal(accessor.getModifiers()));
    assertTrue(java.lang.reflect.Modifier.isPrivate(
        accessor.getDeclaredConstructor().getModifiers()));
  }
}
