package io.github.pylonchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Reads rendered widget markup with a real HTML5 parser (jsoup), as a browser would. */
final class HtmlPage {
  /** One {@code <script>} element: its nonce attribute (null if absent) and its code. */
  record Script(String nonce, String code) {}

  private HtmlPage() {}

  /**
   * The script elements of {@code html} placed in a page body, asserting that the markup is made
   * of script elements only: no other element, no text but whitespace between them, no attribute
   * but {@code nonce}.
   */
  static List<Script> scripts(String html) {
    Document page = Jsoup.parseBodyFragment(html);
    assertEquals(0, page.head().childNodeSize(), "nothing may land in <head>: " + page.head());
    List<Script> scripts = new ArrayList<>();
    for (Node node : page.body().childNodes()) {
      if (node instanceof TextNode text) {
        assertTrue(text.isBlank(), () -> "text outside the scripts: " + text.getWholeText());
        continue;
      }
      Element element = assertInstanceOf(Element.class, node, "unexpected node " + node);
      assertEquals("script", element.normalName(), "unexpected element " + element);
      assertEquals(0, element.childrenSize());
      for (Attribute attribute : element.attributes()) {
        assertEquals("nonce", attribute.getKey(), "unexpected attribute on " + element);
      }
      scripts.add(new Script(element.hasAttr("nonce") ? element.attr("nonce") : null, element.data()));
    }
    assertEquals(4 + scripts.size(), page.getAllElements().size(), "elements other than the scripts");
    return scripts;
  }
}
