package io.github.pylonchat.processor.internal.writer;

import io.github.pylonchat.processor.internal.model.AccessorModel;
import io.github.pylonchat.processor.internal.model.AccessorNames;
import io.github.pylonchat.processor.internal.model.Property;
import io.github.pylonchat.processor.internal.model.Read;
import io.github.pylonchat.processor.internal.model.RuntimeNames;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.JavaFileObject;

/**
 * Writes {@code <Type>ChatIdentity} for an {@link AccessorModel}. Only code generation: every
 * decision was made by the validation.
 *
 * <p>Each file has the model type as its originating element (Gradle's isolating mode),
 * {@code @Generated} without a date when {@code javax.annotation.processing.Generated} exists,
 * and no {@code java.lang} imports.
 *
 * <p>The accessors have one fixed shape, so they are written from a template rather than with
 * JavaPoet: with javac loading the processor afresh for every compilation, JavaPoet ran cold and
 * cost more than the rest of the processor together (see benchmarks/RESULTS.md).
 */
public final class AccessorWriter {
  private static final String GENERATED = "javax.annotation.processing.Generated";
  private static final String MODEL = "model";
  private static final int MAX_LINE = 100;

  private final Filer filer;
  private final String generator;
  private final boolean generatedAvailable;

  /**
   * A writer for one compilation.
   *
   * @param generator the value of {@code @Generated}: the processor's class name
   */
  public AccessorWriter(Filer filer, Elements elements, String generator) {
    this.filer = filer;
    this.generator = generator;
    this.generatedAvailable = elements.getTypeElement(GENERATED) != null;
  }

  /**
   * Writes the accessor through the {@link Filer}.
   *
   * @throws IOException if the Filer refuses the file, e.g. because it was already written
   */
  public void write(AccessorModel model) throws IOException {
    String text = source(model);
    JavaFileObject file = filer.createSourceFile(accessorName(model), model.modelType());
    try (Writer out = file.openWriter()) {
      out.write(text);
    }
  }

  /** The qualified name of the accessor that {@link #write} writes for {@code model}. */
  public static String accessorName(AccessorModel model) {
    return AccessorNames.qualifiedName(model.modelType());
  }

  /** The text of the accessor's source file. */
  private String source(AccessorModel model) {
    TypeElement type = model.modelType();
    String pkg = AccessorNames.packageName(type);
    String accessor = AccessorNames.simpleName(type);
    String modelName = AccessorNames.nestedName(type);
    Imports imports = new Imports(pkg, accessor, modelName.split("\\.", 2)[0]);
    String accessorInterface = imports.name(RuntimeNames.CHAT_IDENTITY_ACCESSOR);
    String profile = imports.name(RuntimeNames.CHAT_PROFILE);
    String generated = generatedAvailable ? imports.name(GENERATED) : null;
    String modelType = typeWithWildcards(type);

    StringBuilder body = new StringBuilder(1024);
    body.append("  /**\n   * The instance that {@link ").append(RuntimeNames.CHAT_IDENTITIES)
        .append("} finds.\n   */\n");
    body.append("  public static final ").append(accessor).append(" INSTANCE = new ")
        .append(accessor).append("();\n\n");
    body.append("  private ").append(accessor).append("() {\n  }\n");
    List<String> profileArguments = new ArrayList<>();
    for (Property property : Property.values()) {
      Read read = model.reads().get(property);
      if (read == null) {
        profileArguments.add("null");
        continue;
      }
      String method = property.accessorMethod();
      body.append("\n  public static String ").append(method).append('(').append(modelType)
          .append(' ').append(MODEL).append(") {\n    return ")
          .append(readExpression(read, property, imports)).append(";\n  }\n");
      profileArguments.add(method + "(" + MODEL + ")");
    }
    body.append("\n  @Override\n  public Class<?> modelType() {\n    return ").append(modelName)
        .append(".class;\n  }\n");
    body.append("\n  @Override\n  public ").append(profile).append(" profile(").append(modelType)
        .append(' ').append(MODEL).append(") {\n");
    appendWrapped(body, "    return new " + profile + "(", profileArguments, ");");
    body.append("  }\n}\n");

    StringBuilder file = new StringBuilder(body.length() + 512);
    if (!pkg.isEmpty()) {
      file.append("package ").append(pkg).append(";\n\n");
    }
    imports.appendTo(file);
    file.append("/**\n * Reads the chat identity of {@link ").append(modelName).append("}.\n")
        .append(" * Generated by pylon-chat-processor from its annotations: do not edit.\n */\n");
    if (generated != null) {
      file.append('@').append(generated).append("(\"").append(generator).append("\")\n");
    }
    file.append("public final class ").append(accessor).append(" implements ")
        .append(accessorInterface).append('<').append(modelType).append("> {\n");
    return file.append(body).toString();
  }

