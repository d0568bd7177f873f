package io.github.pylonchat.contract.model;

import io.github.pylonchat.ChatEmail;
import io.github.pylonchat.ChatName;

/** A JavaBean user model with private fields, read through its getters. */
public class Customer {
  @ChatEmail private final String email;
  @ChatName private final String displayName;

  public Customer(String email, String displayName) {
    this.email = email;
    this.displayName = displayName;
  }

  public String getEmail() {
    return email;
  }

  public String getDisplayName() {
    return displayName;
  }

  /** Empty on purpose: a tag must use the object, never its text form (an empty text is not "logged out"). */
  @Override
  public String toString() {
    return "";
  }
}
