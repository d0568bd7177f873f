package io.github.pylonchat.testmodel;

/** Adds {@code @ChatName} to {@link Contact}, as {@link Colleague} does. */
public interface Friend extends Contact {
  String nickname();
}
