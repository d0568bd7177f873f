package io.github.pylonchat.testmodel;

import io.github.pylonchat.ChatIdentityAccessor;
import io.github.pylonchat.ChatProfile;

/**
 * Written by hand in the shape pylon-chat-processor generates for {@link Partner}. The hierarchies the
 * tests build on it are ones the processor rejects at compile time ({@code [ChatEmailTwice]}), so
 * it stands for an accessor compiled elsewhere (another module, an older jar), which {@code
 * ChatIdentities} must refuse to combine at run time instead of picking one.
 */
public final class PartnerChatIdentity implements ChatIdentityAccessor<Partner> {
  public static final PartnerChatIdentity INSTANCE = new PartnerChatIdentity();

  private PartnerChatIdentity() {}

  public static String email(Partner m) {
    return m.partnerEmail();
  }

  @Override
  public Class<?> modelType() {
    return Partner.class;
  }

  @Override
  public ChatProfile profile(Partner m) {
    return new ChatProfile(email(m), null, null, null, null);
  }
}
