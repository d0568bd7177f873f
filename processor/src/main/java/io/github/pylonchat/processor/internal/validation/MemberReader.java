package io.github.pylonchat.processor.internal.validation;

import io.github.pylonchat.processor.internal.Message;
import io.github.pylonchat.processor.internal.model.Read;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The reading rules for one annotated member, seen from the generated accessor in the same
 * package: a non-private field is read directly, a private field through its getter ({@code
 * getX()} or {@code x()}), an annotated method is called, a record component through its
 * accessor. Anything else is a {@link Problem}.
 */
final class MemberReader {
  private final Types types;
  private final TypeMirror string;
  private final TypeMirror runtimeException;
  private final TypeMirror error;

  MemberReader(Elements elements, Types types) {
    this.types = types;
    this.string = elements.getTypeElement("java.lang.String").asType();
    this.runtimeException = elements.getTypeElement("java.lang.RuntimeException").asType();
    this.error = elements.getTypeElement("java.lang.Error").asType();
  }

  /** How to read {@code member}, or empty after passing each broken rule to {@code problems}. */
  Optional<Read> read(AnnotatedMember member, Consumer<Problem> problems) {
    Element element = member.element();
    String annotation = member.property().display();
    String name = member.name();
    Consumer<String> report = message -> problems.accept(member.problem(message));
    switch (element.getKind()) {
      case RECORD_COMPONENT:
        if (!isString(element.asType())) {
          report.accept(Message.NOT_STRING.format(
              annotation, "record component", name, element.asType()));
          return Optional.empty();
        }
        return Optional.of(new Read.MethodCall(name));
      case FIELD:
        if (isStatic(element)) {
          report.accept(Message.STATIC.format(annotation, "field", name));
        } else if (!isString(element.asType())) {
          report.accept(Message.NOT_STRING.format(annotation, "field", name, element.asType()));
        } else if (!element.getModifiers().contains(Modifier.PRIVATE)) {
          return Optional.of(new Read.FieldRead(name));
        } else {
          return readPrivateField(member, report);
        }
        return Optional.empty();
      case METHOD:
        ExecutableElement method = (ExecutableElement) element;
        Optional<String> broken = brokenMethodRule(annotation, method);
        if (broken.isPresent()) {
          report.accept(broken.get());
          return Optional.empty();
        }
        return Optional.of(new Read.MethodCall(method.getSimpleName() + ""));
      default:
        throw new IllegalArgumentException("not a field, method or record component: " + element);
    }
  }

  private Optional<Read> readPrivateField(AnnotatedMember member, Consumer<String> report) {
    String annotation = member.property().display();
    String field = member.name();
    String getterName = "get" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
    TypeElement type = member.declaringType();
    // getX() wins over x() whenever it exists: a private getX() is an error, never a reason to
    // read x() instead, which may return something else
    Optional<ExecutableElement> found = getter(type, getterName).or(() -> getter(type, field));
    if (found.isEmpty()) {
      boolean lombok = hasLombokAnnotation(member.element()) || hasLombokAnnotation(type);
      report.accept(Message.PRIVATE_FIELD.format(
          annotation, field, getterName, lombok ? Message.LOMBOK_HINT : ""));
      return Optional.empty();
    }
    if (found.get().getModifiers().contains(Modifier.PRIVATE)) {
      String name = found.get().getSimpleName().toString();
      report.accept(Message.PRIVATE_GETTER.format(annotation, field, name, name));
      return Optional.empty();
    }
    ExecutableElement getter = found.get();
    String checked = checkedExceptions(getter);
    if (!checked.isEmpty()) {
      report.accept(Message.METHOD_THROWS.format(annotation, getter, checked));
      return Optional.empty();
    }
    return Optional.of(new Read.MethodCall(getter.getSimpleName() + ""));
  }

  private Optional<String> brokenMethodRule(String annotation, ExecutableElement method) {
    if (isStatic(method)) {
      return Optional.of(Message.STATIC.format(annotation, "method", method));
    }
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      return Optional.of(Message.PRIVATE_METHOD.format(annotation, method));
    }
    if (!method.getParameters().isEmpty()) {
      return Optional.of(Message.METHOD_PARAMETERS.format(annotation, method));
    }
    TypeMirror returnType = method.getReturnType();
    if (returnType.getKind() == TypeKind.VOID) {
      return Optional.of(Message.VOID_METHOD.format(annotation, method));
    }
    if (!isString(returnType)) {
      return Optional.of(Message.RETURN_NOT_STRING.format(annotation, method, returnType));
    }
    String checked = checkedExceptions(method);
    if (!checked.isEmpty()) {
      return Optional.of(Message.METHOD_THROWS.format(annotation, method, checked));
    }
    return Optional.empty();
  }

  /** The checked exceptions {@code method} declares, comma-separated; empty if none. */
  private String checkedExceptions(ExecutableElement method) {
    return method.getThrownTypes().stream()
        .filter(t -> !types.isSubtype(t, runtimeException) && !types.isSubtype(t, error))
        .map(TypeMirror::toString)
        .collect(Collectors.joining(", "));
  }

  private static boolean hasLombokAnnotation(Element element) {
    return element.getAnnotationMirrors().stream().anyMatch(annotation -> annotation
        .getAnnotationType().asElement().toString().startsWith("lombok."));
  }

  private boolean isString(TypeMirror type) {
    return types.isSameType(type, string);
  }

  private static boolean isStatic(Element element) {
    return element.getModifiers().contains(Modifier.STATIC);
  }

  /** The instance method {@code name()} of {@code type} that returns a String. */
  private Optional<ExecutableElement> getter(TypeElement type, String name) {
    return ElementFilter.methodsIn(type.getEnclosedElements()).stream()
        .filter(m -> m.getSimpleName().contentEquals(name) && m.getParameters().isEmpty()
            && !isStatic(m) && isString(m.getReturnType()))
        .findFirst();
  }
}
