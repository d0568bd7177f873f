package io.github.pylonchat.spring;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
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
    if (request instanceof ServletServerHttpRequest servlet && PrivateResponses.signedOn(servlet.getServletRequest())) {
      response.getHeaders().setCacheControl(PrivateResponses.PRIVATE_NO_STORE);
    }
    return body;
  }
}
