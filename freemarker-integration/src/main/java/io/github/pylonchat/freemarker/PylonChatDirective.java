package io.github.pylonchat.freemarker;

import freemarker.core.Environment;
import freemarker.template.Configuration;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import freemarker.template.utility.DeepUnwrap;
import io.github.pylonchat.PylonChatWidget;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The FreeMarker directive {@code <@pylonChat/>}: renders the Pylon chat widget for the current
 * user with {@link PylonChatWidget}.
 *
 * <p>Without parameters it reads the user from the data-model variable {@code user} and the CSP
 * nonce from {@code cspNonce} (both names configurable); {@code user=} and {@code nonce=} override
 * them. A missing or null user means nobody is logged in. The markup is written directly to the
 * template's output, so it is not escaped again in {@code .ftlh} templates.
 *
 * <pre>{@code
 * Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
 * PylonChatDirective.install(cfg, PylonChatWidget.fromEnvironment());
 * // in the layout:  <@pylonChat/>   or   <@pylonChat user=member nonce=cspNonce/>
 * }</pre>
 */
public final class PylonChatDirective implements TemplateDirectiveModel {
  /** The name {@link #install} registers the directive under: {@code <@pylonChat/>}. */
  public static final String SHARED_VARIABLE = "pylonChat";
  /** Default data-model variable holding the current user. */
  public static final String DEFAULT_USER_VARIABLE = "user";
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

  /** A directive that reads {@code user} and {@code cspNonce} from the data model. */
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
   * Registers a directive that reads {@code user} and {@code cspNonce} from the data model as the
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

  @Override
  @SuppressWarnings("rawtypes")
  public void execute(Environment env, Map params, TemplateModel[] loopVars, TemplateDirectiveBody body)
      throws TemplateException, IOException {
    for (Object key : params.keySet()) {
      if (!PARAMETERS.contains(key)) {
        throw new TemplateModelException("<@pylonChat/> has no parameter \"" + key
            + "\"; the allowed parameters are user and nonce, e.g. <@pylonChat user=currentUser nonce=cspNonce/>");
      }
    }
    if (body != null) {
      throw new TemplateModelException(
          "<@pylonChat/> takes no body; write it as an empty tag: <@pylonChat/>");
    }
    if (loopVars.length > 0) {
      throw new TemplateModelException("<@pylonChat/> has no loop variables; remove the \"; x\" part");
    }
    Object user = params.containsKey(USER) ? unwrap((TemplateModel) params.get(USER)) : currentUser.resolve(env);
    Object nonce = params.containsKey(NONCE) ? unwrap((TemplateModel) params.get(NONCE)) : currentNonce.resolve(env);
    if (nonce != null && !(nonce instanceof String)) {
      throw new TemplateModelException("<@pylonChat/>: the nonce must be a string, got "
          + nonce.getClass().getName());
    }
    try {
      widget.render(user, (String) nonce, env.getOut());
    } catch (IllegalArgumentException e) {
      throw new TemplateModelException("<@pylonChat/>: " + e.getMessage(), e);
    }
  }

  private static Object unwrap(TemplateModel model) throws TemplateModelException {
    if (model == null || model == TemplateModel.NOTHING) {
      return null;
    }
    if (model instanceof TemplateScalarModel scalar && scalar.getAsString().isEmpty()) {
      return null; // user=currentUser! passes "" when the variable is missing
    }
    return DeepUnwrap.unwrap(model);
  }
}
