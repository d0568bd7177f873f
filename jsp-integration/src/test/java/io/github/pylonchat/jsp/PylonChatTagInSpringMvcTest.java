package io.github.pylonchat.jsp;

import static io.github.pylonchat.contract.Contract.ADA;
import static io.github.pylonchat.contract.Contract.NONCE;
import static io.github.pylonchat.contract.Contract.WIDGET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.config.annotation.ViewResolverRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code <pylon:chat/>} in a Spring MVC JSP view: the controller's model attributes reach the page
 * as request attributes (InternalResourceView), where the bare tag finds {@code currentUser} and
 * {@code cspNonce}. Spring MVC without Spring Boot, in the same embedded Tomcat and Jasper, started
 * once for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PylonChatTagInSpringMvcTest {
  /** A controller as an application writes one, with its JSP view resolver. */
  @Configuration
  @EnableWebMvc
  static class Application implements WebMvcConfigurer {
    @Override
    public void configureViewResolvers(ViewResolverRegistry registry) {
      registry.jsp("/WEB-INF/views/", ".jsp");
    }

    @Bean
    Members members() {
      return new Members();
    }
  }

  @Controller
  static class Members {
    @GetMapping("/members")
    String members(Model model) {
      model.addAttribute("currentUser", ADA);
      model.addAttribute("cspNonce", NONCE);
      model.addAttribute("heading", "Members");
      return "layout";
    }

    @GetMapping("/logged-out")
    String loggedOut(Model model) {
      model.addAttribute("heading", "Welcome");
      return "layout";
    }
  }

  @AutoClose
  private final JspServer server = new JspServer((request, response, chain) -> chain.doFilter(request, response), context -> {
    AnnotationConfigWebApplicationContext spring = new AnnotationConfigWebApplicationContext();
    spring.register(Application.class);
    Tomcat.addServlet(context, "dispatcher", new DispatcherServlet(spring)).setLoadOnStartup(1);
    context.addServletMappingDecoded("/app/*", "dispatcher");
  });

  @BeforeEach
  void installTheWidget() {
    PylonChatTag.install(server.servletContext(), WIDGET);
  }

  @Test
  void aJspViewRendersTheWidgetForTheModelsCurrentUser() throws Exception {
    HttpResponse<String> page = server.get("/app/members", "");

    assertEquals(200, page.statusCode(), page.body());
    assertEquals("<html><body><h1>Members</h1>" + WIDGET.render(ADA, NONCE) + "</body></html>", page.body().strip());
  }

  @Test
  void aJspViewWithoutCurrentUserRendersNoWidget() throws Exception {
    HttpResponse<String> page = server.get("/app/logged-out", "");

    assertEquals("<html><body><h1>Welcome</h1></body></html>", page.body().strip());
  }

  @Test
  void aPageWithoutAnInstalledWidgetFailsWithTheFix() throws Exception {
    server.servletContext().removeAttribute(PylonChatTag.INSTALLED);

    HttpResponse<String> page = server.get("/app/members", "");

    assertEquals(500, page.statusCode());
    assertTrue(page.body().contains("PylonChatTag.install(servletContext, widget)"), page.body());
    assertTrue(!page.body().contains("chat_settings"), page.body());
  }
}
