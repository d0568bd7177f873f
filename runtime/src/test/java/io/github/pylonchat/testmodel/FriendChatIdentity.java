package io.github.pylonchat.testmodel;

import io.github.pylonchat.ChatIdentityAccessor;
import io.github.pylonchat.ChatProfile;

/**
 * Written by hand in the shape pylon-chat-processor generates for {@link Friend}. The hierarchies the
 * tests build on it are ones the processor rejects at compile time ({@code [ChatEmailTwice]}), so
 * it stands for an accessor compiled elsewhere (another module, an older jar), which {@code
 * ChatIdentities} must refuse to combine at run time instead of picking one.
 */
public final class FriendChatIdentity implements ChatIdentityAccessor<Friend> {
  public static final FriendChatIdentity INSTANCE = new FriendChatIdentity();

  private FriendChatIdentity() {}

  public static String email(Friend m) {
    return ContactChatIdentity.email(m);
  }

  @Override
  public Class<?> modelType() {
    return Friend.class;
  }

  @Override
  public ChatProfile profile(Friend m) {
    return new ChatProfile(email(m), m.nickname(), null, null, null);
  }
}
