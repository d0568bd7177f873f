package io.github.pylonchat.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.github.pylonchat.processor.Sources.compile;
import static io.github.pylonchat.processor.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Every misuse of the annotations is a compile error on the annotation, with its id and fix. */
class CompileErrorTest {
  private static final String IMPORTS = """
      import io.github.pylonchat.*;

      """;

  private static JavaFileObject user(String body) {
    return source("com.acme.User", IMPORTS + "public class User {\n" + body + "\n}\n");
  }

  private static void assertError(JavaFileObject source, String message, String line) {
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void fieldOfAnotherTypeIsAnError() {
    assertError(user("@ChatEmail int email;"),
        "[ChatNotString] @ChatEmail field email must be a String, but is int; change its type to"
            + " String",
        "@ChatEmail int email");
  }

  @Test
  void recordComponentOfAnotherTypeIsAnError() {
    JavaFileObject member = source("com.acme.Member", IMPORTS + """
        public record Member(@ChatEmail String email, @ChatAccountId long id) {}
        """);
    assertError(member,
        "[ChatNotString] @ChatAccountId record component id must be a String, but is long; change"
            + " its type to String",
        "@ChatAccountId long id");
  }

  @Test
  void methodReturningAnotherTypeIsAnError() {
    assertError(user("""
          @ChatEmail String email;
          @ChatName Object getName() { return "Ada"; }
        """),
        "[ChatReturnNotString] @ChatName method getName() must return String, but returns"
            + " java.lang.Object; change its return type to String",
        "Object getName()");
  }

  @Test
  void voidMethodIsAnError() {
    assertError(user("@ChatEmail void sendEmail() {}"),
        "[ChatVoidMethod] @ChatEmail method sendEmail() must return a String, but is void;"
            + " annotate the getter that returns the value",
        "void sendEmail()");
  }

  @Test
  void methodWithParametersIsAnError() {
    assertError(user("""
          @ChatEmail String email;
          @ChatName String name(java.util.Locale locale) { return "Ada"; }
        """),
        "[ChatMethodParameters] @ChatName method name(java.util.Locale) must not have parameters;"
            + " annotate a getter without parameters instead",
        "String name(java.util.Locale locale)");
  }

  @Test
  void methodThrowingCheckedExceptionIsAnError() {
    assertError(user("""
          @ChatEmail String email() throws java.io.IOException { return "a@b.c"; }
        """),
        "[ChatMethodThrows] @ChatEmail method email() must not throw checked exceptions, but"
            + " declares java.io.IOException; catch them inside the method",
        "String email() throws");
  }

  @Test
  void methodThrowingUncheckedExceptionIsRead() {
    assertThat(compile(user("""
          @ChatEmail String email() throws IllegalStateException { return "a@b.c"; }
        """))).succeededWithoutWarnings();
  }

  @Test
  void staticFieldIsAnError() {
    assertError(user("@ChatEmail static String EMAIL = \"a@b.c\";"),
        "[ChatStatic] @ChatEmail field EMAIL must not be static: it is read from each user object;"
            + " annotate an instance field or method instead",
        "static String EMAIL");
  }

  @Test
  void staticMethodIsAnError() {
    assertError(user("""
          @ChatEmail String email;
          @ChatName static String name() { return "Ada"; }
        """),
        "[ChatStatic] @ChatName method name() must not be static",
        "static String name()");
  }

  @Test
  void privateFieldWithoutGetterIsAnError() {
    assertError(user("@ChatEmail private String email;"),
        "[ChatPrivateField] @ChatEmail field email must not be private; add a getter getEmail() or"
            + " make the field package-private",
        "private String email");
  }

  @Test
  void privateFieldOfLombokAnnotatedClassSaysToRunLombokFirst() {
    JavaFileObject getter = source("lombok.Getter", """
        public @interface Getter {}
        """);
    JavaFileObject user = source("com.acme.User", IMPORTS + """
        @lombok.Getter
        public class User {
          @ChatEmail private String email;
        }
        """);
    Compilation compilation = compile(getter, user);
    assertThat(compilation)
        .hadErrorContaining("[ChatPrivateField] @ChatEmail field email must not be private; add a"
            + " getter getEmail() or make the field package-private; if Lombok generates the"
            + " getter, list lombok before pylon-chat-processor in annotationProcessorPaths")
        .inFile(user)
        .onLineContaining("private String email");
  }

  @Test
  void privateFieldWithPrivateGetterIsAnError() {
    assertError(user("""
          @ChatEmail private String email;
          private String getEmail() { return email; }
        """),
        "[ChatPrivateGetter] @ChatEmail field email is private and is read through its getter"
            + " getEmail(), which must not be private; make getEmail() package-private or public"
            + " (a private getter is never passed over for another method, which may return"
            + " something else)",
        "@ChatEmail private String email");
  }

  @Test
  void privateGetPrefixedGetterIsAnErrorEvenWhenAVisibleRecordStyleGetterExists() {
    assertError(user("""
          @ChatEmail private String email;
          private String getEmail() { return email; }
          public String email() { return "support@example.com"; }
        """),
        "[ChatPrivateGetter] @ChatEmail field email is private and is read through its getter"
            + " getEmail(), which must not be private; make getEmail() package-private or public",
        "@ChatEmail private String email");
  }

  @Test
  void privateRecordStyleGetterIsAnErrorWhenThereIsNoGetPrefixedOne() {
    assertError(user("""
          @ChatEmail private String email;
          private String email() { return email; }
        """),
        "[ChatPrivateGetter] @ChatEmail field email is private and is read through its getter"
            + " email(), which must not be private; make email() package-private or public",
        "@ChatEmail private String email");
  }

  @Test
  void privateFieldWhoseGetterThrowsCheckedExceptionIsAnError() {
    assertError(user("""
          @ChatEmail private String email;
          public String getEmail() throws Exception { return email; }
        """),
        "[ChatMethodThrows] @ChatEmail method getEmail() must not throw checked exceptions, but"
            + " declares java.lang.Exception",
        "@ChatEmail private String email");
  }

  @Test
  void privateMethodIsAnErrorPointingAtTheAnnotation() {
    assertError(user("""
          @ChatEmail
          private String email() { return "a@b.c"; }
        """),
        "[ChatPrivateMethod] @ChatEmail method email() must not be private; make it"
            + " package-private or public",
        "@ChatEmail");
  }

  @Test
  void memberOfPrivateClassIsAnError() {
    assertError(user("""
          private static class Hidden {
            @ChatEmail String email;
          }
        """),
        "[ChatPrivateType] @ChatEmail must not be used in the private class User.Hidden: the"
            + " generated User_HiddenChatIdentity could not reach it; make User.Hidden"
            + " package-private or public",
        "@ChatEmail String email");
  }

  @Test
  void memberOfClassNestedInPrivateClassIsAnError() {
    assertError(user("""
          private static class Hidden {
            static class Deeper {
              @ChatEmail String email;
            }
          }
        """),
        "[ChatPrivateType] @ChatEmail must not be used in the private class User.Hidden: the"
            + " generated User_Hidden_DeeperChatIdentity could not reach it",
        "@ChatEmail String email");
  }

  @Test
  void memberOfLocalClassIsAnError() {
    JavaFileObject source = user("""
          @ChatEmail String email;

          Object guest() {
            class Guest {
              @ChatEmail String guestEmail;
            }
            return new Guest();
          }
        """);
    assertError(source,
        "[ChatLocalType] @ChatEmail must not be used in a local or anonymous class: no accessor can"
            + " be generated for it; move the class out of the method body to a top-level or"
            + " member class",
        "@ChatEmail String guestEmail");
  }

  @Test
  void memberOfAnonymousClassIsAnError() {
    JavaFileObject source = user("""
          @ChatEmail String email;

          Object guest() {
            return new Object() {
              @ChatName String guestName() { return "Guest"; }
            };
          }
        """);
    assertError(source, "[ChatLocalType] @ChatName must not be used in a local or anonymous class",
        "@ChatName String guestName()");
  }

  @Test
  void localRecordComponentIsReportedOnce() {
    JavaFileObject source = user("""
          @ChatEmail String email;

          Object guest() {
            record Guest(@ChatEmail String email) {}
            return new Guest("guest@example.com");
          }
        """);
    assertError(source, "[ChatLocalType] @ChatEmail must not be used in a local or anonymous class",
        "record Guest(@ChatEmail String email)");
  }

  @Test
  void memberOfClassNestedInALocalClassOrOfAnEnumConstantBodyIsAnError() {
    JavaFileObject source = user("""
          @ChatEmail String email;

          enum Kind {
            GUEST {
              @ChatName String label() { return "Guest"; }
            }
          }

          static Object guest() {
            class Guest {
              class Badge {
                @ChatAvatarUrl String picture;
              }
            }
            return new Guest();
          }
        """);
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining("[ChatLocalType] @ChatName").inFile(source)
        .onLineContaining("@ChatName String label()");
    assertThat(compilation).hadErrorContaining("[ChatLocalType] @ChatAvatarUrl").inFile(source)
        .onLineContaining("@ChatAvatarUrl String picture");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void fullyQualifiedAnnotationInLocalClassOfFileWithoutImportsIsAnError() {
    JavaFileObject source = source("com.acme.Shop", """
        public class Shop {
          Object guest() {
            class Guest {
              @io.github.pylonchat.ChatEmail String email;
            }
            return new Guest();
          }
        }
        """);
    assertError(source, "[ChatLocalType] @ChatEmail must not be used in a local or anonymous class",
        "@io.github.pylonchat.ChatEmail String email");
  }

  @Test
  void annotationSpelledWithUnicodeEscapesInLocalClassIsAnError() {
    // javac reads the unicode escape as C: the file never spells the name, yet uses it
    JavaFileObject source = source("com.acme.Shop", """
        public class Shop {
          Object guest() {
            return new Object() {
              @io.github.pylonchat.\\u0043hatEmail String email;
            };
          }
        }
        """);
    assertError(source, "[ChatLocalType] @ChatEmail must not be used in a local or anonymous class",
        "hatEmail String email");
  }

  @Test
  void twoEmailsInOneTypeAreAnError() {
    assertError(user("""
          @ChatEmail String email;
          @ChatEmail String workEmail;
        """),
        "[ChatEmailTwice] @ChatEmail must appear once in a type hierarchy, but User has it on both"
            + " email and workEmail; remove one of them",
        "@ChatEmail String workEmail");
  }

  @Test
  void twoEmailsOneOfThemAPrivateFieldWithoutGetterAreOnlyTheEmailTwiceError() {
    // not also [ChatPrivateField], whose "add a getter" would be the wrong fix: one must go
    assertError(user("""
          @ChatEmail private String email;
          @ChatEmail String workEmail;
        """),
        "[ChatEmailTwice] @ChatEmail must appear once in a type hierarchy, but User has it on both"
            + " email and workEmail; remove one of them",
        "@ChatEmail String workEmail");
  }

  @Test
  void privateFieldRepeatingAnInheritedEmailIsOnlyTheEmailTwiceError() {
    JavaFileObject base = source("com.acme.Base", IMPORTS + """
        public class Base {
          @ChatEmail public String email;
        }
        """);
    JavaFileObject user = source("com.acme.User", IMPORTS + """
        public class User extends Base {
          @ChatEmail private int login;
        }
        """);
    Compilation compilation = compile(base, user);
    assertThat(compilation).hadErrorContaining("[ChatEmailTwice] @ChatEmail must appear once in a"
        + " type hierarchy, but User has it on both login and Base.email; remove one of them")
        .inFile(user).onLineContaining("private int login");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void sameCompanionTwiceOneOfThemUnreadableIsOnlyTheCompanionTwiceError() {
    assertError(user("""
          @ChatEmail String email;
          @ChatName String name;
          @ChatName private String nickname;
        """),
        "[ChatCompanionTwice] @ChatName must appear once per type, but User has it on both name"
            + " and nickname; remove one of them",
        "@ChatName private String nickname");
  }

  @Test
  void emailDeclaredAgainInSubclassIsAnError() {
    JavaFileObject base = source("com.acme.Base", IMPORTS + """
        public class Base {
          @ChatEmail public String getEmail() { return "a@b.c"; }
        }
        """);
    JavaFileObject user = source("com.acme.User", IMPORTS + """
        public class User extends Base {
          @ChatEmail public String getEmail() { return "user@b.c"; }
        }
        """);
    Compilation compilation = compile(base, user);
    assertThat(compilation)
        .hadErrorContaining("[ChatEmailTwice] @ChatEmail must appear once in a type hierarchy, but"
            + " User has it on both getEmail() and Base.getEmail(); remove one of them")
        .inFile(user)
        .onLineContaining("@ChatEmail");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void emailsInheritedFromSuperclassAndInterfaceAreAnError() {
    JavaFileObject base = source("com.acme.Base", IMPORTS + """
        public class Base {
          @ChatEmail public String email;
        }
        """);
    JavaFileObject contact = source("com.acme.Contact", IMPORTS + """
        public interface Contact {
          @ChatEmail String contactEmail();
        }
        """);
    JavaFileObject user = source("com.acme.User", IMPORTS + """
        public class User extends Base implements Contact {
          public String contactEmail() { return "c@b.c"; }
          @ChatName public String name;
        }
        """);
    Compilation compilation = compile(base, contact, user);
    assertThat(compilation)
        .hadErrorContaining("[ChatEmailTwice] @ChatEmail must appear once in a type hierarchy, but"
            + " User has it on both Base.email and Contact.contactEmail(); remove one of them")
        .inFile(user)
        .onLineContaining("@ChatName");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void sameCompanionTwiceInOneTypeIsAnError() {
    assertError(user("""
          @ChatEmail String email;
          @ChatName String name;
          @ChatName String nickname;
        """),
        "[ChatCompanionTwice] @ChatName must appear once per type, but User has it on both name"
            + " and nickname; remove one of them",
        "@ChatName String nickname");
  }

  @Test
  void companionWithoutEmailInTheHierarchyIsAnError() {
    assertError(user("@ChatAvatarUrl String avatar;"),
        "[ChatEmailMissing] @ChatAvatarUrl needs a @ChatEmail in User or one of its supertypes;"
            + " annotate the member that holds the user's email with @ChatEmail",
        "@ChatAvatarUrl String avatar");
  }

  @Test
  void contactExternalIdFollowsTheRulesOfTheOtherCompanions() {
    JavaFileObject member = source("com.acme.Member", IMPORTS + """
        public class Member {
          @ChatEmail String email;
          @ChatContactExternalId String userId;
          @ChatContactExternalId String legacyId;
        }
        """);
    Compilation compilation = compile(user("@ChatContactExternalId long userId;"), member);
    assertThat(compilation).hadErrorContaining("[ChatNotString] @ChatContactExternalId field userId"
        + " must be a String, but is long").inFile(compilation.sourceFiles().get(0))
        .onLineContaining("long userId");
    assertThat(compilation).hadErrorContaining("[ChatEmailMissing] @ChatContactExternalId needs a"
        + " @ChatEmail in User").inFile(compilation.sourceFiles().get(0))
        .onLineContaining("long userId");
    assertThat(compilation).hadErrorContaining("[ChatCompanionTwice] @ChatContactExternalId must"
        + " appear once per type, but Member has it on both userId and legacyId")
        .inFile(member).onLineContaining("String legacyId");
    assertThat(compilation).hadErrorCount(3);
  }

  @Test
  void everyErrorOfACompilationIsReported() {
    JavaFileObject first = user("""
          @ChatEmail private String email;
          @ChatName int name;
        """);
    JavaFileObject second = source("com.acme.Member", IMPORTS + """
        public record Member(@ChatEmail Integer email) {}
        """);
    Compilation compilation = compile(first, second);
    assertThat(compilation).hadErrorContaining("[ChatPrivateField]").inFile(first)
        .onLineContaining("private String email");
    assertThat(compilation).hadErrorContaining("[ChatNotString] @ChatName field name")
        .inFile(first).onLineContaining("int name");
    assertThat(compilation).hadErrorContaining("[ChatNotString] @ChatEmail record component email")
        .inFile(second).onLineContaining("Integer email");
    assertThat(compilation).hadErrorCount(3);
  }

  @Test
  void typeThatStaysUnresolvedIsReportedInTheLastRound() {
    JavaFileObject source = user("""
          @ChatEmail String email;
          @ChatName NotGeneratedName name;
        """);
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("[ChatUnresolvedType] com.acme.UserChatIdentity was not generated"
            + " because NotGeneratedName could not be resolved; make sure it is on the classpath or"
            + " generated by an annotation processor")
        .inFile(source)
        .onLineContaining("@ChatEmail String email");
    assertThat(compilation).hadErrorContaining("cannot find symbol");
  }

  @Test
  void twoTypesWithTheSameAccessorNameAreAnError() {
    JavaFileObject outer = source("com.acme.Outer", IMPORTS + """
        public class Outer {
          public static class Inner {
            @ChatEmail String email;
          }
        }
        """);
    JavaFileObject sameName = source("com.acme.Outer_Inner", IMPORTS + """
        public class Outer_Inner {
          @ChatEmail String email;
        }
        """);
    Compilation compilation = compile(outer, sameName);
    assertThat(compilation)
        .hadErrorContaining("[ChatAccessorNotWritten] could not write"
            + " com.acme.Outer_InnerChatIdentity")
        .inFile(sameName)
        .onLineContaining("class Outer_Inner");
    assertThat(compilation).hadErrorCount(1);
  }
}
