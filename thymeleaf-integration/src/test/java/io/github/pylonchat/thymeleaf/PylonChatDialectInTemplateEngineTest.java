package io.github.pylonchat.thymeleaf;

/** {@code <pylon:chat/>} in Thymeleaf's own {@code TemplateEngine} (OGNL), without Spring. */
class PylonChatDialectInTemplateEngineTest extends PylonChatDialectTest {
  @Override
  Engines engines() {
    return Engines.PLAIN;
  }
}
