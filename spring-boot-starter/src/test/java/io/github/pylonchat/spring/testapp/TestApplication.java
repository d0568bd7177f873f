package io.github.pylonchat.spring.testapp;

import io.github.pylonchat.spring.PylonChatUserResolver;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
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
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A Spring Boot web application with FreeMarker and Spring Security that uses the starter the way
 * a user would: {@code <@pylonChat/>} in its templates, nothing else.
 */
@SpringBootApplication
public class TestApplication {
  /** The members the application's user-details principals map to. */
  public static final Map<String, Member> MEMBERS_BY_USERNAME = Map.of(
      "ada", new Member("ada@example.com", "Ada Lovelace"),
      "admin", new Member("admin@example.com", "Site Admin"));

  /**
   * Every page is public; form login or HTTP basic, and "log in as" for administrators: {@code POST
   * /login/impersonate?username=ada} switches to ada (Spring Security's {@link SwitchUserFilter}).
   */
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
        .httpBasic(Customizer.withDefaults())
        .addFilterAfter(switchUser, AuthorizationFilter.class)
        .build();
  }

  /** The accounts that can log in: admin (an administrator) and ada. */
  @Bean
  UserDetailsService users() {
    return new InMemoryUserDetailsManager(
        User.withUsername("admin").password("{noop}admin-password").roles("ADMIN").build(),
        User.withUsername("ada").password("{noop}ada-password").roles("USER").build());
  }

  /** How often {@link #membersFromARepository()} was asked, as a database would count queries. */
  public static final AtomicInteger REPOSITORY_LOOKUPS = new AtomicInteger();

  /** Like a Spring Data repository: an Optional, empty for every username but linus. */
  @Bean
  @Order(1)
  PylonChatUserResolver membersFromARepository() {
    return principal -> {
      REPOSITORY_LOOKUPS.incrementAndGet();
      return principal instanceof UserDetails details && details.getUsername().equals("linus")
          ? Optional.of(new Member("linus@example.com", "Linus Torvalds"))
          : Optional.empty();
    };
  }

  @Bean
  @Order(2)
  PylonChatUserResolver membersByUsername() {
    return principal -> principal instanceof UserDetails details
        ? MEMBERS_BY_USERNAME.get(details.getUsername())
        : null;
  }

  @Controller
  static class Pages {
    @GetMapping("/page")
    String page() {
      return "page";
    }

    @GetMapping("/model-user")
    String modelUser(Model model) {
      model.addAttribute("currentUser", new Member("grace@example.com", "Grace Hopper"));
      return "page";
    }

    /** The mistake: {@code currentUser} is bound from request parameters, not the logged-in user. */
    @GetMapping("/profile")
    String profile(CurrentUser currentUser) {
      return "page";
    }

    @GetMapping("/explicit-user")
    String explicitUser(Model model) {
      model.addAttribute("member", new Member("alan@example.com", "Alan Turing"));
      return "explicit-user";
    }

    /** More than the response buffer before the tag: the response is committed when it runs. */
    @GetMapping("/big-page")
    String bigPage() {
      return "big-page";
    }

    @GetMapping("/big-explicit-user")
    String bigExplicitUser(Model model) {
      model.addAttribute("member", new Member("alan@example.com", "Alan Turing"));
      return "big-explicit-user";
    }

    /** A page the application lets shared caches keep for an hour. */
    @GetMapping("/public-cache")
    String publicCache(HttpServletResponse response) {
      response.setHeader("Cache-Control", "public, max-age=3600");
      return "page";
    }
  }
}
