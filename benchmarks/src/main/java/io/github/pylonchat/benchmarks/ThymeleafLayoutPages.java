package io.github.pylonchat.benchmarks;

import io.github.pylonchat.thymeleaf.PylonChatDialect;
import java.io.Writer;
import java.util.Locale;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The shop page of {@link LayoutPages} in Thymeleaf (a layout fragment with the content and the
 * widget as fragment parameters), in two versions that differ only in how the chat widget is
 * written: with {@code <pylon:chat/>}, and by hand from precomputed values (the floor). Both render
 * the same page. Plain {@link TemplateEngine} (OGNL), templates cached as in production.
 *
 * <pre>{@code
 * ThymeleafLayoutPages pages = new ThymeleafLayoutPages();
 * pages.render(ThymeleafLayoutPages.Variant.TAG, writer);
 * }</pre>
 */
public final class ThymeleafLayoutPages {
  /** How the page writes the chat widget. */
  public enum Variant {
    /** {@code <pylon:chat/>} in the page. */
    TAG("thymeleaf/page-tag"),
    /** Written by hand from values computed once and already escaped, inlined with {@code [(...)]}. */
    FLOOR("thymeleaf/page-floor");

    private final String templateName;

    Variant(String templateName) {
      this.templateName = templateName;
    }
  }

  private final TemplateEngine engine = new TemplateEngine();
  /** Reused for every render, as the templates only read it. */
  private final Context context = new Context(Locale.ROOT, LayoutPages.model());

  /** Sets up the engine with the dialect and the data model of a signed-in member. */
  public ThymeleafLayoutPages() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ThymeleafLayoutPages.class.getClassLoader());
    resolver.setPrefix("io/github/pylonchat/benchmarks/templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
    engine.addDialect(new PylonChatDialect(LayoutPages.widget()));
  }

  /** Renders the page written in the {@code variant} way to {@code out}. */
  public void render(Variant variant, Writer out) {
    engine.process(variant.templateName, context, out);
  }

  /** Renders the page written in the {@code variant} way to a string. */
  public String render(Variant variant) {
    RecyclingWriter out = new RecyclingWriter();
    render(variant, out);
    return out.toString();
  }
}
