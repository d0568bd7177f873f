package io.github.pylonchat.spring.viewer;

import io.github.pylonchat.ChatEmail;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A page's user whose email is {@code first} when read the first time and {@code later} after
 * that: a mutable form object (kept with {@code @SessionAttributes}) that another request of the
 * same session rebinds between the chat's check and its render.
 */
public final class ChangingUser {
  private final String first;
  private final String later;
  private final AtomicInteger reads = new AtomicInteger();

  ChangingUser(String first, String later) {
    this.first = first;
    this.later = later;
  }

  /** {@code first} on the first read, {@code later} on every other. */
  @ChatEmail
  public String email() {
    return reads.getAndIncrement() == 0 ? first : later;
  }
}
