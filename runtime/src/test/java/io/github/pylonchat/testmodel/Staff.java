package io.github.pylonchat.testmodel;

/** A model as a user would write it (annotations are not processed in this module's tests). */
public class Staff {
  private final String email;
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
