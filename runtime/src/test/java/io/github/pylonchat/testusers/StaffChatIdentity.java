package io.github.pylonchat.testusers;

import io.github.pylonchat.ChatIdentityAccessor;
import io.github.pylonchat.ChatProfile;

/** Hand-written to the generated-class contract for {@link Staff} (email only). */
public final class StaffChatIdentity implements ChatIdentityAccessor<Staff> {
  public static final StaffChatIdentity INSTANCE = new StaffChatIdentity();

  private StaffChatIdentity() {}

  public static String email(Staff s) {
    return s.getEmail();
  }

  @Override
  public ChatProfile profile(Staff s) {
    return new ChatProfile(email(s), null, null, null, null);
  }
}
