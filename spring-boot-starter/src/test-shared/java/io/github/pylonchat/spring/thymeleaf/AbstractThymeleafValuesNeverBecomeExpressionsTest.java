package io.github.pylonchat.spring.thymeleaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.pylonchat.ChatProfile;
import io.github.pylonchat.testing.TestVector;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * Issue 19, point 3, in Spring Boot's Thymeleaf engine with the starter's dialect: a value handed
 * to {@code <pylon:chat/>} through {@code th:nonce}, {@code th:attr} or preprocessing is never
 * parsed as an expression. The value is a quote-free SpEL expression with a bean reference that
 * reads the identity secret from the environment, the property's name coming from a second value,
 * as two request parameters would; the page has Spring MVC's evaluation context, so bean
 * references work as in a view. Each Spring Boot line runs it through a subclass (with its own
 * copy of {@code templates/thymeleaf/evaluated-once.html}), on its own Thymeleaf version.
 */
public abstract class AbstractThymeleafValuesNeverBecomeExpressionsTest {
  private static final String SECRET = TestVector.SECRET_HEX;
  private static final String HOSTILE = "${@environment.getProperty(k)}";
  private static final String NONCE = "Qm9vdA==";

  /** A non-web context runner with Spring Boot's Thymeleaf auto-configuration and the starter's. */
  protected abstract ApplicationContextRunner withThymeleafAndTheStarter();

  /** The fragment {@code fragment} of {@code templates/thymeleaf/evaluated-once.html}, rendered as a view would. */
  private static String render(ApplicationContext context, String fragment) {
    Map<String, Object> variables = Map.of(
        "currentUser", ChatProfile.of("user@example.com", "User"), "cspNonce", NONCE,
        "n", HOSTILE, "k", "pylon.chat.identity-secret",
        ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
        new ThymeleafEvaluationContext(context, null));
    return context.getBean(SpringTemplateEngine.class)
        .process("thymeleaf/evaluated-once", Set.of(fragment), new Context(Locale.ROOT, variables));
  }

  @Test
  void aValueHandedToTheTagByAnotherAttributeOrByPreprocessingFailsThePageWithoutBeingEvaluated() {
    withThymeleafAndTheStarter()
        .withPropertyValues("pylon.chat.app-id=app", "pylon.chat.identity-secret=" + SECRET)
        .run(context -> {
          for (String fragment : List.of("th-nonce", "th-attr", "preprocessed", "iterated")) {
            StringBuilder page = new StringBuilder();
            Throwable error = catchThrowable(() -> page.append(render(context, fragment)));

            assertThat(page).as("the page %s", fragment).doesNotContain(SECRET).isEmpty();
            assertThat(error).as(fragment).isInstanceOf(TemplateProcessingException.class)
                .hasMessageStartingWith("<pylon:chat/>: the attribute nonce ")
                .hasMessageContaining("nonce=\"${requestNonce}\"")
                .message().doesNotContain(SECRET).doesNotContain(HOSTILE);
          }
          // An expression written on the tag is evaluated, in each iteration of th:each (for the
          // logged-in principal, whom alone the starter signs).
          SecurityContextHolder.getContext().setAuthentication(
              new TestingAuthenticationToken(ChatProfile.of("user@example.com", "User"), null, "ROLE_USER"));
          try {
            assertThat(render(context, "written").split("<script nonce=\"" + NONCE + "\">", -1)).hasSize(5);
          } finally {
            SecurityContextHolder.clearContext();
          }
        });
  }
}
