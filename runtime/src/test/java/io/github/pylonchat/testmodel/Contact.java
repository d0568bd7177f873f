package io.github.pylonchat.testmodel;

/** An interface whose {@code contactEmail()} carries {@code @ChatEmail} (as if processed). */
public interface Contact {
  String contactEmail();
}
