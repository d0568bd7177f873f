package io.github.pylonchat.testmodel;

import io.github.pylonchat.ChatIdentityAccessor;
import io.github.pylonchat.ChatProfile;

/**
 * Written by hand to the contract of the class pylon-chat-processor generates for
 * {@link Subscriber}, so the widget can be tested without running the processor.
 */
public final class SubscriberChatIdentity implements ChatIdentityAccessor<Subscriber> {
  public static final SubscriberChatIdentity INSTANCE = new SubscriberChatIdentity();

  private SubscriberChatIdentity() {}

  public static String email(Subscriber m) {
    return m.email();
  }

  public static String name(Subscriber m) {
    return m.name();
  }

  public static String avatarUrl(Subscriber m) {
    return m.avatarUrl();
  }

  public static String accountId(Subscriber m) {
    return m.accountId();
  }

  public static String accountExternalId(Subscriber m) {
    return m.accountExternalId();
  }

  public static String contactExternalId(Subscriber m) {
    return m.userId();
  }

  @Override
  public Class<?> modelType() {
    return Subscriber.class;
  }

  @Override
  public ChatProfile profile(Subscriber m) {
    return new ChatProfile(email(m), name(m), avatarUrl(m), accountId(m), accountExternalId(m), contactExternalId(m));
  }
}
