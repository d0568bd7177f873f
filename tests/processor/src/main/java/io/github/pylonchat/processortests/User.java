package io.github.pylonchat.processortests;

import io.github.pylonchat.ChatAvatarUrl;
import io.github.pylonchat.ChatEmail;
import io.github.pylonchat.ChatName;

/** A JPA-style entity: private fields read through getters, a computed display name. */
public class User {
  @ChatEmail private String email;
  @ChatAvatarUrl private String avatarUrl;
  private String firstName;
  private String lastName;

  /** For proxies and frameworks. */
  protected User() {}

  /** A user with all its fields. */
  public User(String email, String avatarUrl, String firstName, String lastName) {
    this.email = email;
    this.avatarUrl = avatarUrl;
    this.firstName = firstName;
    this.lastName = lastName;
  }

  /** The email, read by the generated accessor. */
  public String getEmail() {
    return email;
  }

  /** The avatar URL, read by the generated accessor. */
  public String getAvatarUrl() {
    return avatarUrl;
  }

  /** First and last name. */
  @ChatName
  public String getDisplayName() {
    return firstName + " " + lastName;
  }
}
