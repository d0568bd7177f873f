package io.github.pylonchat.processor.validation;

import io.github.pylonchat.processor.model.AccessorModel;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/** What {@link IdentityValidator} concluded about one annotated type. */
public sealed interface Validation {
  /** The type is valid: generate {@code model}. */
  record Valid(AccessorModel model) implements Validation {}

  /**
   * The type breaks rules. {@code problems} is empty when only a supertype is invalid: that
   * supertype reports its own errors, and no accessor is generated for either.
   */
  record Invalid(List<Problem> problems) implements Validation {
    /** Copies the problems. */
    public Invalid {
      problems = List.copyOf(problems);
    }
  }

  /**
   * A type the validation depends on is not resolved yet (another processor may generate it in a
   * later round); {@code element} and {@code annotation} say where to report it if it never is.
   */
  record Deferred(Element element, AnnotationMirror annotation, String unresolvedType)
      implements Validation {}
}
