package io.github.pylonchat.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.github.pylonchat.processor.Sources.classLoader;
import static io.github.pylonchat.processor.Sources.generated;
import static io.github.pylonchat.processor.Sources.source;

import com.google.testing.compile.Compilation;
import io.github.pylonchat.ChatEmail;
import io.github.pylonchat.ChatIdentities;
import io.github.pylonchat.ChatProfile;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated accessor compiles without a warning and reads its model whatever names the user's
 * code declares: types of the model's package, member types of the model and of its outer
 * classes, models named like the types the accessor uses, type variables, {@code $} in names, the
 * unnamed package, and names outside ASCII under any source encoding.
 */
class DeclaredNamesTest {
  /**
   * Every type the accessor names, and others a writer might reach for. {@code Class}, {@code
   * String} and {@code Override} are the ones that broke the accessor when it spelt them bare.
   */
  private static final List<String> NAMES = List.of("String", "Class", "Override", "Object",
      "Generated", "Objects", "Optional", "ChatIdentity", "ChatIdentityAccessor", "ChatProfile",
      "ChatIdentities", "MemberChatIdentity");

  private static final String IMPORTS = """
      import io.github.pylonchat.ChatEmail;
      import io.github.pylonchat.ChatName;

      """;

  /** Compiled as a careful user's build does: every lint warning an error. */
  private static Compilation compile(JavaFileObject... sources) {
    return javac()
        .withProcessors(new ChatIdentityProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror")
        .compile(sources);
  }

  /** One class per name, as top-level classes of {@code pkg} ("" for the unnamed package). */
  private static List<JavaFileObject> classesNamed(String pkg, List<String> names) {
    return names.stream()
        .map(name -> source(pkg.isEmpty() ? name : pkg + "." + name, "public class " + name + " {}\n"))
        .collect(Collectors.toList());
  }

  /** The same names as member types of a class, indented for a class body. */
  private static String memberTypes() {
    return NAMES.stream()
        .map(name -> "  public static class " + name + " {}\n")
        .collect(Collectors.joining());
  }

  private static Object newModel(Compilation compilation, String binaryName, Object... arguments)
      throws Exception {
    return newModel(Class.forName(binaryName, true, classLoader(compilation)), arguments);
  }

  private static Object newModel(Class<?> type, Object... arguments) throws Exception {
    Constructor<?> constructor = type.getDeclaredConstructors()[0];
    constructor.setAccessible(true);
    return constructor.newInstance(arguments);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"String", "Class", "Override", "Object", "Generated", "Objects",
      "Optional", "ChatIdentity", "ChatIdentityAccessor", "ChatProfile", "ChatIdentities"})
  void typeOfTheModelsPackageCapturesNoNameOfTheAccessor(String name) throws Exception {
    List<JavaFileObject> sources = new ArrayList<>(classesNamed("com.acme", List.of(name)));
    sources.add(source("com.acme.Member", IMPORTS + """
        public record Member(@ChatEmail java.lang.String email, @ChatName java.lang.String name) {}
        """));
    Compilation compilation = compile(sources.toArray(JavaFileObject[]::new));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(ChatIdentities.profileOf(
            newModel(compilation, "com.acme.Member", "ada@example.com", "Ada Lovelace")))
        .isEqualTo(ChatProfile.of("ada@example.com", "Ada Lovelace"));
  }

