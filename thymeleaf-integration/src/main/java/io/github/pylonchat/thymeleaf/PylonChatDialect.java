package io.github.pylonchat.thymeleaf;

import io.github.pylonchat.ChatTagResolver;
import io.github.pylonchat.PylonChatWidget;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.processor.StandardXmlNsTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * The Thymeleaf dialect with the tag {@code <pylon:chat/>}: renders the Pylon chat widget for the
 * current user with {@link PylonChatWidget}, in HTML templates.
 *
 * <p>Without attributes the tag reads the user from the context variable {@code currentUser} and
 * the CSP nonce from {@code cspNonce}; the attributes {@code user} and {@code nonce} override them.
 * Their values are Thymeleaf standard expressions, evaluated like {@code th:text}'s:
 * {@code <pylon:chat user="${member}" nonce="${requestNonce}"/>}. They are expressions only as
 * written in the template and are evaluated once, so a value never becomes an expression: an
 * attribute set by another one ({@code th:nonce}, {@code data-th-nonce}, {@code th:attr},
 * {@code th:attrappend}, ...) and a value that uses preprocessing ({@code __...__}) are errors that
 * say to write {@code nonce="${...}"} on the tag itself. Who the current user is, is
 * decided by a {@link ChatTagResolver} (replaceable through
 * {@link #PylonChatDialect(PylonChatWidget, ChatTagResolver)}; the Spring Boot starter plugs in the
 * Spring Security principal there), so the dialect is only Thymeleaf's adapter. The user is an
 * object whose class (or a supertype) has {@code @ChatEmail}, or a
 * {@link io.github.pylonchat.ChatProfile}; null (a missing variable) means nobody is logged in. A
 * string, map or collection is rejected, because only {@code @ChatEmail} says which value is the
 * verified email; so is a literal such as {@code user="ada"}, which is a string.
 *
 * <p>The element is replaced by exactly the widget's markup, which is not escaped again and not
 * processed further (no inlining of {@code [[...]]} in user text). Mistakes fail the template with
 * a {@link org.thymeleaf.exceptions.TemplateProcessingException} that says what to change; the tag
 * works in template mode HTML only, and in any other mode it fails with a message saying so. The
 * dialect's processors run after the Standard dialect's, so {@code th:if}, {@code th:unless} and
 * {@code th:with} work on the tag.
 *
 * <pre>{@code
 * TemplateEngine engine = new TemplateEngine();
 * engine.addDialect(new PylonChatDialect(PylonChatWidget.fromEnvironment()));
 * // in the layout, before </body>:  <pylon:chat/>   or   <pylon:chat user="${member}"/>
 * }</pre>
 */
public final class PylonChatDialect extends AbstractProcessorDialect {
  /** The dialect's name. */
  public static final String NAME = "Pylon Chat";
  /** The default prefix: {@code <pylon:chat/>}. */
  public static final String PREFIX = "pylon";
  /**
   * Processor precedence: after the Standard dialect's (1000), so that {@code th:if} and
   * {@code th:with} on the tag apply before the tag is replaced.
   */
  public static final int PROCESSOR_PRECEDENCE = StandardDialect.PROCESSOR_PRECEDENCE + 100;

  private final PylonChatWidget widget; // null: the chat is switched off (disabled())
  private final ChatTagResolver resolver; // null when widget is

  /** A dialect whose tag reads {@code currentUser} and {@code cspNonce} from the context. */
  public PylonChatDialect(PylonChatWidget widget) {
    this(widget, ChatTagResolver.templateVariables());
  }

  /**
   * A dialect whose current user and nonce are decided by {@code resolver}.
   *
   * <pre>{@code
   * engine.addDialect(new PylonChatDialect(widget,
   *     ChatTagResolver.templateVariables("currentMember", "requestNonce")));
   * }</pre>
   *
   * @see ChatTagResolver#templateVariables(String, String)
   */
  public PylonChatDialect(PylonChatWidget widget, ChatTagResolver resolver) {
    super(NAME, PREFIX, PROCESSOR_PRECEDENCE);
    this.widget = Objects.requireNonNull(widget, "widget");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  private PylonChatDialect() {
    super(NAME, PREFIX, PROCESSOR_PRECEDENCE);
    this.widget = null;
    this.resolver = null;
  }

  /**
   * A dialect whose tag renders nothing, for an application that switches the chat off (the
   * Spring Boot starter's {@code pylon.chat.enabled=false}): templates keep {@code <pylon:chat/>}
   * and need no app id or secret. A misspelt attribute, a body or a non-HTML template are still
   * errors, so a page that works with the chat off works with it on.
   *
   * <pre>{@code
   * engine.addDialect(chatEnabled ? new PylonChatDialect(widget) : PylonChatDialect.disabled());
   * }</pre>
   */
  public static PylonChatDialect disabled() {
    return new PylonChatDialect();
  }

  /**
   * The {@code chat} element processor for HTML, and for every other template mode one that fails
   * with a message, so that a tag in an XML or text template is not silently left in the output
   * ({@link TemplateMode#RAW} templates are not processed at all); and, as in the Standard dialect,
   * removal of the namespace declaration {@code xmlns:pylon} that some editors want.
   */
  @Override
  public Set<IProcessor> getProcessors(String dialectPrefix) {
    Set<IProcessor> processors = new LinkedHashSet<>();
    processors.add(new StandardXmlNsTagProcessor(TemplateMode.HTML, dialectPrefix));
    for (TemplateMode mode : TemplateMode.values()) {
      if (mode != TemplateMode.RAW) {
        processors.add(new ChatElementProcessor(mode, dialectPrefix, widget, resolver));
      }
    }
    return processors;
  }
}
