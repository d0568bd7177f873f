package io.github.pylonchat.spring;

import io.github.pylonchat.ChatTagArguments;
import io.github.pylonchat.ChatTagResolution;
import io.github.pylonchat.ChatTagResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Sets {@code Cache-Control: private, no-store} on a Spring MVC response before its view renders,
 * when a chat tag without parameters would sign someone on it. Setting it when the tag runs is not
 * enough: a page larger than the response buffer is sent in part (committed) before the tag at the
 * end of {@code <body>} runs, and headers can no longer change then. The tag still sets the header
 * itself when the response is not committed yet (as for {@code <@pylonChat user=.../>}), and
 * refuses to sign on a committed response without it (see {@link PrivateResponses}).
 */
final class SignedPagesArePrivate implements HandlerInterceptor {
  private final Supplier<ChatTagResolver> resolver;

  SignedPagesArePrivate(ObjectProvider<ChatTagResolver> resolver) {
    this.resolver = SingletonSupplier.of(resolver::getIfAvailable); // looked up once it exists
  }

  @Override
  public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
      ModelAndView modelAndView) {
    ChatTagResolver chat = resolver.get();
    if (modelAndView == null || chat == null || response.isCommitted()) {
      return;
    }
    ChatTagResolution resolution;
    try {
      resolution = chat.resolve(ChatTagArguments.NONE, viewVariables(modelAndView.getModel()));
    } catch (RuntimeException e) {
      return; // the tag fails with the same message when it renders, and writes nothing
    }
    if (resolution.user() != null) {
      PrivateResponses.mark(response);
    }
  }

  /** What a Spring MVC template sees: the model, then request, session and servlet-context attributes. */
  private static Function<String, Object> viewVariables(Map<String, Object> model) {
    return name -> {
      Object value = model.get(name);
      return value != null ? value : RequestScopes.attribute(name);
    };
  }
}
