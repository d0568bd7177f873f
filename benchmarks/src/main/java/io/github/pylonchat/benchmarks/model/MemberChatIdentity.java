package io.github.pylonchat.benchmarks.model;

import io.github.pylonchat.ChatIdentityAccessor;
import io.github.pylonchat.ChatProfile;

/**
 * The accessor pylon-chat-processor generates for {@link Member}, written out by hand to the
 * generated-class contract (public static INSTANCE, private constructor, one static method per
 * annotated member) until the processor is part of this build.
 */
public final class MemberChatIdentity implements ChatIdentityAccessor<Member> {
  /** The accessor instance that {@code ChatIdentities} finds. */
  public static final MemberChatIdentity INSTANCE = new MemberChatIdentity();

  private MemberChatIdentity() {}

  /** {@code member.getEmail()}. */
  public static String email(Member member) {
    return member.getEmail();
  }

  /** {@code member.getDisplayName()}. */
  public static String name(Member member) {
    return member.getDisplayName();
  }

  /** {@code member.getTeamId()}. */
  public static String accountId(Member member) {
    return member.getTeamId();
  }

  @Override
  public ChatProfile profile(Member member) {
    return new ChatProfile(email(member), name(member), null, accountId(member), null);
  }
}
