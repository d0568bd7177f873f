package io.github.pylonchat.processor.internal.validation;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * One compile error, reported on {@code element} with the caret on {@code annotation}.
 *
 * @param element the member (or type) that breaks a rule
 * @param annotation the annotation on it; null for a type that breaks a rule without one
 * @param message the full message, {@code [Id] rule; fix}
 */
public record Problem(Element element, AnnotationMirror annotation, String message) {}
