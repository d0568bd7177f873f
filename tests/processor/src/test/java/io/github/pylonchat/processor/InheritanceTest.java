package io.github.pylonchat.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static io.github.pylonchat.processor.Sources.compile;
import static io.github.pylonchat.processor.Sources.generated;
import static io.github.pylonchat.processor.Sources.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.github.pylonchat.ChatEmail;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accessors of types that inherit annotated members. */
class InheritanceTest {
  private static final String IMPORTS = """
      import io.github.pylonchat.*;

      """;

  private static final JavaFileObject USER = source("com.acme.User", IMPORTS + """
      public class User {
        @ChatEmail private String email;
        @ChatName public String name;

        public String getEmail() {
          return email;
        }
      }
      """);

  @Test
  void unannotatedSubclassGetsNoAccessorOfItsOwn() {
    Compilation compilation = compile(USER, source("com.acme.Guest", """
        public class Guest extends User {}
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFile("com.acme.GuestChatIdentity")).isEmpty();
    assertThat(compilation.generatedSourceFile("com.acme.UserChatIdentity")).isPresent();
  }

  @Test
  void subclassCompanionOverridesTheInheritedOne() {
    Compilation compilation = compile(USER, source("com.acme.Admin", IMPORTS + """
        public class Admin extends User {
          @ChatName String title;
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    String accessor = generated(compilation, "com.acme.AdminChatIdentity");
    assertThat(accessor).contains("return UserChatIdentity.email(model);");
    assertThat(accessor).contains("return model.title;");
  }

  @Test
  void implementationAddingCompanionDelegatesToTheInterfaceAccessor() {
    Compilation compilation = compile(
        source("com.acme.HasEmail", IMPORTS + """
            public interface HasEmail {
              @ChatEmail String getEmail();
            }
            """),
        source("com.acme.Customer", IMPORTS + """
            public class Customer implements HasEmail {
              @ChatAccountId String customerNumber;

              public String getEmail() {
                return "c@example.com";
              }
            }
            """));
    assertThat(compilation).succeededWithoutWarnings();
    String accessor = generated(compilation, "com.acme.CustomerChatIdentity");
    assertThat(accessor).contains("return HasEmailChatIdentity.email(model);");
    assertThat(accessor).contains("return model.customerNumber;");
  }

  @Test
  void inheritedCompanionComesFromTheSuperclassBeforeInterfaces() {
    Compilation compilation = compile(
        source("com.acme.HasEmail", IMPORTS + """
            public interface HasEmail {
              @ChatEmail String getEmail();
            }
            """),
        source("com.acme.Named", IMPORTS + """
            public interface Named extends HasEmail {
              @ChatName String nickname();
            }
            """),
        source("com.acme.Person", IMPORTS + """
            public abstract class Person implements HasEmail {
              @ChatName public String fullName() {
                return "Ada Lovelace";
              }
            }
            """),
        source("com.acme.Employee", IMPORTS + """
            public abstract class Employee extends Person implements Named {
              @ChatAvatarUrl public String photo;
            }
            """));
    assertThat(compilation).succeededWithoutWarnings();
    String accessor = generated(compilation, "com.acme.EmployeeChatIdentity");
    assertThat(accessor).contains("return PersonChatIdentity.name(model);");
    assertThat(accessor).contains("return HasEmailChatIdentity.email(model);");
  }

  private static final JavaFileObject CONTACT = source("com.acme.Contact", IMPORTS + """
      public interface Contact {
        @ChatEmail String contactEmail();
      }
      """);

  private static void assertEmailTwice(Compilation compilation, JavaFileObject source,
      String message, String line) {
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void unannotatedSubclassInheritingAnEmailFromItsSuperclassAndAnInterfaceIsAnError() {
    JavaFileObject member = source("com.acme.Member", """
        public class Member extends User implements Contact {
          public String contactEmail() {
            return "work@example.com";
          }
        }
        """);
    assertEmailTwice(compile(USER, CONTACT, member), member,
        "[ChatEmailTwice] @ChatEmail must appear once in a type hierarchy, but Member has it on"
            + " both User.email and Contact.contactEmail(); remove one of them",
        "public class Member extends User implements Contact");
  }

  @Test
  void unannotatedTypeInheritingAnEmailFromTwoInterfacesIsAnError() {
    JavaFileObject both = source("com.acme.Directory", """
        public class Directory {
          public interface Person extends Contact, HasEmail {}
        }
        """);
    assertEmailTwice(compile(CONTACT, source("com.acme.HasEmail", IMPORTS + """
            public interface HasEmail {
              @ChatEmail String getEmail();
            }
            """), both), both,
        "[ChatEmailTwice] @ChatEmail must appear once in a type hierarchy, but Directory.Person"
            + " has it on both Contact.contactEmail() and HasEmail.getEmail()",
        "public interface Person extends Contact, HasEmail");
  }

  @Test
  void unannotatedTypeInheritingTwoEmailsFromDeeperSupertypesIsAnError() {
    JavaFileObject member = source("com.acme.Member", """
        public abstract class Member extends Staff implements Partner {}
        """);
    assertEmailTwice(compile(USER, CONTACT, member,
            source("com.acme.Staff", "public class Staff extends User {}"),
            source("com.acme.Partner", "public interface Partner extends Contact {}")),
        member, "but Member has it on both User.email and Contact.contactEmail()",
        "public abstract class Member");
  }

  @Test
  void emailReachedThroughTwoPathsIsOneEmail() {
    Compilation compilation = compile(CONTACT,
        source("com.acme.Person", IMPORTS + """
            public abstract class Person implements Contact {
              @ChatName public String name;
            }
            """),
        source("com.acme.Member", """
            public abstract class Member extends Person implements Contact {}
            """));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void invalidSuperclassIsReportedOnlyOnTheSuperclass() {
    JavaFileObject base = source("com.acme.Base", IMPORTS + """
        public class Base {
          @ChatEmail private String email;
        }
        """);
    Compilation compilation = compile(base, source("com.acme.Admin", IMPORTS + """
        public class Admin extends Base {
          @ChatName String title;
        }
        """));
    assertThat(compilation).hadErrorContaining("[ChatPrivateField]").inFile(base)
        .onLineContaining("@ChatEmail");
    // no second error from an Admin accessor that would refer to the missing BaseChatIdentity
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void superclassFromTheClasspathIsReadThroughItsCompiledAccessor(@TempDir Path classes)
      throws IOException, URISyntaxException {
    compileToDirectory(javac().withProcessors(new ChatIdentityProcessor()), classes);
    Compilation compilation = javac().withProcessors(new ChatIdentityProcessor())
        .withClasspath(classpath(classes))
        .compile(source("com.acme.admin.Admin", IMPORTS + """
            public class Admin extends com.acme.User {
              @ChatAvatarUrl String avatar;
            }
            """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "com.acme.admin.AdminChatIdentity"))
        .contains("return UserChatIdentity.email(model);");
  }

  @Test
  void superclassFromTheClasspathCompiledWithoutTheProcessorIsAnError(@TempDir Path classes)
      throws IOException, URISyntaxException {
    compileToDirectory(javac(), classes);
    JavaFileObject admin = source("com.acme.admin.Admin", IMPORTS + """
        public class Admin extends com.acme.User {
          @ChatAvatarUrl String avatar;
        }
        """);
    Compilation compilation = javac().withProcessors(new ChatIdentityProcessor())
        .withClasspath(classpath(classes))
        .compile(admin);
    assertThat(compilation)
        .hadErrorContaining("[ChatSupertypeNotGenerated] Admin inherits @ChatEmail from"
            + " com.acme.User, but com.acme.UserChatIdentity does not exist; compile com.acme.User"
            + " with pylon-chat-processor on the annotationProcessorPaths")
        .inFile(admin)
        .onLineContaining("@ChatAvatarUrl");
    // @ChatName is inherited from the same User: one error for both
    assertThat(compilation).hadErrorCount(1);
  }

  /** Compiles {@link #USER} and writes its class files (with the accessor, if any) to dir. */
  private static void compileToDirectory(Compiler compiler, Path dir) throws IOException {
    Compilation compilation = compiler.compile(USER);
    assertThat(compilation).succeeded();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        String path = file.toUri().getPath();
        Path target = dir.resolve(path.substring(path.indexOf("CLASS_OUTPUT/") + 13));
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.copy(in, target);
        }
      }
    }
  }

  private static List<File> classpath(Path classes) throws URISyntaxException {
    File runtime = new File(
        ChatEmail.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return List.of(classes.toFile(), runtime);
  }
}
