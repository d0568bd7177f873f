package io.github.pylonchat.benchmarks.compile;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;

/**
 * A minimal annotation processor for the compile-time benchmark's reference variant: for each
 * top-level class with {@code @ChatEmail} it writes {@code <Name>ChatIdentity} with an
 * {@code INSTANCE} whose {@code profile} reads the email (and the {@code modelType} that
 * {@code ChatIdentityAccessor} requires), with plain string concatenation and no validation. Any
 * processor that generates one class per model pays at least what this one costs,
 * so it separates javac's share of the compile-time cost from pylon-chat-processor's own.
 */
final class ReferenceProcessorSource {
  private static final String NAME = "reference.MinimalChatIdentityProcessor";

  private static final String SOURCE = """
      package reference;

      import java.io.IOException;
      import java.io.UncheckedIOException;
      import java.io.Writer;
      import java.util.HashSet;
      import java.util.Set;
      import javax.annotation.processing.AbstractProcessor;
      import javax.annotation.processing.RoundEnvironment;
      import javax.annotation.processing.SupportedAnnotationTypes;
      import javax.lang.model.SourceVersion;
      import javax.lang.model.element.Element;
      import javax.lang.model.element.ElementKind;
      import javax.lang.model.element.Modifier;
      import javax.lang.model.element.TypeElement;

      @SupportedAnnotationTypes("io.github.pylonchat.ChatEmail")
      public final class MinimalChatIdentityProcessor extends AbstractProcessor {
        private final Set<String> written = new HashSet<>();

        @Override
        public SourceVersion getSupportedSourceVersion() {
          return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
          for (TypeElement annotation : annotations) {
            for (Element email : round.getElementsAnnotatedWith(annotation)) {
              TypeElement type = (TypeElement) email.getEnclosingElement();
              String qualified = type.getQualifiedName().toString();
              if (!written.add(qualified)) {
                continue; // a record component's annotation is also on its field and accessor
              }
              write(type, qualified, read(email));
            }
          }
          return false;
        }

        private static String read(Element email) {
          String name = email.getSimpleName().toString();
          if (email.getKind() == ElementKind.METHOD || email.getEnclosingElement().getKind() == ElementKind.RECORD) {
            return "model." + name + "()";
          }
          if (email.getModifiers().contains(Modifier.PRIVATE)) {
            return "model.get" + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "()";
          }
          return "model." + name;
        }

        private void write(TypeElement type, String qualified, String readEmail) {
          String simple = type.getSimpleName().toString();
          String pkg = qualified.substring(0, qualified.length() - simple.length() - 1);
          String accessor = simple + "ChatIdentity";
          try (Writer out = processingEnv.getFiler().createSourceFile(pkg + "." + accessor, type).openWriter()) {
            out.write("package " + pkg + ";\\n\\n"
                + "public final class " + accessor + " implements io.github.pylonchat.ChatIdentityAccessor<" + simple + "> {\\n"
                + "  public static final " + accessor + " INSTANCE = new " + accessor + "();\\n\\n"
                + "  private " + accessor + "() {}\\n\\n"
                + "  @Override\\n"
                + "  public Class<?> modelType() {\\n"
                + "    return " + simple + ".class;\\n"
                + "  }\\n\\n"
                + "  @Override\\n"
                + "  public io.github.pylonchat.ChatProfile profile(" + simple + " model) {\\n"
                + "    return new io.github.pylonchat.ChatProfile(" + readEmail + ", null, null, null, null);\\n"
                + "  }\\n"
                + "}\\n");
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      """;

  private ReferenceProcessorSource() {}

  /**
   * Compiles the reference processor into {@code dir} and registers it there.
   *
   * @return {@code dir}, to put on a processor path
   */
  static String compile(JavaCompiler javac, Path dir, String classpath) throws IOException {
    Files.createDirectories(dir.resolve("META-INF/services"));
    Files.writeString(dir.resolve("META-INF/services/javax.annotation.processing.Processor"), NAME + "\n",
        StandardCharsets.UTF_8);
    SimpleJavaFileObject source = new SimpleJavaFileObject(
        URI.create("string:///" + NAME.replace('.', '/') + ".java"), SimpleJavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return SOURCE;
      }
    };
    StringWriter diagnostics = new StringWriter();
    boolean ok = javac.getTask(diagnostics, null, null,
        List.of("--release", "17", "-proc:none", "-classpath", classpath, "-d", dir.toString()), null, List.of(source))
        .call();
    if (!ok) {
      throw new IllegalStateException("the reference processor does not compile:\n" + diagnostics);
    }
    return dir.toString();
  }
}
