package io.github.pylonchat.contract.model;

/** A user class nobody annotated with @ChatEmail. */
public class Guest {
  public String getEmail() {
    return "guest@example.com";
  }
}
