package io.github.pylonchat.thymeleaf;

import io.github.pylonchat.ChatTagArguments;
import io.github.pylonchat.ChatTagResolution;
import io.github.pylonchat.ChatTagResolver;
import io.github.pylonchat.PylonChatWidget;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.engine.EngineEventUtils;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.model.IAttribute;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.element.AbstractElementTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.expression.IStandardExpression;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * {@code <pylon:chat/>}: turns the tag's attributes into {@link ChatTagArguments}, offers the
 * context's variables to the {@link ChatTagResolver}, and replaces the element with
 * {@link PylonChatWidget}'s markup. Every rule about users and nonces lives in the resolver.
 *
 * <p>{@code user} and {@code nonce} are expressions only as written in the template, and each is
 * evaluated once: a value never becomes an expression. The processor runs after the Standard
 * dialect's (so that {@code th:if} and {@code th:with} apply first), and by then {@code th:nonce},
 * {@code data-th-nonce}, {@code th:attr} or {@code th:attrappend} may have put the result of an
 * expression, possibly request data, into {@code nonce}; such an attribute even keeps the source
 * position of the {@code th:*} attribute it replaces, so it looks written. The processor therefore
 * compares each attribute with the tag as it reached the processors, which Thymeleaf keeps in the
 * context's element stack ({@link ITemplateContext#getElementStack()}), and refuses an attribute
 * that is not there with the same value, and a value that uses preprocessing ({@code __...__},
 * which would evaluate an expression and parse its result). It refuses rather than taking such a
 * value as a plain value: {@code nonce="${requestNonce}"} already says the same once, a
 * {@code user} produced by {@code th:user} would only be a string, and two spellings with different
 * meanings would hide the rule. The messages name the fix and never quote the value.
 */
final class ChatElementProcessor extends AbstractElementTagProcessor {
  private static final String ELEMENT_NAME = "chat";
  private static final String USER = "user";
  private static final String NONCE = "nonce";
  private static final int PRECEDENCE = 1000;
  /**
   * What Thymeleaf's preprocessing evaluates before parsing an attribute's value (its
   * {@code StandardExpressionPreprocessor}): text between two pairs of underscores.
   */
  private static final Pattern PREPROCESSING = Pattern.compile("__(.*?)__", Pattern.DOTALL);

  private final PylonChatWidget widget; // null: the chat is switched off and the tag renders nothing
  private final ChatTagResolver resolver;
  /** The tag as page authors write it, {@code <pylon:chat/>} with the configured prefix. */
  private final String tag;
  /** How messages name a tag with a {@code user} attribute. */
  private final String tagWithUser;

  ChatElementProcessor(TemplateMode mode, String dialectPrefix, PylonChatWidget widget, ChatTagResolver resolver) {
    super(mode, dialectPrefix, ELEMENT_NAME, true, null, false, PRECEDENCE);
    this.widget = widget;
    this.resolver = resolver;
    this.tag = "<" + dialectPrefix + ":" + ELEMENT_NAME + "/>";
    this.tagWithUser = "<" + dialectPrefix + ":" + ELEMENT_NAME + " user=...>";
  }

  @Override
  protected void doProcess(ITemplateContext context, IProcessableElementTag element,
      IElementTagStructureHandler structureHandler) {
    if (getTemplateMode() != TemplateMode.HTML) {
      throw new TemplateProcessingException(tag + " works only in HTML templates, but this template is"
          + " processed in template mode " + getTemplateMode() + "; put the tag in the HTML page (layout),"
          + " before </body>");
    }
    if (element instanceof IOpenElementTag) {
      throw new TemplateProcessingException(tag + " takes no body and no closing tag; write it as an empty"
          + " element: " + tag);
    }
    IAttribute user = null;
    IAttribute nonce = null;
    IProcessableElementTag written = asWritten(context, element);
    for (IAttribute attribute : element.getAllAttributes()) {
      switch (attribute.getAttributeCompleteName().toLowerCase(Locale.ROOT)) {
        case USER -> user = checkWritten(written, attribute);
        case NONCE -> nonce = checkWritten(written, attribute);
        default -> throw new TemplateProcessingException(tag + " has no attribute \""
            + attribute.getAttributeCompleteName() + "\"; the allowed attributes are user and nonce, e.g. <"
            + getDialectPrefix() + ":" + ELEMENT_NAME + " user=\"${currentUser}\" nonce=\"${cspNonce}\"/>");
      }
    }
    if (widget == null) {
      structureHandler.removeElement();
      return;
    }
    ChatTagArguments arguments = new ChatTagArguments(
        user != null, user == null ? null : evaluate(context, element, user),
        nonce != null, nonce == null ? null : evaluate(context, element, nonce));
    try {
      ChatTagResolution chat = resolver.resolve(arguments, context::getVariable);
      structureHandler.replaceWith(widget.render(chat.user(), chat.nonce()), false);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new TemplateProcessingException((user == null ? tag : tagWithUser) + ": " + e.getMessage(), e);
    }
  }

