package io.github.pylonchat.spring.testapp;

import io.github.pylonchat.spring.PylonChatUserResolver;
import io.github.pylonchat.spring.impersonation.AdminAndAda;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.switchuser.SwitchUserFilter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A Spring Boot web application with FreeMarker, Thymeleaf and Spring Security that uses the starter
 * the way a user would: {@code <@pylonChat/>} and {@code <pylon:chat/>} in its templates, nothing
 * else. Every page is rendered by FreeMarker, and by Thymeleaf under {@code /thymeleaf/...}.
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
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(AdminAndAda.IMPERSONATE).hasRole("ADMIN")
            .anyRequest().permitAll())
        .formLogin(Customizer.withDefaults())
        .httpBasic(Customizer.withDefaults())
        .addFilterAfter(AdminAndAda.switchUser(users), AuthorizationFilter.class)
        .build();
  }

  /** The accounts that can log in: admin (an administrator) and ada. */
  @Bean
  UserDetailsService users() {
    return AdminAndAda.users();
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

  /** Maps OpenID Connect users by their email claim, as applications often do, to a local member. */
  @Bean
  @Order(3)
  PylonChatUserResolver membersByOidcEmail() {
    return principal -> principal instanceof OidcUser oidc && "crm@example.com".equals(oidc.getEmail())
        ? new Member("crm@example.com", "From The CRM")
        : null;
  }

  @Bean
  @Order(2)
  PylonChatUserResolver membersByUsername() {
    return principal -> principal instanceof UserDetails details
        ? MEMBERS_BY_USERNAME.get(details.getUsername())
        : null;
  }

  /** Pages under {@code /thymeleaf/} render the Thymeleaf template of the same name, {@code templates/thymeleaf/*.html}. */
  @Bean
  WebMvcConfigurer thymeleafViewsUnderTheirOwnPath() {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
          @Override
          public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
              ModelAndView page) {
            if (page != null) {
              page.setViewName("thymeleaf/" + page.getViewName());
            }
          }
        }).addPathPatterns("/thymeleaf/**");
      }
    };
  }

  @Controller
  @RequestMapping({"", "/thymeleaf"})
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

    /** The logged-in user's member, handed to the tag as user=, after more than the response buffer. */
    @GetMapping("/big-explicit-viewer")
    String bigExplicitViewer(Model model, Principal principal) {
      model.addAttribute("member", principal == null ? null : MEMBERS_BY_USERNAME.get(principal.getName()));
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
