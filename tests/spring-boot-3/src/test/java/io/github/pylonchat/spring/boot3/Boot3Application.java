package io.github.pylonchat.spring.boot3;

import io.github.pylonchat.ChatProfile;
import io.github.pylonchat.spring.PylonChatUserResolver;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.switchuser.SwitchUserFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A Spring Boot 3.5 web application with FreeMarker and Spring Security that adds the starter:
 * public pages, form login, and "log in as" for administrators ({@code POST /login/impersonate}).
 */
@SpringBootApplication
public class Boot3Application {
  /** The chat identities of the accounts that log in with the form. */
  static final Map<String, ChatProfile> PROFILES = Map.of(
      "admin", ChatProfile.of("admin@example.com", "Site Admin"),
      "ada", ChatProfile.of("ada@example.com", "Ada Lovelace"));

  @Bean
  SecurityFilterChain everyPageIsPublic(HttpSecurity http, UserDetailsService users) throws Exception {
    SwitchUserFilter switchUser = new SwitchUserFilter();
    switchUser.setUserDetailsService(users);
    switchUser.setTargetUrl("/page");
    switchUser.afterPropertiesSet();
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/login/impersonate").hasRole("ADMIN")
            .anyRequest().permitAll())
        .formLogin(Customizer.withDefaults())
        .addFilterAfter(switchUser, AuthorizationFilter.class)
        .build();
  }

  @Bean
  UserDetailsService users() {
    return new InMemoryUserDetailsManager(
        User.withUsername("admin").password("{noop}admin-password").roles("ADMIN").build(),
        User.withUsername("ada").password("{noop}ada-password").roles("USER").build());
  }

  @Bean
  PylonChatUserResolver profilesByUsername() {
    return principal -> principal instanceof UserDetails details ? PROFILES.get(details.getUsername()) : null;
  }

  @Controller
  static class Pages {
    @GetMapping("/page")
    String page() {
      return "page";
    }
  }
}
