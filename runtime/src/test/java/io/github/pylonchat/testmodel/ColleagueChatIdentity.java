package io.github.pylonchat.testmodel;

import io.github.pylonchat.ChatIdentityAccessor;
import io.github.pylonchat.ChatProfile;

/** Written by hand in the shape pylon-chat-processor generates for {@link Colleague}. */
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
