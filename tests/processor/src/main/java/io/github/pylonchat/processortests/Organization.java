package io.github.pylonchat.processortests;

import io.github.pylonchat.ChatEmail;
import io.github.pylonchat.ChatName;

/** Holds a nested model. */
public final class Organization {
  private Organization() {}

  /** A nested model: its accessor is {@code Organization_StaffChatIdentity}. */
  public static class Staff {
    @ChatEmail final String email;
    @ChatName final String name;

    /** A staff member. */
    public Staff(String email, String name) {
      this.email = email;
      this.name = name;
    }
  }
}
