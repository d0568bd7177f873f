package io.github.pylonchat.jsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.pylonchat.contract.ChatTagContract;
import io.github.pylonchat.contract.ChatTagSetup;
import io.github.pylonchat.contract.TagBodyContract;
import io.github.pylonchat.contract.TagForm;
import io.github.pylonchat.contract.TagParametersContract;
import io.github.pylonchat.contract.TemplateVariablesContract;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AutoClose;

/**
 * {@code <pylon:chat/>} obeys the chat tag contract in real pages ({@code src/test/webapp/*.jsp})
 * that Tomcat's Jasper compiles, requested over HTTP. A filter installs the page's setup with
 * {@link PylonChatTag#install} and puts its variables into the request, as a controller would, and
 * keeps the exception that failed a page, which the client then throws: the response itself carries
 * only what the container sent, which on an error is none of the page.
 */
class PylonChatTagContractTest extends ChatTagContract
    implements TemplateVariablesContract, TagParametersContract, TagBodyContract {
  /** What the next request of each id renders with, and how it failed. */
  private record Page(ChatTagSetup setup, Map<String, Object> variables) {}

  private final Map<String, Page> pages = new ConcurrentHashMap<>();
  private final Map<String, Throwable> errors = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  @AutoClose
  private final JspServer server = new JspServer(pageFilter(), context -> { });

  private Filter pageFilter() {
    return (request, response, chain) -> {
      String id = ((jakarta.servlet.http.HttpServletRequest) request).getHeader("X-Page");
      Page page = pages.remove(id);
      if (page.setup().disabled()) {
        PylonChatTag.installDisabled(request.getServletContext());
      } else {
        PylonChatTag.install(request.getServletContext(), page.setup().widget(), page.setup().resolver());
      }
      page.variables().forEach(request::setAttribute);
      try {
        chain.doFilter(request, response);
      } catch (ServletException | RuntimeException e) {
        errors.put(id, e);
        ((jakarta.servlet.http.HttpServletResponse) response).setStatus(500);
      }
    };
  }

  @Override
  public void render(ChatTagSetup setup, TagForm form, Map<String, Object> variables, StringBuilder out) throws Exception {
    String id = Long.toString(ids.incrementAndGet());
    pages.put(id, new Page(setup, variables));
    // Jasper reports a page's translation error on its first request only (later ones fail to load the
    // class), so the disabled form's misuses have pages of their own.
    boolean translationError = form == TagForm.UNKNOWN_PARAMETER || form == TagForm.BODY;
    String folder = setup.disabled() && translationError ? "/disabled/" : "/";
    HttpResponse<String> response = server.get(folder + form.name().toLowerCase(Locale.ROOT) + ".jsp", id);
    out.append(response.body());
    Throwable error = errors.remove(id);
    if (error instanceof Exception e) {
      throw e;
    }
    assertEquals(200, response.statusCode(), response.body());
  }

  @Override
  public String tagInMessages(TagForm form) {
    return form == TagForm.USER || form == TagForm.USER_AND_NONCE ? "<pylon:chat user=...>" : "<pylon:chat/>";
  }
}
