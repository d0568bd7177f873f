package io.github.pylonchat.spring.boot3;

import io.github.pylonchat.spring.PylonChatAutoConfiguration;
import io.github.pylonchat.spring.thymeleaf.AbstractThymeleafValuesNeverBecomeExpressionsTest;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@link AbstractThymeleafValuesNeverBecomeExpressionsTest} on Spring Boot 3.5 and its Thymeleaf 3.1.3. */
class ThymeleafValuesNeverBecomeExpressionsOnBoot3Test extends AbstractThymeleafValuesNeverBecomeExpressionsTest {
  @Override
  protected ApplicationContextRunner withThymeleafAndTheStarter() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ThymeleafAutoConfiguration.class, PylonChatAutoConfiguration.class));
  }
}
