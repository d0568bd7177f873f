package io.github.pylonchat.spring;

import io.github.pylonchat.ChatIdentities;
import io.github.pylonchat.ChatTagArguments;
import io.github.pylonchat.ChatTagResolution;
import io.github.pylonchat.ChatTagResolver;
import io.github.pylonchat.ChatViewer;
import io.github.pylonchat.IdentityVerification;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Decides the user and nonce of every chat tag in a Spring application, whatever the template
 * engine, and of anything else that asks for the current chat user (the settings endpoint, the
 * interceptor that keeps signed pages private). Who is signed is {@link ChatViewer}'s rule, with
 * the viewer Spring Security authenticated:
 *
 * <ul>
 *   <li>with Spring Security, only the authenticated principal's chat identity is signed. A user
 *       the page hands over (the tag's {@code user} parameter, else the template variable, request
 *       or session attribute named by {@code pylon.chat.user-attribute}) is only a carrier of the
 *       same person's data: it is used when it equals the principal's identity in every signed
 *       field, and fails the tag otherwise; for a visitor who is not logged in, or a principal that
 *       nothing maps to a chat identity, nobody is signed (one WARN says why);
 *   <li>while an administrator impersonates someone ({@code SwitchUserFilter}), nobody is signed,
 *       or the administrator with {@code pylon.chat.impersonation=original};
 *   <li>without Spring Security, or with {@code pylon.chat.trust-user-attribute=true} for
 *       applications that authenticate outside it, the page's user is signed as given (which
 *       trusts the controllers to put only the logged-in user there);
 *   <li>the nonce from the tag or the variable (or attribute) named by
 *       {@code pylon.chat.nonce-attribute};
 *   <li>a response that carries a signed identity is kept out of shared caches.
 * </ul>
 */
final class CurrentChatUser implements ChatTagResolver {
  static final String TRUST_USER_ATTRIBUTE = PylonChatProperties.PREFIX + ".trust-user-attribute";

  private static final Log logger = LogFactory.getLog(CurrentChatUser.class);

  private final String userAttribute;
  private final String nonceAttribute;
  private final IdentityVerification verification;
  private final SecurityPrincipalUsers principals; // null without Spring Security
  private final boolean trustUserAttribute;
  private final AtomicBoolean anonymousPageUserReported = new AtomicBoolean();

  CurrentChatUser(String userAttribute, String nonceAttribute, IdentityVerification verification,
      SecurityPrincipalUsers principals, boolean trustUserAttribute) {
    this.userAttribute = userAttribute;
    this.nonceAttribute = nonceAttribute;
    this.verification = verification;
    this.principals = principals;
    this.trustUserAttribute = trustUserAttribute;
  }

  /**
   * {@inheritDoc}
   *
   * <p>When someone is signed and the current thread serves a servlet request, its response gets
   * {@code Cache-Control: private, no-store}.
   *
   * @throws IllegalStateException also when that response was already committed without that header
   */
  @Override
  public ChatTagResolution resolve(ChatTagArguments tag, Function<String, Object> variables) {
    ChatTagResolution chat = decide(tag, variables);
    if (chat.user() != null) {
      PrivateResponses.markCurrentResponse();
    }
    return chat;
  }

  private ChatTagResolution decide(ChatTagArguments tag, Function<String, Object> variables) {
    Object nonce = tag.nonceGiven() ? tag.nonce() : variable(variables, nonceAttribute);
    Object pageUser = tag.userGiven() ? tag.user() : variable(variables, userAttribute);
    if (pageUser != null && !tag.userGiven() && !ChatIdentities.hasIdentity(pageUser.getClass())) {
      throw new IllegalArgumentException("the attribute \"" + userAttribute
          + "\" (pylon.chat.user-attribute) holds a " + pageUser.getClass().getName()
          + ", which has no chat identity; put the logged-in user there (a type with @ChatEmail, or a"
          + " ChatProfile), or set pylon.chat.user-attribute to the name of the attribute that does");
    }
    ChatTagResolution.of(pageUser, nonce); // the same misuse errors whoever is logged in
    ChatViewer viewer = viewer();
    Object signed = tag.userGiven()
        ? viewer.signedUser(pageUser, verification, "the tag's user",
            "Pass the logged-in user, or leave user= out so that the tag signs the Spring Security principal")
        : viewer.signedUser(pageUser, verification, "the attribute \"" + userAttribute + "\" (pylon.chat.user-attribute)",
            "Put only the logged-in user under that name (a controller parameter of the user's type without"
                + " @AuthenticationPrincipal is bound from request parameters and lands there too), or set"
                + " pylon.chat.user-attribute to another name");
    report(viewer, pageUser != null);
    return ChatTagResolution.of(signed, nonce);
  }

  /** The viewer Spring Security authenticated, or the page when nothing authenticates. */
  private ChatViewer viewer() {
    ChatViewer viewer = principals == null ? ChatViewer.page() : principals.viewer();
    boolean unknown = viewer.kind() == ChatViewer.Kind.ANONYMOUS || viewer.kind() == ChatViewer.Kind.UNIDENTIFIED;
    return trustUserAttribute && unknown ? ChatViewer.page() : viewer;
  }

  /** Says once why a page's user or a logged-in principal got no widget. */
  private void report(ChatViewer viewer, boolean pageUserGiven) {
    if (viewer.kind() == ChatViewer.Kind.UNIDENTIFIED) {
      principals.reportUnidentified(viewer.principalType(), pageUserGiven);
    } else if (viewer.kind() == ChatViewer.Kind.ANONYMOUS && pageUserGiven
        && anonymousPageUserReported.compareAndSet(false, true)) {
      logger.warn("A page handed the Pylon chat tag a user (the tag's user= or \"" + userAttribute
          + "\", pylon.chat.user-attribute) while Spring Security knows no logged-in user, so nobody was"
          + " signed: only the authenticated principal's identity is ever signed, as a page's user may be"
          + " bound from request parameters. If your application authenticates users outside Spring"
          + " Security, set " + TRUST_USER_ATTRIBUTE + "=true (logged once)");
    }
  }

  /** The template's variable, else the attribute of the current request, session or servlet context. */
  private static Object variable(Function<String, Object> variables, String name) {
    Object value = variables.apply(name);
    return value != null ? value : RequestScopes.attribute(name);
  }
}
