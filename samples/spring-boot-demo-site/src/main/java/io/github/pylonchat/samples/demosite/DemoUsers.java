package io.github.pylonchat.samples.demosite;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The sample's users, kept in memory. Their passwords are public: the login page lists them in the
 * demo profile.
 * Two of them have hostile display names, to show that user text never runs as script.
 */
@Service
public class DemoUsers implements UserDetailsService {
  /**
   * A demo account as listed on the login page.
   *
   * @param username the login name
   * @param password the password, in clear text because it is a demo
   * @param email the chat email
   * @param displayName the chat name
   */
  public record Account(String username, String password, String email, String displayName) {}

  /** Every demo account, in the order the login page lists them. */
  public static final List<Account> ACCOUNTS = List.of(
      new Account("ada", "ada-password", "ada@example.com", "Ada Lovelace"),
      new Account("zoe", "zoe-password", "zoë@exämple.com", "Zoë Ångström-Łukasiewicz 🌍"),
      new Account("mallory", "mallory-password", "mallory@example.com", "</script><script>alert(1)</script>"),
      new Account("eve", "eve-password", "eve+\"'<b>@example.com", "\"-alert(1)-\"\u2028<!--<script>"));

  private final Map<String, DemoUser> usersByName;

  DemoUsers(PasswordEncoder passwordEncoder) {
    usersByName = ACCOUNTS.stream()
        .map(a -> new DemoUser(a.username(), passwordEncoder.encode(a.password()), a.email(), a.displayName()))
        .collect(Collectors.toUnmodifiableMap(DemoUser::username, Function.identity()));
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    DemoUser user = usersByName.get(username);
    if (user == null) {
      throw new UsernameNotFoundException("no demo user " + username);
    }
    return user;
  }
}
