package io.github.pylonchat.testusers;

import io.github.pylonchat.ChatEmail;

/** A JavaBean user model with only an email: the private field is read through its getter. */
public class Staff {
  @ChatEmail private final String email;

  public Staff(String email) {
    this.email = email;
  }

  public String getEmail() {
    return email;
  }
}
