package io.github.pylonchat.testmodel;

/** Adds {@code @ChatName} to {@link Contact}: its accessor reads Contact's email. */
public interface Colleague extends Contact {
  String colleagueName();
}
