package io.github.pylonchat.spring.viewer;

import io.github.pylonchat.spring.PylonChatUserResolver;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.ui.freemarker.FreeMarkerTemplateUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.view.freemarker.FreeMarkerConfig;

/**
 * An application that makes the mistakes a real one makes, to attack over HTTP: its pages take a
 * {@link CurrentUser} controller parameter (bound from the query string and put into the model as
 * {@code currentUser}), or hand the tag a request-bound user with {@code user=}. Every page is
 * public; HTTP basic logs in ada and grace, whom a resolver maps to their chat identity, and
 * stranger, whom nothing maps. Its source is compiled and run on Spring Boot 4 (the starter's
 * tests) and on Spring Boot 3.5 (tests/spring-boot-3).
 */
@SpringBootApplication
public class ViewerApplication {
  /** The chat identity of each mapped account; every password is the name plus {@code -password}. */
  public static final Map<String, CurrentUser> USERS = Map.of(
      "ada", new CurrentUser("ada@example.com", "Ada Lovelace", "ada-account", "ada-id"),
      "grace", new CurrentUser("grace@example.com", "Grace Hopper", "grace-account", "grace-id"));

  @Bean
  SecurityFilterChain everyPageIsPublic(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .httpBasic(Customizer.withDefaults())
        .build();
  }

  @Bean
  UserDetailsService users() {
    return new InMemoryUserDetailsManager(java.util.stream.Stream.of("ada", "grace", "stranger")
        .map(name -> User.withUsername(name).password("{noop}" + name + "-password").roles("USER").build())
        .toList());
  }

  @Bean
  PylonChatUserResolver usersByUsername() {
    return principal -> principal instanceof UserDetails details ? USERS.get(details.getUsername()) : null;
  }

  @Controller
  static class Pages {
    private final FreeMarkerConfig freeMarker;

    Pages(FreeMarkerConfig freeMarker) {
      this.freeMarker = freeMarker;
    }

    /**
     * A page the controller renders into a string itself, answered with the caching it asks for
     * (public, as for a page it thinks is the same for everyone): the tag ran before those headers.
     */
    @GetMapping("/rendered-by-controller")
    ResponseEntity<String> renderedByController() throws Exception {
      String page = FreeMarkerTemplateUtils.processTemplateIntoString(
          freeMarker.getConfiguration().getTemplate("viewer/page.ftlh"), Map.of());
      return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic()).body(page);
    }

    /** The reproduced mistake: {@code currentUser} is bound from request parameters. */
    @GetMapping("/profile")
    String profile(CurrentUser currentUser) {
      return "viewer/page";
    }

    @GetMapping("/thymeleaf/profile")
    String thymeleafProfile(CurrentUser currentUser) {
      return "thymeleaf/viewer/page";
    }

    /** The same mistake through the tag's parameter: {@code <@pylonChat user=member/>}. */
    @GetMapping("/explicit")
    String explicit(CurrentUser member, Model model) {
      model.addAttribute("member", member);
      return "viewer/explicit";
    }

    @GetMapping("/thymeleaf/explicit")
    String thymeleafExplicit(CurrentUser member, Model model) {
      model.addAttribute("member", member);
      return "thymeleaf/viewer/explicit";
    }

    /** A user handed over with {@code user=} that is ada when checked and grace when read again. */
    @GetMapping("/changing")
    String changing(Model model) {
      model.addAttribute("member", new ChangingUser("ada@example.com", "grace@example.com"));
      return "viewer/explicit";
    }

    @GetMapping("/thymeleaf/changing")
    String thymeleafChanging(Model model) {
      model.addAttribute("member", new ChangingUser("ada@example.com", "grace@example.com"));
      return "thymeleaf/viewer/explicit";
    }
  }
}
