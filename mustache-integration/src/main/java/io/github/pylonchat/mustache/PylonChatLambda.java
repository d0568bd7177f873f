package io.github.pylonchat.mustache;

import com.samskivert.mustache.DefaultCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.github.pylonchat.ChatTagArguments;
import io.github.pylonchat.ChatTagResolution;
import io.github.pylonchat.ChatTagResolver;
import io.github.pylonchat.PylonChatWidget;
import java.io.IOException;
import java.io.Writer;
import java.util.Objects;

/**
 * The JMustache lambda that renders the Pylon chat widget for the current user with
 * {@link PylonChatWidget}, written as an empty section:
 *
 * <pre>{@code
 * {{#pylonChat}}{{/pylonChat}}
 * </body>
 * }</pre>
 *
 * <p>A section, because a lambda gets the Mustache context, in which it finds the current user, and
 * writes straight to the template's output, unescaped; a value ({@code {{{pylonChat}}}}) would
 * only be text made before the page renders, and the escaping form {@code {{pylonChat}}} would
 * print the widget's script as visible, escaped text. So both variable forms fail the page with a
 * message that says to write the section. The section takes no body.
 *
 * <p>It reads the user from the variable {@code currentUser} and the CSP nonce from
 * {@code cspNonce}, found as {@code {{currentUser}}} finds a name (in the innermost section's
 * context first, then outwards: map keys, fields, getters). Mustache tags have no parameters: to
 * read other names, construct the lambda with
 * {@link ChatTagResolver#templateVariables(String, String)}. Who the current user is, is decided by
 * the {@link ChatTagResolver} (the Spring Boot starter plugs in the Spring Security principal
 * there), so the lambda is only JMustache's adapter. The user is an object whose class (or a
 * supertype) has {@code @ChatEmail}, or a {@link io.github.pylonchat.ChatProfile}; null or missing
 * means nobody is logged in, and then nothing is written; a string, map or collection is rejected,
 * because only {@code @ChatEmail} says which value is the verified email. A misuse fails the page
 * with a {@link MustacheException} before any of the widget is written.
 *
 * <pre>{@code
 * PylonChatLambda pylonChat = new PylonChatLambda(PylonChatWidget.fromEnvironment());
 * Template layout = Mustache.compiler().compile(reader);
 * layout.execute(Map.of("currentUser", user, "cspNonce", nonce), Map.of("pylonChat", pylonChat), writer);
 * }</pre>
 *
 * <p>Immutable and thread-safe: build one at start-up and put it into every page's context.
 */
public final class PylonChatLambda implements Mustache.Lambda {
  /** The name pages use, {@code {{#pylonChat}}{{/pylonChat}}}, and Spring Boot's views get it under. */
  public static final String NAME = "pylonChat";
  private static final String TAG = "{{#" + NAME + "}}{{/" + NAME + "}}";
  private static final String VARIABLE_SEGMENT = "com.samskivert.mustache.Mustache$VariableSegment";

  private final PylonChatWidget widget; // null: the chat is switched off and the lambda writes nothing
  private final ChatTagResolver resolver; // null when widget is
  /** Finds a name in one context object as JMustache's own default does. */
  private final Mustache.Collector collector = new DefaultCollector();

  /** A lambda that reads {@code currentUser} and {@code cspNonce} from the Mustache context. */
  public PylonChatLambda(PylonChatWidget widget) {
    this(widget, ChatTagResolver.templateVariables());
  }

  /**
   * A lambda whose current user and nonce are decided by {@code resolver}, which may look names up
   * in the Mustache context.
   *
   * @see ChatTagResolver#templateVariables(String, String)
   */
  public PylonChatLambda(PylonChatWidget widget, ChatTagResolver resolver) {
    this.widget = Objects.requireNonNull(widget, "widget");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  private PylonChatLambda() {
    this.widget = null;
    this.resolver = null;
  }

  /**
   * A lambda that writes nothing, for an application that switches the chat off (the Spring Boot
   * starter's {@code pylon.chat.enabled=false}): templates keep {@code {{#pylonChat}}{{/pylonChat}}}
   * and need no app id or secret; a body and the variable forms are still errors.
   */
  public static PylonChatLambda disabled() {
    return new PylonChatLambda();
  }

  /**
   * Renders the widget; called by JMustache for {@code {{#pylonChat}}{{/pylonChat}}}.
   *
   * @throws MustacheException if the section has a body, the user is not a user object, or the nonce
   *     is not a base64 string; the message names the problem and the fix, never the value, and
   *     nothing has been written then
   */
  @Override
  public void execute(Template.Fragment fragment, Writer out) throws IOException {
    if (!fragment.decompile().isBlank()) {
      // the body is never executed: it could only be text to print, or tags to evaluate
      throw new MustacheException("{{#" + NAME + "}} takes no body; write it as an empty section: " + TAG);
    }
    if (widget == null) {
      return;
    }
    try {
      ChatTagResolution chat = resolver.resolve(ChatTagArguments.NONE, name -> variable(fragment, name));
      widget.render(chat.user(), chat.nonce(), out);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new MustacheException("{{#" + NAME + "}}: " + e.getMessage(), e);
    }
  }

  /**
   * The value of {@code name} in the fragment's context, innermost first, as JMustache resolves a
   * simple name; null when no context has it.
   */
  private Object variable(Template.Fragment fragment, String name) {
    for (int depth = 0; ; depth++) {
      Object context;
      try {
        context = fragment.context(depth);
      } catch (NullPointerException outermostPassed) {
        // Fragment.context(n) documents an exception for a parent that does not exist: it is this one
        return null;
      }
      if (context == null) {
        continue;
      }
      Mustache.VariableFetcher fetcher = collector.createFetcher(context, name);
      if (fetcher != null) {
        Object value;
        try {
          value = fetcher.get(context, name);
        } catch (Exception e) {
          throw new IllegalStateException("the variable " + name + " cannot be read: " + e.getClass().getName(), e);
        }
        if (value != Template.NO_FETCHER_FOUND) {
          return value;
        }
      }
    }
  }

  /**
   * Fails inside {@code {{pylonChat}}} and {@code {{{pylonChat}}}}, which would print the lambda as
   * text; elsewhere (a debugger, a log of the model) names the lambda.
   *
   * @throws MustacheException inside a Mustache variable tag, with the fix
   */
  @Override
  public String toString() {
    boolean inVariableTag = StackWalker.getInstance()
        .walk(frames -> frames.limit(16).anyMatch(frame -> frame.getClassName().equals(VARIABLE_SEGMENT)));
    if (inVariableTag) {
      throw new MustacheException("{{" + NAME + "}} and {{{" + NAME + "}}} would print the chat lambda as text"
          + " (HTML-escaped, the widget's script would show on the page); write the section " + TAG
          + ", which writes the widget's markup");
    }
    return "PylonChatLambda[" + TAG + (widget == null ? ", disabled]" : "]");
  }
}
