package io.github.pylonchat.testmodel;

/** Another interface with its own {@code @ChatEmail}, on {@code partnerEmail()}. */
public interface Partner {
  String partnerEmail();
}
