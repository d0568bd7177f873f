package io.github.pylonchat.testmodel;

import io.github.pylonchat.ChatEmail;
import io.github.pylonchat.ChatName;

/** A model as a user would write it: annotated private fields read through their getters. */
public class Staff {
  @ChatEmail
  private final String email;
  @ChatName
  private final String name;

  public Staff(String email, String name) {
    this.email = email;
    this.name = name;
  }

  public String getEmail() {
    return email;
  }

  public String getName() {
    return name;
  }
}
