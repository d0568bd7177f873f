package io.github.pylonchat.freemarker;

import freemarker.core.Environment;
import freemarker.template.Configuration;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import io.github.pylonchat.ChatTagArguments;
import io.github.pylonchat.ChatTagResolution;
import io.github.pylonchat.ChatTagResolver;
import io.github.pylonchat.PylonChatWidget;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The FreeMarker directive {@code <@pylonChat/>}: renders the Pylon chat widget for the current
 * user with {@link PylonChatWidget}.
 *
 * <p>Without parameters it reads the user from the data-model variable {@code currentUser} and the
 * CSP nonce from {@code cspNonce}; the parameters {@code user=} and {@code nonce=} override them.
 * Who the current user is, is decided by a {@link ChatTagResolver} (replaceable through
 * {@link #PylonChatDirective(PylonChatWidget, ChatTagResolver)}; the Spring Boot starter plugs in
 * the Spring Security principal there), so the directive is only FreeMarker's adapter. The user is
 * an object whose class (or a supertype) has {@code @ChatEmail}, or a
 * {@link io.github.pylonchat.ChatProfile}; a missing or null variable, or an empty string (what
 * {@code user=currentUser!} passes when {@code currentUser} is missing), means nobody is logged in.
 * A string, hash or sequence is rejected, because only {@code @ChatEmail} says which value is the
 * verified email. The markup is written directly to the template's output, so it is not escaped
 * again in {@code .ftlh} (HTML auto-escaping) templates, and works the same in {@code .ftl}.
 *
 * <pre>{@code
 * Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
 * PylonChatDirective.install(cfg, PylonChatWidget.fromEnvironment());
 * // in the layout:  <@pylonChat/>   or   <@pylonChat user=member! nonce=cspNonce!/>
 * }</pre>
 */
public final class PylonChatDirective implements TemplateDirectiveModel {
  /** The name {@link #install} registers the directive under: {@code <@pylonChat/>}. */
  public static final String SHARED_VARIABLE = "pylonChat";

  private static final String USER = "user";
  private static final String NONCE = "nonce";
  private static final Set<String> PARAMETERS = Set.of(USER, NONCE);

  private final PylonChatWidget widget; // null: the chat is switched off and the directive renders nothing
  private final ChatTagResolver resolver; // null when widget is

  /** A directive that reads {@code currentUser} and {@code cspNonce} from the data model. */
  public PylonChatDirective(PylonChatWidget widget) {
    this(widget, ChatTagResolver.templateVariables());
  }

  /**
   * A directive whose current user and nonce are decided by {@code resolver}.
   *
   * @see ChatTagResolver#templateVariables(String, String)
   */
  public PylonChatDirective(PylonChatWidget widget, ChatTagResolver resolver) {
    this.widget = Objects.requireNonNull(widget, "widget");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  private PylonChatDirective() {
    this.widget = null;
    this.resolver = null;
  }

  /**
   * A directive that renders nothing, for an application that switches the chat off (the Spring
   * Boot starter's {@code pylon.chat.enabled=false}): templates keep {@code <@pylonChat/>} and need no
   * app id or secret. An unknown parameter, a body or loop variables are still errors, so a page that
   * works with the chat off works with it on; the parameters' values are not read.
   *
   * <pre>{@code
   * PylonChatDirective.install(cfg, chatEnabled ? new PylonChatDirective(widget) : PylonChatDirective.disabled());
   * }</pre>
   */
  public static PylonChatDirective disabled() {
    return new PylonChatDirective();
  }

  /**
   * Registers a directive that reads {@code currentUser} and {@code cspNonce} from the data model as the
   * shared variable {@code pylonChat} of {@code cfg}.
   *
   * @return the registered directive
   */
  public static PylonChatDirective install(Configuration cfg, PylonChatWidget widget) {
    return install(cfg, new PylonChatDirective(widget));
  }

  /** Registers {@code directive} as the shared variable {@code pylonChat} of {@code cfg}. */
  public static PylonChatDirective install(Configuration cfg, PylonChatDirective directive) {
    cfg.setSharedVariable(SHARED_VARIABLE, directive);
    return directive;
  }

  /**
   * Renders the widget; called by FreeMarker for {@code <@pylonChat/>}.
   *
   * @throws TemplateModelException for an unknown parameter, a body, loop variables, a user that
   *     is not a user object (a string, a hash, a sequence, or an object whose class has no
   *     {@code @ChatEmail}), or a nonce that is not a base64 string; the message names the
   *     problem and the fix, and nothing has been written then
   */
  @Override
  @SuppressWarnings("rawtypes")
  public void execute(Environment env, Map params, TemplateModel[] loopVars, TemplateDirectiveBody body)
      throws TemplateException, IOException {
    for (Object key : params.keySet()) {
      if (!PARAMETERS.contains(key)) {
        throw new TemplateModelException("<@pylonChat/> has no parameter \"" + key
            + "\"; the allowed parameters are user and nonce, e.g. <@pylonChat user=currentUser! nonce=cspNonce!/>");
      }
    }
    if (body != null) {
      throw new TemplateModelException(
          "<@pylonChat/> takes no body; write it as an empty tag: <@pylonChat/>");
    }
    if (loopVars.length > 0) {
      throw new TemplateModelException("<@pylonChat/> has no loop variables; remove the \"; x\" part");
    }
    if (widget == null) {
      return;
    }
    boolean userGiven = params.containsKey(USER);
    boolean nonceGiven = params.containsKey(NONCE);
    ChatTagArguments arguments = new ChatTagArguments(
        userGiven, userGiven ? unwrap((TemplateModel) params.get(USER)) : null,
        nonceGiven, nonceGiven ? unwrap((TemplateModel) params.get(NONCE)) : null);
    String tag = userGiven ? "<@pylonChat user=...>" : "<@pylonChat/>";
    try {
      ChatTagResolution chat = resolver.resolve(arguments, name -> variable(env, name));
      widget.render(chat.user(), chat.nonce(), env.getOut());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new TemplateModelException(tag + ": " + e.getMessage(), e);
    }
  }

  private static Object variable(Environment env, String name) {
    try {
      return unwrap(env.getVariable(name));
    } catch (TemplateModelException e) {
      throw new IllegalStateException("the variable " + name + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Unwraps to the original Java object. An empty string counts as missing, so that
   * {@code user=currentUser!} and {@code nonce=cspNonce!} mean "none" when the variable is missing.
   */
  private static Object unwrap(TemplateModel model) throws TemplateModelException {
    if (model == null || model == TemplateModel.NOTHING) {
      return null;
    }
    // DeepUnwrap returns the wrapped object of a bean before it would ever call toString() on it.
    Object value = DeepUnwrap.unwrap(model);
    return value instanceof String text && text.isEmpty() ? null : value;
  }
}
