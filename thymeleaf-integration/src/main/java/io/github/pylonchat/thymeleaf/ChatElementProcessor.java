package io.github.pylonchat.thymeleaf;

import io.github.pylonchat.ChatTagArguments;
import io.github.pylonchat.ChatTagResolution;
import io.github.pylonchat.ChatTagResolver;
import io.github.pylonchat.PylonChatWidget;
import java.util.Locale;
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
 */
final class ChatElementProcessor extends AbstractElementTagProcessor {
  private static final String ELEMENT_NAME = "chat";
  private static final String USER = "user";
  private static final String NONCE = "nonce";
  private static final int PRECEDENCE = 1000;

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
    for (IAttribute attribute : element.getAllAttributes()) {
      switch (attribute.getAttributeCompleteName().toLowerCase(Locale.ROOT)) {
        case USER -> user = attribute;
        case NONCE -> nonce = attribute;
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
