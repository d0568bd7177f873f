package io.github.pylonchat.freemarker;

import freemarker.core.Environment;
import freemarker.template.Configuration;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import io.github.pylonchat.PylonChatWidget;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The FreeMarker directive {@code <@pylonChat/>}: renders the Pylon chat widget for the current
 * user with {@link PylonChatWidget}.
 *
 * <p>Without parameters it reads the user from the data-model variable {@code currentUser} and the CSP
 * nonce from {@code cspNonce} (both replaceable through {@link #PylonChatDirective(PylonChatWidget,
 * Resolver, Resolver)}); the parameters {@code user=} and {@code nonce=} override them. The user
 * is an object whose class (or a supertype) has {@code @ChatEmail}, or a
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
  /**
   * Default data-model variable holding the logged-in user. Deliberately not {@code user}: pages
   * often put another person (a profile being viewed, a form object) under that name, and the
   * widget would then sign that person's email.
   */
  public static final String DEFAULT_USER_VARIABLE = "currentUser";
  /** Default data-model variable holding the CSP nonce. */
  public static final String DEFAULT_NONCE_VARIABLE = "cspNonce";

  private static final String USER = "user";
  private static final String NONCE = "nonce";
  private static final Set<String> PARAMETERS = Set.of(USER, NONCE);

  /**
   * Finds a value (the current user or the CSP nonce) for a template run when the tag does not
   * pass it. Integrations such as the Spring Boot starter plug in here.
   */
  @FunctionalInterface
  public interface Resolver {
    /** The value, or null if there is none (for the user: nobody is logged in). */
    Object resolve(Environment env) throws TemplateModelException;
  }

  private final PylonChatWidget widget;
  private final Resolver currentUser;
  private final Resolver currentNonce;

  /** A directive that reads {@code currentUser} and {@code cspNonce} from the data model. */
  public PylonChatDirective(PylonChatWidget widget) {
    this(widget, variable(DEFAULT_USER_VARIABLE), variable(DEFAULT_NONCE_VARIABLE));
  }

  /**
   * A directive with custom ways of finding the current user and nonce when the tag does not
   * pass them.
   *
   * @see #variable(String)
   */
  public PylonChatDirective(PylonChatWidget widget, Resolver currentUser, Resolver currentNonce) {
    this.widget = Objects.requireNonNull(widget, "widget");
    this.currentUser = Objects.requireNonNull(currentUser, "currentUser");
    this.currentNonce = Objects.requireNonNull(currentNonce, "currentNonce");
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

  /** A resolver that reads the data-model (or shared) variable {@code name}, unwrapped. */
  public static Resolver variable(String name) {
    Objects.requireNonNull(name, "name");
    return env -> unwrap(env.getVariable(name));
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
    boolean userParameter = params.containsKey(USER);
    Object user = userParameter ? unwrap((TemplateModel) params.get(USER)) : currentUser.resolve(env);
    Object nonce = params.containsKey(NONCE) ? unwrap((TemplateModel) params.get(NONCE)) : currentNonce.resolve(env);
    String tag = userParameter ? "<@pylonChat user=...>" : "<@pylonChat/>";
    checkIsUserObject(user, tag);
    if (nonce != null && !(nonce instanceof CharSequence)) {
      throw new TemplateModelException(tag + ": the nonce must be a string, got a "
          + nonce.getClass().getName() + "; pass the page's CSP nonce, e.g. nonce=cspNonce");
    }
    try {
      widget.render(user, nonce == null ? null : nonce.toString(), env.getOut());
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new TemplateModelException(tag + ": " + e.getMessage(), e);
    }
  }

  /**
   * Catches the values a template most often passes by mistake with FreeMarker's words; any
   * other object is checked by {@link PylonChatWidget} (its class must have {@code @ChatEmail}).
   */
  private static void checkIsUserObject(Object user, String tag) throws TemplateModelException {
    String kind = user instanceof CharSequence ? "a string"
        : user instanceof Map ? "a hash (" + user.getClass().getName() + ")"
        : user instanceof Collection || user != null && user.getClass().isArray() ? "a sequence"
        : null;
    if (kind != null) {
      // The value itself is not quoted: it is user data (often the email) and does not belong in logs.
      throw new TemplateModelException(tag + ": the user is " + kind + ", not a user object. Pass"
          + " the logged-in user itself (an object whose class has @io.github.pylonchat.ChatEmail)"
          + " or a ChatProfile, e.g. <@pylonChat user=currentUser!/>; a hash or a string is not"
          + " accepted because only @ChatEmail says which value is the verified email");
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
