package io.github.pylonchat.processor.internal.validation;

import io.github.pylonchat.processor.internal.model.AccessorNames;
import io.github.pylonchat.processor.internal.model.Property;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * One annotation of ours on one member: a field, a method or a record component.
 *
 * @param property which annotation
 * @param element the annotated member
 * @param annotation the annotation, so that errors point at it
 */
record AnnotatedMember(Property property, Element element, AnnotationMirror annotation) {

  /** The type that declares the member. */
  TypeElement declaringType() {
    return (TypeElement) element.getEnclosingElement();
  }

  /**
   * A problem reported on this member, with the caret on its annotation. For a record component
   * it is reported on the component's field, which carries a copy of the annotation, because
   * javac (17) cannot place a message on a record component.
   */
  Problem problem(String message) {
    if (element.getKind() == ElementKind.RECORD_COMPONENT) {
      for (VariableElement field : ElementFilter.fieldsIn(declaringType().getEnclosedElements())) {
        if (field.getSimpleName().equals(element.getSimpleName())) {
          for (AnnotationMirror copy : field.getAnnotationMirrors()) {
            if (annotationName(copy).equals(property.annotationName())) {
              return new Problem(field, copy, message);
            }
          }
        }
      }
    }
    return new Problem(element, annotation, message);
  }

  /** How messages name the member in its own type: {@code email} or {@code getEmail()}. */
  String name() {
    return element.getKind() == ElementKind.METHOD ? element + "" : element.getSimpleName() + "";
  }

  /** How messages name the member from another type: {@code User.getEmail()}. */
  String qualifiedName() {
    return AccessorNames.nestedName(declaringType()) + "." + name();
  }

  /**
   * The annotated members that {@code type} itself declares, in source order. A record
   * component's annotation is also copied by javac onto the component's private field and
   * implicit accessor; those copies are skipped so that each annotation is seen once, on the
   * component.
   */
  static List<AnnotatedMember> declaredIn(TypeElement type) {
    boolean record = type.getKind() == ElementKind.RECORD;
    List<AnnotatedMember> members = new ArrayList<>();
    for (Element element : type.getEnclosedElements()) {
      ElementKind kind = element.getKind();
      boolean member =
          kind == ElementKind.FIELD || kind == ElementKind.METHOD
              || kind == ElementKind.RECORD_COMPONENT;
      boolean componentField =
          record && kind == ElementKind.FIELD && !element.getModifiers().contains(Modifier.STATIC);
      if (!member || componentField) {
        continue;
      }
      for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
        Property.forAnnotation(annotationName(annotation))
            .filter(property -> !(record && isAccessorOfAnnotatedComponent(type, element, property)))
            .ifPresent(property -> members.add(new AnnotatedMember(property, element, annotation)));
      }
    }
    return members;
  }

  private static boolean isAccessorOfAnnotatedComponent(
      TypeElement record, Element method, Property property) {
    if (!(method instanceof ExecutableElement)) {
      return false;
    }
    for (RecordComponentElement component : record.getRecordComponents()) {
      if (method.equals(component.getAccessor())
          && component.getAnnotationMirrors().stream()
              .anyMatch(a -> annotationName(a).equals(property.annotationName()))) {
        return true;
      }
    }
    return false;
  }

  private static String annotationName(AnnotationMirror annotation) {
    return ((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName() + "";
  }
}
