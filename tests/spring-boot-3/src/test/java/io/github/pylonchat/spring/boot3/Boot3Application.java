package io.github.pylonchat.spring.boot3;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** A Spring Boot 3.5 web application with FreeMarker and Spring Security that adds the starter. */
@SpringBootApplication
public class Boot3Application {
  @Bean
  SecurityFilterChain everyPageIsPublic(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
  }

  @Controller
  static class Pages {
    @GetMapping("/page")
    String page() {
      return "page";
    }
  }
}
