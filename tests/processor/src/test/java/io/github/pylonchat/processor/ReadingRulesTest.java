package io.github.pylonchat.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.github.pylonchat.processor.Sources.compile;
import static io.github.pylonchat.processor.Sources.generated;
import static io.github.pylonchat.processor.Sources.source;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** How the generated accessor reads each kind of member. */
class ReadingRulesTest {
  private static String accessorOf(String userBody) {
    Compilation compilation = compile(source("com.acme.User", """
        import io.github.pylonchat.*;

        public class User {
        """ + userBody + "\n}\n"));
    assertThat(compilation).succeededWithoutWarnings();
    return generated(compilation, "com.acme.UserChatIdentity");
  }

  @Test
  void privateFieldIsReadThroughRecordStyleGetter() {
    assertThat(accessorOf("""
          @ChatEmail private String email;
          String email() { return email; }
        """)).contains("return model.email();");
  }

  @Test
  void privateFieldPrefersGetPrefixedGetter() {
    assertThat(accessorOf("""
          @ChatEmail private String email;
          String email() { return "other"; }
          protected String getEmail() { return email; }
        """)).contains("return model.getEmail();");
  }

  @Test
  void getterReturningAnotherTypeIsNotUsedForAPrivateField() {
    Compilation compilation = compile(source("com.acme.User", """
        import io.github.pylonchat.*;

        public class User {
          @ChatEmail private String email;
          public Object getEmail() { return email; }
        }
        """));
    assertThat(compilation).hadErrorContaining("[ChatPrivateField] @ChatEmail field email must not"
        + " be private; add a getter getEmail() or make the field package-private");
  }

  @Test
  void protectedAndPackagePrivateMembersAreReadFromTheSamePackage() {
    String accessor = accessorOf("""
          @ChatEmail protected String email;
          @ChatName String name() { return "Ada"; }
        """);
    assertThat(accessor).contains("return model.email;");
    assertThat(accessor).contains("return model.name();");
  }

  @Test
  void innerClassOfGenericClassIsReadThroughWildcardOuterType() {
    Compilation compilation = compile(source("com.acme.Team", """
        import io.github.pylonchat.*;

        public class Team<T> {
          public class Member {
            @ChatEmail public String email;
          }
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    String accessor = generated(compilation, "com.acme.Team_MemberChatIdentity");
    assertThat(accessor).contains(
        "public final class Team_MemberChatIdentity implements ChatIdentityAccessor<Team<?>.Member>");
    assertThat(accessor).contains("public static String email(Team<?>.Member model)");
  }

  @Test
  void enumConstantsAreReadLikeClasses() {
    Compilation compilation = compile(source("com.acme.SystemUser", """
        import io.github.pylonchat.*;

        public enum SystemUser {
          ROBOT("robot@example.com");

          @ChatEmail final String email;

          SystemUser(String email) {
            this.email = email;
          }
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "com.acme.SystemUserChatIdentity"))
        .contains("return model.email;");
  }

  @Test
  void modelNamedLikeATypeTheAccessorUsesIsNotShadowedByAnImport() {
    Compilation compilation = compile(source("com.acme.ChatProfile", """
        public record ChatProfile(@io.github.pylonchat.ChatEmail String email) {}
        """), source("com.acme.Generated", """
        public record Generated(@io.github.pylonchat.ChatEmail String email) {}
        """));
    assertThat(compilation).succeededWithoutWarnings();
    String profile = generated(compilation, "com.acme.ChatProfileChatIdentity");
    assertThat(profile).contains("implements ChatIdentityAccessor<ChatProfile>");
    assertThat(profile).contains("public io.github.pylonchat.ChatProfile profile(ChatProfile model)");
    assertThat(profile).doesNotContain("import io.github.pylonchat.ChatProfile;");
    assertThat(generated(compilation, "com.acme.GeneratedChatIdentity"))
        .contains("@javax.annotation.processing.Generated(");
  }

  @Test
  void modelInTheUnnamedPackageGetsAnAccessorThere() {
    Compilation compilation = compile(source("Visitor", """
        public record Visitor(@io.github.pylonchat.ChatEmail String email) {}
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generated(compilation, "VisitorChatIdentity"))
        .startsWith("import io.github.pylonchat.ChatIdentityAccessor;");
  }
}
