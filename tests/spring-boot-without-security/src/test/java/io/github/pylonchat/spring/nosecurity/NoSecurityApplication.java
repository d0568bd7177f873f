package io.github.pylonchat.spring.nosecurity;

import io.github.pylonchat.ChatProfile;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A Spring Boot web application without Spring Security that knows its logged-in user itself (as
 * a session-based login of its own would) and puts it in the model as {@code currentUser}.
 */
@SpringBootApplication
public class NoSecurityApplication {
  static final ChatProfile MEMBER = ChatProfile.of("member@example.com", "Member Name");
  /** The chat-settings endpoint's loader script (the endpoint is enabled by the test). */
  static final String LOADER = "/pylon/chat-settings.js";

  /**
   * Starts a session for a request to the loader that has none, as a remember-me login or a
   * visitor tracker does on the way: the response sets a session cookie.
   */
  @Bean
  FilterRegistrationBean<Filter> sessionOnTheWay() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
      ((HttpServletRequest) request).getSession();
      chain.doFilter(request, response);
    });
    registration.addUrlPatterns(LOADER);
    return registration;
  }

  @Controller
  static class Pages {
    @GetMapping("/member")
    String member(Model model) {
      model.addAttribute("currentUser", MEMBER);
      return "page";
    }

    /** More than the response buffer before the tag: the response is committed when it runs. */
    @GetMapping("/big-member")
    String bigMember(Model model) {
      model.addAttribute("currentUser", MEMBER);
      return "big-page";
    }

    @GetMapping("/explicit-user")
    String explicitUser(Model model) {
      model.addAttribute("member", MEMBER);
      return "explicit-user";
    }

    /** The tag's user=, after more than the response buffer: committed when the tag runs. */
    @GetMapping("/big-explicit-user")
    String bigExplicitUser(Model model) {
      model.addAttribute("member", MEMBER);
      return "big-explicit-user";
    }

    /** A page the application lets shared caches keep for an hour. */
    @GetMapping("/public-cache")
    String publicCache(Model model, HttpServletResponse response) {
      model.addAttribute("currentUser", MEMBER);
      response.setHeader("Cache-Control", "public, max-age=3600");
      return "page";
    }

    @GetMapping("/visitor")
    String visitor(HttpServletResponse response) {
      response.setHeader("Cache-Control", "public, max-age=3600");
      return "page";
    }
  }
}
