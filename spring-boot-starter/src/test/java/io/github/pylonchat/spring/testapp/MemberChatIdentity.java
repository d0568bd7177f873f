package io.github.pylonchat.spring.testapp;

import io.github.pylonchat.ChatIdentityAccessor;
import io.github.pylonchat.ChatProfile;

/** What pylon-chat-processor generates for {@link Member}, written by hand for these tests. */
public final class MemberChatIdentity implements ChatIdentityAccessor<Member> {
  /** The accessor that ChatIdentities finds by the naming rule. */
  public static final MemberChatIdentity INSTANCE = new MemberChatIdentity();

  private MemberChatIdentity() {}

  /** The member's chat email. */
  public static String email(Member model) {
    return model.email();
  }

  /** The member's chat name. */
  public static String name(Member model) {
    return model.name();
  }

  @Override
  public ChatProfile profile(Member model) {
    return new ChatProfile(email(model), name(model), null, null, null);
  }
}
