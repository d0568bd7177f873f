package io.github.pylonchat.freemarker.testmodel;

import io.github.pylonchat.ChatIdentityAccessor;
import io.github.pylonchat.ChatProfile;

/**
 * Written by hand to the contract of the class pylon-chat-processor generates for
 * {@link Customer}, so the directive can be tested without running the processor.
 */
public final class CustomerChatIdentity implements ChatIdentityAccessor<Customer> {
  public static final CustomerChatIdentity INSTANCE = new CustomerChatIdentity();

  private CustomerChatIdentity() {}

  public static String email(Customer c) {
    return c.getEmail();
  }

  public static String name(Customer c) {
    return c.getDisplayName();
  }

  @Override
  public ChatProfile profile(Customer c) {
    return ChatProfile.of(email(c), name(c));
  }
}
