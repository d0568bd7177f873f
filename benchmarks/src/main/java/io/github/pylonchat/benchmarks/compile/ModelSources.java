package io.github.pylonchat.benchmarks.compile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes realistic annotated model classes (about 100 lines each: fields, constructor, getters
 * and setters, equals/hashCode/toString) for the compile-time benchmark. Three shapes take turns:
 * a class with a private {@code @ChatEmail} field read through its getter, a class with annotated
 * getters, and a record with annotated components. Spread over ten packages. Classes past the
 * annotated ones are the same models without the pylon-chat annotations, as in an app where only
 * the user models are annotated.
 */
public final class ModelSources {
  private ModelSources() {}

  /**
   * Writes {@code count} annotated model classes under {@code sourceRoot}.
   *
   * @return the written files
   */
  public static List<Path> write(Path sourceRoot, int count) throws IOException {
    return write(sourceRoot, count, count);
  }

  /**
   * Writes {@code count} model classes under {@code sourceRoot}, of which the first
   * {@code annotated} carry the pylon-chat annotations.
   *
   * @return the written files
   */
  public static List<Path> write(Path sourceRoot, int count, int annotated) throws IOException {
    List<Path> files = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String pkg = "com.example.shop.model.area" + (i % 10);
      String name = switch (i % 3) {
        case 0 -> "Customer" + i;
        case 1 -> "StaffMember" + i;
        default -> "TeamMember" + i;
      };
      String source = switch (i % 3) {
        case 0 -> classWithAnnotatedField(pkg, name);
        case 1 -> classWithAnnotatedGetters(pkg, name);
        default -> record(pkg, name);
      };
      if (i >= annotated) {
        source = source.replaceAll("import io\\.github\\.pylonchat\\.\\w+;\n", "").replaceAll("@Chat\\w+\\s+", "");
      }
      Path file = sourceRoot.resolve(pkg.replace('.', '/')).resolve(name + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source, StandardCharsets.UTF_8);
      files.add(file);
    }
    return files;
  }

  private static String classWithAnnotatedField(String pkg, String name) {
    return """
        package %1$s;

        import io.github.pylonchat.ChatEmail;
        import io.github.pylonchat.ChatName;
        import java.time.Instant;
        import java.util.LinkedHashSet;
        import java.util.Objects;
        import java.util.Set;

        /** A customer account of the shop. */
        public class %2$s {
          private final long id;
          private String firstName;
          private String lastName;
          @ChatEmail private String email;
          private String phone;
          private final Instant createdAt;
          private boolean active = true;
          private final Set<String> roles = new LinkedHashSet<>();

          public %2$s(long id, String firstName, String lastName, String email, Instant createdAt) {
            this.id = id;
            this.firstName = Objects.requireNonNull(firstName, "firstName");
            this.lastName = Objects.requireNonNull(lastName, "lastName");
            this.email = Objects.requireNonNull(email, "email");
            this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
          }

          public long getId() {
            return id;
          }

          public String getFirstName() {
            return firstName;
          }

          public void setFirstName(String firstName) {
            this.firstName = Objects.requireNonNull(firstName, "firstName");
          }

          public String getLastName() {
            return lastName;
          }

          public void setLastName(String lastName) {
            this.lastName = Objects.requireNonNull(lastName, "lastName");
          }

          @ChatName
          public String getFullName() {
            return firstName + " " + lastName;
          }

          public String getEmail() {
            return email;
          }

          public void setEmail(String email) {
            if (email == null || !email.contains("@")) {
              throw new IllegalArgumentException("not an email: " + email);
            }
            this.email = email;
          }

          public String getPhone() {
            return phone;
          }

          public void setPhone(String phone) {
            this.phone = phone;
          }

          public Instant getCreatedAt() {
            return createdAt;
          }

          public boolean isActive() {
            return active;
          }

          public void deactivate() {
            this.active = false;
            roles.clear();
          }

          public Set<String> getRoles() {
            return Set.copyOf(roles);
          }

          public boolean grant(String role) {
            return active && roles.add(role);
          }

          @Override
          public boolean equals(Object o) {
            if (this == o) {
              return true;
            }
            if (!(o instanceof %2$s)) {
              return false;
            }
            %2$s other = (%2$s) o;
            return id == other.id && email.equals(other.email);
          }

          @Override
          public int hashCode() {
            return Objects.hash(id, email);
          }

          @Override
          public String toString() {
            return "%2$s{id=" + id + ", name=" + getFullName() + ", active=" + active + "}";
          }
        }
        """.formatted(pkg, name);
  }

  private static String classWithAnnotatedGetters(String pkg, String name) {
    return """
        package %1$s;

        import io.github.pylonchat.ChatAccountExternalId;
        import io.github.pylonchat.ChatAvatarUrl;
        import io.github.pylonchat.ChatEmail;
        import io.github.pylonchat.ChatName;
        import java.time.LocalDate;
        import java.util.ArrayList;
        import java.util.List;
        import java.util.Objects;
        import java.util.Optional;

        /** An employee who answers customers. */
        public class %2$s {
          private final String employeeNumber;
          private String displayName;
          private String workEmail;
          private String avatarPath;
          private String department;
          private LocalDate startDate;
          private LocalDate endDate;
          private final List<String> skills = new ArrayList<>();

          public %2$s(String employeeNumber, String displayName, String workEmail, LocalDate startDate) {
            this.employeeNumber = Objects.requireNonNull(employeeNumber, "employeeNumber");
            this.displayName = Objects.requireNonNull(displayName, "displayName");
            this.workEmail = Objects.requireNonNull(workEmail, "workEmail");
            this.startDate = Objects.requireNonNull(startDate, "startDate");
          }

          @ChatAccountExternalId
          public String getEmployeeNumber() {
            return employeeNumber;
          }

          @ChatName
          public String getDisplayName() {
            return displayName;
          }

          public void setDisplayName(String displayName) {
            this.displayName = Objects.requireNonNull(displayName, "displayName");
          }

          @ChatEmail
          public String getWorkEmail() {
            return workEmail;
          }

          public void setWorkEmail(String workEmail) {
            this.workEmail = Objects.requireNonNull(workEmail, "workEmail");
          }

          @ChatAvatarUrl
          public String getAvatarUrl() {
            return avatarPath == null ? null : "https://cdn.example.com/avatars/" + avatarPath;
          }

          public void setAvatarPath(String avatarPath) {
            this.avatarPath = avatarPath;
          }

          public Optional<String> getDepartment() {
            return Optional.ofNullable(department);
          }

          public void setDepartment(String department) {
            this.department = department;
          }

          public LocalDate getStartDate() {
            return startDate;
          }

          public boolean isEmployedOn(LocalDate day) {
            return !day.isBefore(startDate) && (endDate == null || day.isBefore(endDate));
          }

          public void leave(LocalDate lastDay) {
            this.endDate = lastDay.plusDays(1);
          }

          public List<String> getSkills() {
            return List.copyOf(skills);
          }

          public void addSkill(String skill) {
            if (!skills.contains(skill)) {
              skills.add(skill);
            }
          }

          @Override
          public boolean equals(Object o) {
            if (this == o) {
              return true;
            }
            if (o == null || getClass() != o.getClass()) {
              return false;
            }
            %2$s other = (%2$s) o;
            return employeeNumber.equals(other.employeeNumber);
          }

          @Override
          public int hashCode() {
            return employeeNumber.hashCode();
          }

          @Override
          public String toString() {
            return "%2$s{" + employeeNumber + ", " + displayName + ", " + department + "}";
          }
        }
        """.formatted(pkg, name);
  }

  private static String record(String pkg, String name) {
    return """
        package %1$s;

        import io.github.pylonchat.ChatAccountId;
        import io.github.pylonchat.ChatEmail;
        import io.github.pylonchat.ChatName;
        import java.time.Instant;
        import java.util.List;
        import java.util.Locale;
        import java.util.Objects;

        /**
         * A member of a customer's team, as read from the team directory.
         *
         * @param email the member's login
         * @param name the name shown to colleagues
         * @param teamId the team the member belongs to
         * @param role what the member may do in the team
         * @param invitedAt when the member was invited
         * @param tags labels set by the team's owner
         */
        public record %2$s(
            @ChatEmail String email,
            @ChatName String name,
            @ChatAccountId String teamId,
            Role role,
            Instant invitedAt,
            List<String> tags) {

          /** What a member may do. */
          public enum Role {
            OWNER,
            ADMIN,
            MEMBER,
            GUEST;

            public boolean canInvite() {
              return this == OWNER || this == ADMIN;
            }
          }

          public %2$s {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(teamId, "teamId");
            Objects.requireNonNull(role, "role");
            if (name == null || name.isBlank()) {
              name = email.substring(0, email.indexOf('@'));
            }
            tags = tags == null ? List.of() : List.copyOf(tags);
          }

          public static %2$s invited(String email, String teamId, Instant now) {
            return new %2$s(email.toLowerCase(Locale.ROOT), null, teamId, Role.GUEST, now, List.of());
          }

          public %2$s withRole(Role newRole) {
            return new %2$s(email, name, teamId, newRole, invitedAt, tags);
          }

          public %2$s withName(String newName) {
            return new %2$s(email, newName, teamId, role, invitedAt, tags);
          }

          public %2$s tagged(String tag) {
            if (tags.contains(tag)) {
              return this;
            }
            List<String> more = new java.util.ArrayList<>(tags);
            more.add(tag);
            return new %2$s(email, name, teamId, role, invitedAt, more);
          }

          public boolean isGuest() {
            return role == Role.GUEST;
          }

          public boolean canInvite() {
            return role.canInvite();
          }

          public boolean belongsTo(String otherTeamId) {
            return teamId.equals(otherTeamId);
          }

          public String domain() {
            return email.substring(email.indexOf('@') + 1);
          }

          public boolean invitedBefore(Instant moment) {
            return invitedAt != null && invitedAt.isBefore(moment);
          }

          public String initials() {
            StringBuilder initials = new StringBuilder();
            for (String part : name.split(" ")) {
              if (!part.isEmpty()) {
                initials.append(Character.toUpperCase(part.charAt(0)));
              }
            }
            return initials.toString();
          }

          public int tagCount() {
            return tags.size();
          }

          public String describe() {
            return name + " <" + email + "> (" + role.name().toLowerCase(Locale.ROOT) + " of " + teamId + ")";
          }
        }
        """.formatted(pkg, name);
  }
}
