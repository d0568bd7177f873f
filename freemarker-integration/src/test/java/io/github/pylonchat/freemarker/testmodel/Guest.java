package io.github.pylonchat.freemarker.testmodel;

/** A user class nobody annotated with @ChatEmail. */
public class Guest {
  public String getEmail() {
    return "guest@example.com";
  }
}
