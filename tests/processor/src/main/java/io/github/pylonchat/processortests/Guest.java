package io.github.pylonchat.processortests;

/** A subclass without annotations: read through User's accessor. */
public class Guest extends User {
  /** A guest with an email only. */
  public Guest(String email) {
    super(email, null, "Guest", "User");
  }
}
