package io.github.pylonchat.processor.internal.model;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * The naming rule shared with {@code io.github.pylonchat.ChatIdentities}: {@code com.acme.User}
 * -> {@code com.acme.UserChatIdentity}, {@code com.acme.Outer.Inner} -> {@code
 * com.acme.Outer_InnerChatIdentity}.
 */
public final class AccessorNames {
  private static final String SUFFIX = "ChatIdentity";

  private AccessorNames() {}

  /** The simple name of the accessor generated for {@code type}. */
  public static String simpleName(TypeElement type) {
    return nestedName(type).replace('.', '_') + SUFFIX;
  }

  /** The name of {@code type} inside its package: {@code User} or {@code Outer.Inner}. */
  public static String nestedName(TypeElement type) {
    StringBuilder names = new StringBuilder(type.getSimpleName());
    for (Element outer = type.getEnclosingElement();
        outer.getKind() != ElementKind.PACKAGE && outer.getKind() != ElementKind.MODULE;
        outer = outer.getEnclosingElement()) {
      names.insert(0, outer.getSimpleName() + ".");
    }
    return names.toString();
  }

  /** The package of {@code type} (and of its accessor); empty for the unnamed package. */
  public static String packageName(TypeElement type) {
    Element element = type;
    while (!(element instanceof PackageElement)) {
      element = element.getEnclosingElement();
    }
    return ((PackageElement) element).getQualifiedName().toString();
  }

  /** The qualified name of the accessor generated for {@code type}. */
  public static String qualifiedName(TypeElement type) {
    String pkg = packageName(type);
    return pkg.isEmpty() ? simpleName(type) : pkg + "." + simpleName(type);
  }
}