  /**
   * Appends {@code start}, the arguments separated by commas and {@code end} as one line, wrapped
   * before an argument that would pass column 100, continuation lines indented by 8.
   */
  private static void appendWrapped(
      StringBuilder out, String start, List<String> arguments, String end) {
    StringBuilder line = new StringBuilder(start);
    for (int i = 0; i < arguments.size(); i++) {
      String argument = arguments.get(i) + (i < arguments.size() - 1 ? "," : end);
      boolean first = i == 0;
      if (!first && line.length() + 1 + argument.length() > MAX_LINE) {
        out.append(line).append('\n');
        line = new StringBuilder("        ");
      } else if (!first) {
        line.append(' ');
      }
      line.append(argument);
    }
    out.append(line).append('\n');
  }

  private static String readExpression(Read read, Property property, Imports imports) {
    if (read instanceof Read.FieldRead field) {
      return MODEL + "." + field.field();
    }
    if (read instanceof Read.MethodCall call) {
      return MODEL + "." + call.method() + "()";
    }
    TypeElement declaring = ((Read.Inherited) read).declaringType();
    return imports.name(AccessorNames.qualifiedName(declaring)) + "."
        + property.accessorMethod() + "(" + MODEL + ")";
  }

  /**
   * The model type as the accessor names it, its type parameters as wildcards: {@code
   * Account<?>}, {@code Outer<?>.Inner}, {@code Company.Employee}.
   */
  private static String typeWithWildcards(TypeElement type) {
    String wildcards = type.getTypeParameters().isEmpty() ? ""
        : "<" + String.join(", ", Collections.nCopies(type.getTypeParameters().size(), "?")) + ">";
    Element enclosing = type.getEnclosingElement();
    boolean inner = enclosing instanceof TypeElement
        && type.getKind() == ElementKind.CLASS
        && !type.getModifiers().contains(Modifier.STATIC);
    if (inner) {
      String outer = typeWithWildcards((TypeElement) enclosing);
      if (outer.contains("<")) {
        return outer + "." + type.getSimpleName() + wildcards;
      }
    }
    return AccessorNames.nestedName(type) + wildcards;
  }

  /**
   * The imports of one accessor. A type is imported unless its simple name is already taken in
   * the file (by the accessor itself, the model's top-level type, or another import); then it is
   * written fully qualified.
   */
  private static final class Imports {
    private final String pkg;
    private final Map<String, String> qualifiedBySimpleName = new HashMap<>();
    private final TreeSet<String> imported = new TreeSet<>();

    Imports(String pkg, String accessor, String modelTopLevel) {
      this.pkg = pkg;
      qualifiedBySimpleName.put(accessor, qualify(pkg, accessor));
      qualifiedBySimpleName.put(modelTopLevel, qualify(pkg, modelTopLevel));
    }

    /** How the file names the top-level type {@code qualifiedName}, imported if possible. */
    String name(String qualifiedName) {
      int dot = qualifiedName.lastIndexOf('.');
      String simple = qualifiedName.substring(dot + 1);
      String typePackage = dot < 0 ? "" : qualifiedName.substring(0, dot);
      String owner = qualifiedBySimpleName.putIfAbsent(simple, qualifiedName);
      if (owner != null && !owner.equals(qualifiedName)) {
        return qualifiedName;
      }
      if (!typePackage.equals(pkg)) {
        imported.add(qualifiedName);
      }
      return simple;
    }

    void appendTo(StringBuilder file) {
      for (String name : imported) {
        file.append("import ").append(name).append(";\n");
      }
      if (!imported.isEmpty()) {
        file.append('\n');
      }
    }

    private static String qualify(String pkg, String simpleName) {
      return pkg.isEmpty() ? simpleName : pkg + "." + simpleName;
    }
  }
}
