package io.github.pylonchat.samples.spa;

import io.github.pylonchat.samples.demosite.ContentSecurityPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;

/**
 * Spring Security for a front end that talks JSON: form login and logout answered with status
 * codes instead of redirects, both posted by {@code fetch} with the CSRF token from
 * {@code /api/session}; 401 instead of a login page. The page, its scripts and the chat settings
 * ({@code /pylon/chat-settings}, 204 for a visitor who is not signed in) are public.
 */
@Configuration(proxyBeanMethods = false)
class SpaSecurity {
  @Bean
  SecurityFilterChain api(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/", "/app.js", "/css/**", "/pylon/**", "/api/session", "/api/demo-accounts", "/error",
                ContentSecurityPolicy.REPORT_PATH).permitAll()
            .anyRequest().authenticated())
        .formLogin(login -> login.loginPage("/").loginProcessingUrl("/api/login")
            .successHandler((request, response, authentication) -> response.setStatus(HttpStatus.NO_CONTENT.value()))
            .failureHandler((request, response, e) -> response.setStatus(HttpStatus.UNAUTHORIZED.value())))
        .logout(logout -> logout.logoutUrl("/api/logout")
            .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
        // Browsers post CSP reports without a CSRF token.
        .csrf(csrf -> csrf.ignoringRequestMatchers(ContentSecurityPolicy.REPORT_PATH))
        .build();
  }

  /** Stores the demo users' passwords as bcrypt hashes. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}
