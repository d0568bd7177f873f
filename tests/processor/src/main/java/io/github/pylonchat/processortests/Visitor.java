package io.github.pylonchat.processortests;

/** A model nobody annotated. */
public class Visitor {
  /** The visitor's email, not annotated. */
  public String getEmail() {
    return "visitor@example.com";
  }
}
