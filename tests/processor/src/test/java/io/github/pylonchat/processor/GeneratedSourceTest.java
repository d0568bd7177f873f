package io.github.pylonchat.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.github.pylonchat.processor.Sources.compile;
import static io.github.pylonchat.processor.Sources.generated;
import static io.github.pylonchat.processor.Sources.golden;
import static io.github.pylonchat.processor.Sources.source;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** The generated accessors, compared as text with the golden files in src/test/resources. */
class GeneratedSourceTest {
  private static final String IMPORTS = """
      import io.github.pylonchat.*;

      """;

  private static void assertGenerates(Compilation compilation, String accessor) {
    assertThat(compilation).succeededWithoutWarnings();
    String simpleName = accessor.substring(accessor.lastIndexOf('.') + 1);
    assertThat(generated(compilation, accessor)).isEqualTo(golden(simpleName + ".java"));
  }

  @Test
  void classReadsPrivateFieldThroughGetterCallsAnnotatedMethodAndReadsVisibleField() {
    assertGenerates(compile(source("com.acme.User", IMPORTS + """
        public class User {
          @ChatEmail private String email;
          @ChatAvatarUrl public String avatarUrl;
          @ChatAccountId String tenant;

          public String getEmail() {
            return email;
          }

          @ChatName
          public String getDisplayName() {
            return "Ada Lovelace";
          }
        }
        """)), "com.acme.UserChatIdentity");
  }

  @Test
  void recordReadsComponentsThroughTheirAccessors() {
    assertGenerates(compile(source("com.acme.Member", IMPORTS + """
        public record Member(@ChatEmail String email, @ChatName String name,
            @ChatAccountExternalId String crmId, @ChatContactExternalId String userId) {}
        """)), "com.acme.MemberChatIdentity");
  }

  @Test
  void interfaceCallsItsAbstractGetters() {
    assertGenerates(compile(source("com.acme.AccountHolder", IMPORTS + """
        public interface AccountHolder {
          @ChatEmail String getEmail();

          @ChatName String fullName();

          @ChatAvatarUrl
          default String avatar() {
            return null;
          }
        }
        """)), "com.acme.AccountHolderChatIdentity");
  }

  @Test
  void nestedClassGetsOuterUnderscoreInnerName() {
    assertGenerates(compile(source("com.acme.Company", IMPORTS + """
        public class Company {
          public static class Employee {
            @ChatEmail String email;
            @ChatName String name;
          }
        }
        """)), "com.acme.Company_EmployeeChatIdentity");
  }

  @Test
  void genericClassIsReadThroughItsWildcardType() {
    assertGenerates(compile(source("com.acme.Account", IMPORTS + """
        public class Account<T extends Comparable<T>> {
          private T id;
          private String email;

          @ChatEmail
          public String email() {
            return email;
          }

          @ChatAccountId
          public String accountId() {
            return String.valueOf(id);
          }
        }
        """)), "com.acme.AccountChatIdentity");
  }

  @Test
  void subclassAddingCompanionDelegatesInheritedPropertiesToTheSuperclassAccessor() {
    Compilation compilation = compile(
        source("com.acme.User", IMPORTS + """
            public class User {
              @ChatEmail private String email;
              @ChatName String name;

              public String getEmail() {
                return email;
              }
            }
            """),
        source("com.acme.admin.Admin", IMPORTS + """
            public class Admin extends com.acme.User {
              @ChatAvatarUrl public String avatar;
            }
            """));
    assertGenerates(compilation, "com.acme.admin.AdminChatIdentity");
  }
}
