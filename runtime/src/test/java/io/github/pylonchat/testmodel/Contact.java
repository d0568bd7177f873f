package io.github.pylonchat.testmodel;

/**
 * An interface whose {@code contactEmail()} is its chat email, read by the hand-written {@link
 * ContactChatIdentity}.
 */
public interface Contact {
  String contactEmail();
}
