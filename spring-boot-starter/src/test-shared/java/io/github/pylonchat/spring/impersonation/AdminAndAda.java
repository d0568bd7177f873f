package io.github.pylonchat.spring.impersonation;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.authentication.switchuser.SwitchUserFilter;

/**
 * The logins of the starter's test applications on Spring Boot 4 and 3.5: admin (an administrator)
 * and ada, and Spring Security's "log in as" for administrators.
 */
public final class AdminAndAda {
  /** Where an administrator switches to another user: {@code POST /login/impersonate?username=ada}. */
  public static final String IMPERSONATE = "/login/impersonate";

  private AdminAndAda() {}

  /** The accounts that can log in: admin (role ADMIN) and ada (role USER). */
  public static UserDetailsService users() {
    return new InMemoryUserDetailsManager(
        User.withUsername("admin").password("{noop}admin-password").roles("ADMIN").build(),
        User.withUsername("ada").password("{noop}ada-password").roles("USER").build());
  }

  /** A {@link SwitchUserFilter} on {@link #IMPERSONATE} that lands on {@code /page}. */
  public static SwitchUserFilter switchUser(UserDetailsService users) {
    SwitchUserFilter switchUser = new SwitchUserFilter();
    switchUser.setUserDetailsService(users);
    switchUser.setTargetUrl("/page");
    switchUser.afterPropertiesSet();
    return switchUser;
  }
}
