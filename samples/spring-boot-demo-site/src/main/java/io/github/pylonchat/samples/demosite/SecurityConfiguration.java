package io.github.pylonchat.samples.demosite;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/** Form login on {@code /login}, sign-out on {@code POST /logout}; the home page is public. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  /** Which pages need a signed-in user, and the login and logout flow. */
  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/", "/login", "/css/**", "/error", ContentSecurityPolicy.REPORT_PATH).permitAll()
            .anyRequest().authenticated())
        .formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/", true))
        .logout(logout -> logout.logoutSuccessUrl("/?signed-out"))
        // Browsers post CSP reports without a CSRF token.
        .csrf(csrf -> csrf.ignoringRequestMatchers(ContentSecurityPolicy.REPORT_PATH))
        .build();
  }

  /** Stores passwords as bcrypt hashes. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}
