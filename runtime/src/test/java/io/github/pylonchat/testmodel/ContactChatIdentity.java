package io.github.pylonchat.testmodel;

import io.github.pylonchat.ChatIdentityAccessor;
import io.github.pylonchat.ChatProfile;

/**
 * Written by hand in the shape pylon-chat-processor generates for {@link Contact}. The hierarchies the
 * tests build on it are ones the processor rejects at compile time ({@code [ChatEmailTwice]}), so
 * it stands for an accessor compiled elsewhere (another module, an older jar), which {@code
 * ChatIdentities} must refuse to combine at run time instead of picking one.
 */
public final class ContactChatIdentity implements ChatIdentityAccessor<Contact> {
  public static final ContactChatIdentity INSTANCE = new ContactChatIdentity();

  private ContactChatIdentity() {}

  public static String email(Contact m) {
    return m.contactEmail();
  }

  @Override
  public Class<?> modelType() {
    return Contact.class;
  }

  @Override
  public ChatProfile profile(Contact m) {
    return new ChatProfile(email(m), null, null, null, null);
  }
}
