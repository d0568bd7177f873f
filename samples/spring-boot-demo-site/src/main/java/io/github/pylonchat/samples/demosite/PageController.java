package io.github.pylonchat.samples.demosite;

import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The home and login pages. Note what is missing: no controller passes anything to the chat;
 * the chat tag finds the signed-in user through Spring Security and the nonce in the request.
 */
@Controller
public class PageController {
  private final Environment environment;

  PageController(Environment environment) {
    this.environment = environment;
  }

  /**
   * Who is signed in (null: nobody), for the page text. The chat tag does not need it: it signs the
   * Spring Security principal, and a {@code currentUser} attribute (pylon.chat.user-attribute) would
   * only be compared with that principal.
   */
  @ModelAttribute("signedInUser")
  DemoUser signedInUser(@AuthenticationPrincipal DemoUser user) {
    return user;
  }

  /** The token the login and sign-out forms post. */
  @ModelAttribute("csrf")
  CsrfToken csrf(CsrfToken token) {
    return token;
  }

  /** The home page: public; the chat widget appears only for a signed-in user. */
  @GetMapping("/")
  String home() {
    return "home";
  }

  /**
   * The login page, listing the demo accounts with their passwords in the demo profile only
   * ({@link DemoCredentials#PROFILE}); elsewhere the list is empty.
   */
  @GetMapping("/login")
  String login(Model model) {
    model.addAttribute("accounts", DemoCredentials.isDemo(environment) ? DemoUsers.ACCOUNTS : List.of());
    return "login";
  }
}
