package io.github.pylonchat.spring.endpoint;

import io.github.pylonchat.ChatProfile;
import io.github.pylonchat.spring.PylonChatUserResolver;
import java.time.Instant;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with a JSON API and no pages, as a single-page or mobile front end has it, that
 * switches the chat-settings endpoint on: form login and HTTP basic for browsers, bearer tokens
 * (Spring Security's resource server, {@link Jwt} principals) for mobile apps, and a
 * {@link PylonChatUserResolver} for each kind of principal. Every request is allowed; the endpoint
 * answers 204 to a visitor who is not logged in. Its source is compiled and run on Spring Boot 4
 * (the starter's tests) and on Spring Boot 3.5 (tests/spring-boot-3).
 */
@SpringBootApplication
public class EndpointApplication {
  /** The chat identity of each account; its password is its name plus {@code -password}. */
  public static final Map<String, ChatProfile> PROFILES = Map.of(
      "ada", ChatProfile.of("ada@example.com", "Ada Lovelace"),
      "grace", ChatProfile.of("grace@example.com", "Grace Hopper"),
      "linus", ChatProfile.of("linus@example.com", "Linus Torvalds"),
      "admin", ChatProfile.of("admin@example.com", "Site Admin"));

  /** What {@link #bearerTokens()} accepts for an account: {@code token-for-ada}. */
  public static String bearerToken(String username) {
    return "token-for-" + username;
  }

  @Bean
  SecurityFilterChain api(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .formLogin(Customizer.withDefaults())
        .httpBasic(Customizer.withDefaults())
        .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
        .build();
  }

  @Bean
  UserDetailsService users() {
    return new InMemoryUserDetailsManager(PROFILES.keySet().stream()
        .map(name -> User.withUsername(name).password("{noop}" + name + "-password").roles("USER").build())
        .toList());
  }

  /** Stands in for an identity provider's token check: {@code token-for-<username>} is that account. */
  @Bean
  JwtDecoder bearerTokens() {
    return token -> {
      String subject = token.startsWith("token-for-") ? token.substring("token-for-".length()) : "";
      if (!PROFILES.containsKey(subject)) {
        throw new BadJwtException("unknown test token");
      }
      Instant now = Instant.now();
      return Jwt.withTokenValue(token).header("alg", "none").subject(subject)
          .issuedAt(now).expiresAt(now.plusSeconds(300)).build();
    };
  }

  /** Form login and HTTP basic: the user-details principal's username. */
  @Bean
  PylonChatUserResolver chatUserByUsername() {
    return principal -> principal instanceof UserDetails details ? PROFILES.get(details.getUsername()) : null;
  }

  /** A bearer token: the token's subject is the account (never an email claim the token may carry). */
  @Bean
  PylonChatUserResolver chatUserByTokenSubject() {
    return principal -> principal instanceof Jwt jwt ? PROFILES.get(jwt.getSubject()) : null;
  }

  /** A trivial JSON endpoint of the same application, to compare the chat settings' throughput with. */
  @RestController
  static class Ping {
    @GetMapping("/ping")
    Map<String, Object> ping() {
      return Map.of("ok", true);
    }
  }
}
