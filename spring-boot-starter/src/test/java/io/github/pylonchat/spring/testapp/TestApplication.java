package io.github.pylonchat.spring.testapp;

import io.github.pylonchat.spring.PylonChatUserResolver;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.SecurityFilterChain;
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
  public static final Map<String, Member> MEMBERS_BY_USERNAME =
      Map.of("ada", new Member("ada@example.com", "Ada Lovelace"));

  @Bean
  SecurityFilterChain everyPageIsPublic(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
  }

  @Bean
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

    @GetMapping("/explicit-user")
    String explicitUser(Model model) {
      model.addAttribute("member", new Member("alan@example.com", "Alan Turing"));
      return "explicit-user";
    }
  }
}
