package io.github.pylonchat.thymeleaf;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.dialect.IDialect;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** The two engines the dialect must work in; a template's name is its own text. */
enum Engines {
  /** Thymeleaf alone: OGNL expressions. */
  PLAIN,
  /** Spring's engine, as Spring Boot configures it: SpEL expressions, SpringStandardDialect. */
  SPRING;

  /** An engine with {@code dialect} for templates of {@code mode}, cached as in production. */
  TemplateEngine create(IDialect dialect, TemplateMode mode) {
    TemplateEngine engine = create(mode, true);
    engine.addDialect(dialect);
    return engine;
  }

  /**
   * An engine with only the standard dialect, for templates of {@code mode}. Without caching
   * Thymeleaf processes a template while it parses it (as in development, where Spring Boot's
   * {@code spring.thymeleaf.cache} is often false).
   */
  TemplateEngine create(TemplateMode mode, boolean cacheable) {
    TemplateEngine engine = this == SPRING ? new SpringTemplateEngine() : new TemplateEngine();
    StringTemplateResolver resolver = new StringTemplateResolver();
    resolver.setTemplateMode(mode);
    resolver.setCacheable(cacheable);
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
