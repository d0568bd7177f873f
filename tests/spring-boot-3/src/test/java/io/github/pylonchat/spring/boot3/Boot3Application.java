package io.github.pylonchat.spring.boot3;

import io.github.pylonchat.ChatProfile;
import io.github.pylonchat.spring.PylonChatUserResolver;
import io.github.pylonchat.spring.impersonation.AdminAndAda;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A Spring Boot 3.5 web application with FreeMarker, Thymeleaf and Spring Security that adds the
 * starter: public pages, form login, and "log in as" for administrators
 * ({@code POST /login/impersonate}).
 */
@SpringBootApplication
public class Boot3Application {
  /** The chat identities of the accounts that log in with the form. */
  static final Map<String, ChatProfile> PROFILES = Map.of(
      "admin", ChatProfile.of("admin@example.com", "Site Admin"),
      "ada", ChatProfile.of("ada@example.com", "Ada Lovelace"));

  @Bean
  SecurityFilterChain everyPageIsPublic(HttpSecurity http, UserDetailsService users) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(AdminAndAda.IMPERSONATE).hasRole("ADMIN")
            .anyRequest().permitAll())
        .formLogin(Customizer.withDefaults())
        .addFilterAfter(AdminAndAda.switchUser(users), AuthorizationFilter.class)
        .build();
  }

  @Bean
  UserDetailsService users() {
    return AdminAndAda.users();
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

    /** The same page written for Thymeleaf. */
    @GetMapping("/thymeleaf/page")
    String thymeleafPage() {
      return "thymeleaf/page";
    }
  }
}
