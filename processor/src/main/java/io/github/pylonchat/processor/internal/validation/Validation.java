package io.github.pylonchat.processor.internal.validation;

import io.github.pylonchat.processor.internal.model.AccessorModel;
import java.util.List;

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
   * A type the validation depends on is not resolved yet: another processor may generate it in a
   * later round. {@code ifNeverResolved} is reported if it still is not in the last round.
   */
  record Deferred(Problem ifNeverResolved) implements Validation {}
}
