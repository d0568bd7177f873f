package io.github.pylonchat.testmodel;

import io.github.pylonchat.ChatIdentityAccessor;
import io.github.pylonchat.ChatProfile;

/** Written by hand in the shape pylon-chat-processor generates. */
public final class StaffChatIdentity implements ChatIdentityAccessor<Staff> {
  public static final StaffChatIdentity INSTANCE = new StaffChatIdentity();

  private StaffChatIdentity() {}

  public static String email(Staff m) {
    return m.getEmail();
  }

  public static String name(Staff m) {
    return m.getName();
  }

  @Override
  public Class<?> modelType() {
    return Staff.class;
  }

  @Override
  public ChatProfile profile(Staff m) {
    return new ChatProfile(email(m), name(m), null, null, null);
  }
}