  /**
   * This element as it reached the processors, before the Standard dialect's changed it: the last
   * tag of the context's element stack, which Thymeleaf records for each element before running its
   * processors and never updates with their changes. The iterations of a {@code th:each} on the
   * element resume its processors without recording a tag of their own, so the stack still ends
   * with the tag as written. Null when the stack ends with another element (no Thymeleaf 3.1 path
   * does that): then no attribute counts as written, and the tag fails rather than trust one.
   */
  private static IProcessableElementTag asWritten(ITemplateContext context, IProcessableElementTag element) {
    List<IProcessableElementTag> stack = context.getElementStack();
    IProcessableElementTag last = stack.isEmpty() ? null : stack.get(stack.size() - 1);
    boolean same = last != null
        && last.getElementDefinition().getElementName().equals(element.getElementDefinition().getElementName())
        && Objects.equals(last.getTemplateName(), element.getTemplateName())
        && last.getLine() == element.getLine() && last.getCol() == element.getCol();
    return same ? last : null;
  }

  /**
   * {@code attribute} if the template has it on the tag with this value; otherwise another
   * attribute ({@code th:nonce}, {@code data-th-nonce}, {@code th:attr}, {@code th:attrappend}, ...)
   * set or changed it after the template was read, from a value that may be request data, which must
   * never be parsed as an expression. An unchanged value is the template's own text.
   */
  private IAttribute checkWritten(IProcessableElementTag written, IAttribute attribute) {
    String name = attribute.getAttributeCompleteName();
    IAttribute original = written == null ? null : written.getAttribute(attribute.getAttributeDefinition().getAttributeName());
    if (original == null || !Objects.equals(original.getValue(), attribute.getValue())) {
      String lowerName = name.toLowerCase(Locale.ROOT);
      throw new TemplateProcessingException(tag + ": the attribute " + name + " was set by another attribute (th:"
          + lowerName + ", data-th-" + lowerName + ", th:attr, ...) instead of written on the tag; the tag evaluates"
          + " user and nonce only as written in the template, once, so that a value never becomes an expression:"
          + " write " + example(name) + " on the tag itself");
    }
    String value = attribute.getValue();
    if (value != null && PREPROCESSING.matcher(value).find()) {
      throw new TemplateProcessingException(tag + ": the attribute " + name + " uses preprocessing (__...__), whose"
          + " result would be evaluated as a new expression; write the expression itself, such as " + example(name));
    }
    return attribute;
  }

  private static String example(String attributeName) {
    return attributeName + "=\"${" + (USER.equalsIgnoreCase(attributeName) ? "member" : "requestNonce") + "}\"";
  }

  /** The attribute's value evaluated as a Thymeleaf standard expression, as {@code th:text} does. */
  private Object evaluate(ITemplateContext context, IProcessableElementTag element, IAttribute attribute) {
    String value = attribute.getValue();
    String name = attribute.getAttributeCompleteName();
    if (value == null || value.isBlank()) {
      throw new TemplateProcessingException(tag + ": the attribute " + name + " has no value; give it an"
          + " expression such as " + example(name) + ", or leave it out");
    }
    IStandardExpression expression;
    try {
      expression = EngineEventUtils.computeAttributeExpression(
          context, element, attribute.getAttributeDefinition().getAttributeName(), value);
    } catch (TemplateProcessingException e) {
      // Thymeleaf's message would quote the value, which may be an email written into the page.
      throw new TemplateProcessingException(tag + ": the value of the attribute " + name + " is not a Thymeleaf"
          + " expression; write an expression such as " + example(name));
    }
    return expression.execute(context);
  }
}
