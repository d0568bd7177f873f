package io.github.pylonchat.processortests;

import io.github.pylonchat.ChatAccountId;

/** A subclass that adds a companion: it gets its own accessor, which also reads User's. */
public class Admin extends User {
  @ChatAccountId final String tenant;

  /** An administrator of {@code tenant}. */
  public Admin(String email, String firstName, String lastName, String tenant) {
    super(email, null, firstName, lastName);
    this.tenant = tenant;
  }
}