  @Test
  void everyNameAtOnceInThePackageAndAsMemberTypesOfTheModelAndOfItsOuterClass()
      throws Exception {
    List<JavaFileObject> sources = new ArrayList<>(classesNamed("com.acme", NAMES));
    sources.add(source("com.acme.Outer", IMPORTS + "public class Outer {\n" + memberTypes() + """
          public static class Member {
        """ + memberTypes().replace("  public", "    public") + """
            @ChatEmail private final java.lang.String email;
            @ChatName final java.lang.String name;

            Member(java.lang.String email, java.lang.String name) {
              this.email = email;
              this.name = name;
            }

            public java.lang.String getEmail() {
              return email;
            }
          }
        }
        """));
    Compilation compilation = compile(sources.toArray(JavaFileObject[]::new));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "com.acme.Outer_MemberChatIdentity"))
        .contains("import java.lang.String;");
    assertThat(ChatIdentities.profileOf(
            newModel(compilation, "com.acme.Outer$Member", "grace@example.com", "Grace Hopper")))
        .isEqualTo(ChatProfile.of("grace@example.com", "Grace Hopper"));
  }

  @Test
  void modelsAndOuterClassesNamedLikeTheTypesTheAccessorUsesAreReadThroughQualifiedNames()
      throws Exception {
    List<String> models = List.of("String", "Class", "Override", "Object", "Generated",
        "ChatIdentityAccessor", "ChatProfile");
    JavaFileObject[] sources = models.stream()
        .map(name -> source("com.acme." + name, IMPORTS
            + "public record " + name + "(@ChatEmail java.lang.String email) {\n"
            + "  public record Member(@ChatEmail java.lang.String email) {}\n"
            + "}\n"))
        .toArray(JavaFileObject[]::new);
    Compilation compilation = compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "com.acme.StringChatIdentity"))
        .contains("public static java.lang.String email(String model)");
    assertThat(generated(compilation, "com.acme.Override_MemberChatIdentity"))
        .contains("@java.lang.Override");
    for (String name : models) {
      assertThat(ChatIdentities.profileOf(newModel(compilation, "com.acme." + name, name + "@example.com")))
          .isEqualTo(ChatProfile.of(name + "@example.com", null));
      assertThat(ChatIdentities.profileOf(
              newModel(compilation, "com.acme." + name + "$Member", "member@example.com")))
          .isEqualTo(ChatProfile.of("member@example.com", null));
    }
  }

  @Test
  void subclassNamedLikeItsSuperclassDelegatesToTheSuperclassAccessorByItsQualifiedName()
      throws Exception {
    List<JavaFileObject> sources = new ArrayList<>(classesNamed("com.acme.admin", NAMES));
    sources.add(source("com.acme.User", IMPORTS + """
        public class User {
          @ChatEmail protected final String email;

          protected User(String email) {
            this.email = email;
          }
        }
        """));
    sources.add(source("com.acme.admin.User", IMPORTS + """
        public class User extends com.acme.User {
          @ChatName public final java.lang.String name;

          User(java.lang.String email, java.lang.String name) {
            super(email);
            this.name = name;
          }
        }
        """));
    Compilation compilation = compile(sources.toArray(JavaFileObject[]::new));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "com.acme.admin.UserChatIdentity"))
        .contains("return com.acme.UserChatIdentity.email(model);");
    assertThat(ChatIdentities.profileOf(
            newModel(compilation, "com.acme.admin.User", "root@example.com", "Root")))
        .isEqualTo(ChatProfile.of("root@example.com", "Root"));
  }

  @Test
  void genericModelsWhoseTypeVariablesAreNamedLikeTypesAreReadThroughWildcards()
      throws Exception {
    List<JavaFileObject> sources = new ArrayList<>(classesNamed("com.acme", NAMES));
    sources.add(source("com.acme.Box", IMPORTS + """
        public class Box<String, Class extends Comparable<Class>> {
          @ChatEmail public final java.lang.String email;
          String content;

          Box(java.lang.String email) {
            this.email = email;
          }

          public class Label {
            @ChatEmail public final java.lang.String email;

            Label(java.lang.String email) {
              this.email = email;
            }
          }
        }
        """));
    Compilation compilation = compile(sources.toArray(JavaFileObject[]::new));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "com.acme.Box_LabelChatIdentity"))
        .contains("implements ChatIdentityAccessor<Box<?, ?>.Label>");
    Object box = newModel(compilation, "com.acme.Box", "box@example.com");
    Class<?> label = Class.forName("com.acme.Box$Label", true, box.getClass().getClassLoader());
    assertThat(ChatIdentities.profileOf(box)).isEqualTo(ChatProfile.of("box@example.com", null));
    assertThat(ChatIdentities.profileOf(newModel(label, box, "label@example.com")))
        .isEqualTo(ChatProfile.of("label@example.com", null));
  }

  @Test
  void dollarSignsInTheNamesOfModelsAndOuterClassesAreKept() throws Exception {
    Compilation compilation = compile(
        source("com.acme.User$Admin", IMPORTS + """
            public record User$Admin(@ChatEmail String email) {}
            """),
        source("com.acme.Out$er", IMPORTS + """
            public class Out$er {
              public record In$ner(@ChatEmail String email) {}
            }
            """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFile("com.acme.User$AdminChatIdentity")).isPresent();
    assertThat(compilation.generatedSourceFile("com.acme.Out$er_In$nerChatIdentity")).isPresent();
    assertThat(ChatIdentities.profileOf(newModel(compilation, "com.acme.User$Admin", "a@example.com")))
        .isEqualTo(ChatProfile.of("a@example.com", null));
    assertThat(ChatIdentities.profileOf(newModel(compilation, "com.acme.Out$er$In$ner", "b@example.com")))
        .isEqualTo(ChatProfile.of("b@example.com", null));
  }

  @Test
  void modelInTheUnnamedPackageNextToTypesNamedLikeTheAccessorsTypes() throws Exception {
    List<JavaFileObject> sources = new ArrayList<>(classesNamed("", NAMES));
    sources.add(source("Visitor", IMPORTS + """
        public record Visitor(@ChatEmail java.lang.String email, @ChatName java.lang.String name) {}
        """));
    Compilation compilation = compile(sources.toArray(JavaFileObject[]::new));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(ChatIdentities.profileOf(newModel(compilation, "Visitor", "v@example.com", "Visitor")))
        .isEqualTo(ChatProfile.of("v@example.com", "Visitor"));
  }

  /**
   * javac writes a generated file, and reads it back, in the {@code -encoding} of the build (the
   * platform's charset without one: US-ASCII in a container without a locale, on JDK 17). A name
   * outside ASCII written as such would turn into {@code ?} there. The sources are ASCII with
   * Unicode escapes, as a build in US-ASCII needs them; a real file manager, as compile-testing's
   * in-memory one ignores the encoding.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"US-ASCII", "ISO-8859-1", "UTF-8", "UTF-16"})
  void namesOutsideAsciiCompileAndAreReadWhateverTheSourceEncoding(
      String encoding, @TempDir Path dir) throws Exception {
    Charset charset = Charset.forName(encoding);
    Path source = dir.resolve("src/com/acme/Kund\u00e9.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, """
        package com.acme;

        import io.github.pylonchat.ChatEmail;
        import io.github.pylonchat.ChatName;

        public record Kund\\u00e9(@ChatEmail String adresse\\u00c9lectronique,
            @ChatName String \\ud835\\udc9cnzeigename) {}
        """, charset);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path generated = Files.createDirectories(dir.resolve("generated"));
    String runtime = Path.of(ChatEmail.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, charset)) {
      JavaCompiler.CompilationTask task = compiler.getTask(diagnostics, files, null,
          List.of("-encoding", encoding, "-Xlint:all,-processing", "-Werror", "-classpath", runtime,
              "-d", classes.toString(), "-s", generated.toString()),
          null, files.getJavaFileObjects(source));
      task.setProcessors(List.of(new ChatIdentityProcessor()));
      assertThat(task.call()).isTrue();
    }
    assertThat(diagnostics.toString()).isEmpty();

    String accessor = Files.readString(generated.resolve("com/acme/Kund\u00e9ChatIdentity.java"), charset);
    assertThat(accessor.chars().filter(c -> c >= 0x80).count()).isEqualTo(0);
    assertThat(accessor).contains("public final class Kund\\u00e9ChatIdentity");
    assertThat(accessor).contains("return model.\\ud835\\udc9cnzeigename();");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        DeclaredNamesTest.class.getClassLoader())) {
      Object kunde = newModel(Class.forName("com.acme.Kund\u00e9", true, loader),
          "kunde@example.com", "Anna");
      assertThat(ChatIdentities.profileOf(kunde)).isEqualTo(ChatProfile.of("kunde@example.com", "Anna"));
    }
    try (Stream<Path> written = Files.walk(classes)) {
      assertThat(written.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class"))
          .collect(Collectors.toList()))
          .containsExactly("Kund\u00e9.class", "Kund\u00e9ChatIdentity.class");
    }
  }
}
