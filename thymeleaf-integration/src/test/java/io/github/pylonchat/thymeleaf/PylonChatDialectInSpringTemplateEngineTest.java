package io.github.pylonchat.thymeleaf;

/** {@code <pylon:chat/>} in Spring's {@code SpringTemplateEngine} (SpEL), as Spring Boot sets it up. */
class PylonChatDialectInSpringTemplateEngineTest extends PylonChatDialectTest {
  @Override
  Engines engines() {
    return Engines.SPRING;
  }
}
