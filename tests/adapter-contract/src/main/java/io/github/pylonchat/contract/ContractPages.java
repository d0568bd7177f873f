package io.github.pylonchat.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

/**
 * What an adapter's contract test implements, and the helpers every part of the contract uses:
 * {@link #render} writes one page through the engine's chat tag.
 */
public interface ContractPages {
  /**
   * Renders {@link TagForm#BEFORE}, the chat tag written as {@code form} says, {@link TagForm#AFTER}
   * through the engine, with a tag constructed from {@code setup} and the template variables
   * {@code variables} (names bound to null must reach the page as null, or absent where the engine
   * cannot tell the two apart). Any thread may call it at any time.
   *
   * @param out receives what the engine wrote, also when it fails
   * @throws Exception what the engine throws when the page fails; its message or a cause's must
   *     carry the tag's message
   */
  void render(ChatTagSetup setup, TagForm form, Map<String, Object> variables, StringBuilder out) throws Exception;

  /**
   * How the tag's own messages begin on a page that writes it as {@code form}, without the
   * {@code ": "} that follows, for example {@code <@pylonChat/>} or {@code <@pylonChat user=...>}.
   */
  String tagInMessages(TagForm form);

  /** The page, which must render. */
  default String page(ChatTagSetup setup, TagForm form, Map<String, Object> variables) throws Exception {
    StringBuilder out = new StringBuilder();
    render(setup, form, variables, out);
    return out.toString();
  }

  /**
   * The messages of the error the page raises, each cause's on its own line, after asserting that
   * nothing of the widget was written.
   */
  default String errorOf(ChatTagSetup setup, TagForm form, Map<String, Object> variables) {
    StringBuilder out = new StringBuilder();
    Throwable error = null;
    try {
      render(setup, form, variables, out);
    } catch (Exception e) {
      error = e;
    }
    assertNotNull(error, () -> "the page rendered: " + out);
    assertFalse(out.toString().contains("<script"), () -> "nothing of the widget is written on an error: " + out);
    assertFalse(out.toString().contains("chat_settings"), () -> "nothing of the widget is written on an error: " + out);
    assertFalse(out.toString().contains(TagForm.AFTER), () -> "the page stops at the tag: " + out);
    StringBuilder messages = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    return messages.toString();
  }

  /** Asserts that the page fails with the tag's {@code message}, which the tag prefixes with its name. */
  default void assertTagError(String message, ChatTagSetup setup, TagForm form, Map<String, Object> variables) {
    String expected = tagInMessages(form) + ": " + message;
    String messages = errorOf(setup, form, variables);
    assertTrue(messages.contains(expected), () -> "expected \"" + expected + "\" in:\n" + messages);
  }
}
