package io.github.pylonchat.samples.plain;

import io.github.pylonchat.ChatEmail;
import io.github.pylonchat.ChatName;

/**
 * A member of the sample site. The two annotations are all the chat needs: pylon-chat-processor
 * generates {@code MemberChatIdentity} at compile time, and {@code <@pylonChat/>} reads the email
 * and name through it.
 *
 * @param username the login name; the sample's password is the username plus {@code -password}
 *     (public: this is a demo)
 * @param email sent to Pylon as {@code email} and signed as {@code email_hash}
 * @param name sent to Pylon as {@code name}
 */
public record Member(String username, @ChatEmail String email, @ChatName String name) {
  /** The demo password of this member, listed on the sign-in page. */
  public String demoPassword() {
    return username + "-password";
  }
}
