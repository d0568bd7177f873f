package io.github.pylonchat.spring.mfa;

import io.github.pylonchat.ChatProfile;
import io.github.pylonchat.spring.PylonChatUserResolver;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * An application that requires two factors (Spring Security 7's multi-factor authentication): the
 * password, then a one-time token. Its home page and the chat-settings endpoint are public, as
 * pages with the chat usually are; {@code /account} needs both factors. The one-time token is
 * kept in {@link #LAST_TOKEN} instead of being mailed.
 */
@SpringBootApplication
@EnableMultiFactorAuthentication(authorities = {
    FactorGrantedAuthority.PASSWORD_AUTHORITY, FactorGrantedAuthority.OTT_AUTHORITY})
public class MultiFactorApplication {
  /** The last one-time token generated, as the user would get it by mail. */
  public static final AtomicReference<String> LAST_TOKEN = new AtomicReference<>();

  @Bean
  SecurityFilterChain passwordThenOneTimeToken(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/account").authenticated()
            .anyRequest().permitAll())
        .formLogin(login -> login.defaultSuccessUrl("/account", true))
        .oneTimeTokenLogin(ott -> ott.tokenGenerationSuccessHandler((request, response, token) -> {
          LAST_TOKEN.set(token.getTokenValue());
          response.sendRedirect("/ott/sent");
        }))
        .csrf(csrf -> csrf.disable()) // the test posts the forms without reading them first
        .build();
  }

  @Bean
  UserDetailsService users() {
    return new InMemoryUserDetailsManager(User.withUsername("ada").password("{noop}ada-password").roles("USER").build());
  }

  @Bean
  PylonChatUserResolver ada() {
    return principal -> principal instanceof UserDetails details && details.getUsername().equals("ada")
        ? ChatProfile.of("ada@example.com", "Ada Lovelace") : null;
  }

  @Controller
  static class Pages {
    /** A public page with the chat tag. */
    @GetMapping("/")
    String home() {
      return "viewer/page";
    }

    /** Needs both factors. */
    @GetMapping("/account")
    @ResponseBody
    String account() {
      return "account";
    }
  }
}
