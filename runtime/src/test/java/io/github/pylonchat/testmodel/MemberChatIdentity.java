package io.github.pylonchat.testmodel;

import io.github.pylonchat.ChatIdentityAccessor;
import io.github.pylonchat.ChatProfile;

/**
 * Written by hand to the contract of the class pylon-chat-processor generates for {@link Member}
 * (same name, {@code INSTANCE}, private constructor, one static accessor per annotation), so the
 * widget can be tested without running the processor.
 */
public final class MemberChatIdentity implements ChatIdentityAccessor<Member> {
  public static final MemberChatIdentity INSTANCE = new MemberChatIdentity();

  private MemberChatIdentity() {}

  public static String email(Member m) {
    return m.email();
  }

  public static String name(Member m) {
    return m.name();
  }

  public static String avatarUrl(Member m) {
    return m.avatarUrl();
  }

  public static String accountId(Member m) {
    return m.accountId();
  }

  public static String accountExternalId(Member m) {
    return m.accountExternalId();
  }

  @Override
  public Class<?> modelType() {
    return Member.class;
  }

  @Override
  public ChatProfile profile(Member m) {
    return new ChatProfile(email(m), name(m), avatarUrl(m), accountId(m), accountExternalId(m));
  }
}
