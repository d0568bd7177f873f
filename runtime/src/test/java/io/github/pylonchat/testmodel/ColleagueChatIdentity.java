package io.github.pylonchat.testmodel;

import io.github.pylonchat.ChatIdentityAccessor;
import io.github.pylonchat.ChatProfile;

/**
 * Written by hand in the shape pylon-chat-processor generates for {@link Colleague}. The hierarchies the
 * tests build on it are ones the processor rejects at compile time ({@code [ChatEmailTwice]}), so
 * it stands for an accessor compiled elsewhere (another module, an older jar), which {@code
 * ChatIdentities} must refuse to combine at run time instead of picking one.
 */
public final class ColleagueChatIdentity implements ChatIdentityAccessor<Colleague> {
  public static final ColleagueChatIdentity INSTANCE = new ColleagueChatIdentity();

  private ColleagueChatIdentity() {}

  public static String email(Colleague m) {
    return ContactChatIdentity.email(m);
  }

  @Override
  public Class<?> modelType() {
    return Colleague.class;
  }

  @Override
  public ChatProfile profile(Colleague m) {
    return new ChatProfile(email(m), m.colleagueName(), null, null, null);
  }
}
