package io.github.pylonchat.spring;

import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Keeps {@code Cache-Control: private, no-store} on a response body ({@code @ResponseBody},
 * {@code ResponseEntity}) into which a chat tag signed someone during the request: a controller
 * that renders a page into a string itself runs the tag before it answers, and the headers of its
 * answer ({@code ResponseEntity.ok().cacheControl(CacheControl.maxAge(...).cachePublic())}) would
 * otherwise replace the header the tag set.
 */
@ControllerAdvice
final class SignedBodiesArePrivate implements ResponseBodyAdvice<Object> {
  @Override
  public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
    if (request instanceof ServletServerHttpRequest servlet && response instanceof ServletServerHttpResponse answer
        && PrivateResponses.signedOn(servlet.getServletRequest())) {
      // Spring 7 writes the handler's headers through to the servlet response; Spring 6 keeps them
      // in a map (HttpHeaders is a Map there, with another remove method) and adds them when the
      // body is written. Dropping the handler's value and marking the servlet response leaves one
      // Cache-Control on both.
      Object headers = response.getHeaders();
      if (headers instanceof Map<?, ?> spring6) {
        spring6.remove(HttpHeaders.CACHE_CONTROL);
      } else {
        response.getHeaders().remove(HttpHeaders.CACHE_CONTROL);
      }
      PrivateResponses.mark(answer.getServletResponse());
    }
    return body;
  }
}
