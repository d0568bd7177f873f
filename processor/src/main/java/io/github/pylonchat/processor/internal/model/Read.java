package io.github.pylonchat.processor.internal.model;

import javax.lang.model.element.TypeElement;

/** How the generated accessor reads one property from a model object. */
public sealed interface Read {
  /** Reads a field directly: {@code model.email}. */
  record FieldRead(String field) implements Read {}

  /** Calls a getter, annotated method or record accessor: {@code model.getEmail()}. */
  record MethodCall(String method) implements Read {}

  /**
   * Delegates to the accessor generated for the supertype that declares the property: {@code
   * UserChatIdentity.email(model)}. That accessor lives in the supertype's package, so it can
   * read package-private and protected members that the subtype's package cannot.
   */
  record Inherited(TypeElement declaringType) implements Read {}
}
