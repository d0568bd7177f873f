package io.github.pylonchat.processortests;

import io.github.pylonchat.ChatAccountId;
import io.github.pylonchat.ChatEmail;

/**
 * A generic model: its accessor reads {@code Account<?>}.
 *
 * @param <K> the type of the account key
 */
public class Account<K extends Comparable<K>> {
  private final K key;
  private final String email;

  /** An account. */
  public Account(K key, String email) {
    this.key = key;
    this.email = email;
  }

  /** The owner's email. */
  @ChatEmail
  public String email() {
    return email;
  }

  /** The key as the chat account id. */
  @ChatAccountId
  public String accountId() {
    return String.valueOf(key);
  }
}
