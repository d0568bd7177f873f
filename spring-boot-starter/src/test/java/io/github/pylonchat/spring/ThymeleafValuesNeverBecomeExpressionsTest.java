package io.github.pylonchat.spring;

import io.github.pylonchat.spring.thymeleaf.AbstractThymeleafValuesNeverBecomeExpressionsTest;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;

/** {@link AbstractThymeleafValuesNeverBecomeExpressionsTest} on Spring Boot 4. */
class ThymeleafValuesNeverBecomeExpressionsTest extends AbstractThymeleafValuesNeverBecomeExpressionsTest {
  @Override
  protected ApplicationContextRunner withThymeleafAndTheStarter() {
    return ChatContexts.withEnvironment(Map.of()).withConfiguration(AutoConfigurations.of(ThymeleafAutoConfiguration.class));
  }
}
