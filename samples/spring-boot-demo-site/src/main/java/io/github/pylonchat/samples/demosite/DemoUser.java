package io.github.pylonchat.samples.demosite;

import io.github.pylonchat.ChatContactExternalId;
import io.github.pylonchat.ChatEmail;
import io.github.pylonchat.ChatName;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in user of the sample and Spring Security's principal. The annotations are all the chat
 * needs: pylon-chat-processor generates {@code DemoUserChatIdentity}, and the starter hands the
 * principal to the chat tag ({@code <@pylonChat/>} or {@code <pylon:chat/>}), which reads the
 * email and the name through it (and, in JWT mode, the user name as the signed contact external id).
 *
 * @param username what the user types on the login page; in JWT mode signed as {@code contact_external_id}
 * @param password the encoded password
 * @param email sent to Pylon as {@code email} and signed as {@code email_hash}
 * @param displayName sent to Pylon as {@code name}
 */
public record DemoUser(@ChatContactExternalId String username, String password, @ChatEmail String email,
    @ChatName String displayName) implements UserDetails {

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public String getPassword() {
    return password;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority("ROLE_USER"));
  }

  @Override
  public String toString() {
    return "DemoUser[" + username + "]"; // without the password hash
  }
}
