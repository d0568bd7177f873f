package io.github.pylonchat.benchmarks.model;

import io.github.pylonchat.ChatAccountId;
import io.github.pylonchat.ChatEmail;
import io.github.pylonchat.ChatName;
import java.util.Objects;

/**
 * A logged-in member as a typical web app models it; the user object of the rendering and lookup
 * benchmarks.
 */
public class Member {
  private final long id;
  @ChatEmail private final String email;
  private final String displayName;
  private final String teamId;

  /** A member of team {@code teamId}. */
  public Member(long id, String email, String displayName, String teamId) {
    this.id = id;
    this.email = email;
    this.displayName = displayName;
    this.teamId = teamId;
  }

  /** The database id. */
  public long getId() {
    return id;
  }

  /** The login email; also the chat email. */
  public String getEmail() {
    return email;
  }

  /** The name shown in the chat. */
  @ChatName
  public String getDisplayName() {
    return displayName;
  }

  /** The team (Pylon account) the member belongs to. */
  @ChatAccountId
  public String getTeamId() {
    return teamId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Member m && m.id == id && m.email.equals(email);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, email);
  }
}
