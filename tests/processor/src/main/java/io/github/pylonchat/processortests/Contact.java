package io.github.pylonchat.processortests;

import io.github.pylonchat.ChatEmail;
import io.github.pylonchat.ChatName;

/** An interface with annotated abstract getters: works for every implementation. */
public interface Contact {
  /** The contact's email. */
  @ChatEmail
  String emailAddress();

  /** The contact's name. */
  @ChatName
  String fullName();
}
