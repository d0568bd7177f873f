package io.github.pylonchat.spring;

import freemarker.core.Environment;
import freemarker.template.TemplateModelException;
import io.github.pylonchat.ChatIdentities;
import io.github.pylonchat.freemarker.PylonChatDirective;

/**
 * Finds the user for {@code <@pylonChat/>} without a {@code user=} parameter: the template variable
 * named by {@code pylon.chat.user-attribute} (in Spring MVC views this includes request and session
 * attributes), then the Spring Security principal (when Spring Security is present).
 */
final class CurrentChatUser implements PylonChatDirective.Resolver {
  private final String attribute;
  private final PylonChatDirective.Resolver variable;
  private final SecurityPrincipalUsers principals; // null without Spring Security

  CurrentChatUser(String attribute, SecurityPrincipalUsers principals) {
    this.attribute = attribute;
    this.variable = PylonChatDirective.variable(attribute);
    this.principals = principals;
  }

  @Override
  public Object resolve(Environment env) throws TemplateModelException {
    Object user = variable.resolve(env);
    if (user == null) {
      return principals == null ? null : principals.currentUser();
    }
    if (!ChatIdentities.hasIdentity(user.getClass())) {
      throw new TemplateModelException("<@pylonChat/>: the attribute \"" + attribute
          + "\" (pylon.chat.user-attribute) holds a " + user.getClass().getName()
          + ", which has no chat identity; put the logged-in user there (a type with @ChatEmail, or a"
          + " ChatProfile), or set pylon.chat.user-attribute to the name of the attribute that does");
    }
    return user;
  }
}
