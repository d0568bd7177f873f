package io.github.pylonchat;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the member that holds the user's email, sent to Pylon as {@code chat_settings.email}
 * and signed as {@code chat_settings.email_hash}.
 *
 * <p>Exactly one member per type hierarchy carries it. It may stand on a {@code String} field,
 * a {@code String}-returning getter-style method without parameters, or a {@code String}
 * record component. A private field is read through its getter ({@code getEmail()} or
 * {@code email()}). For every type that declares it, {@code pylon-chat-processor} generates
 * {@code <SimpleName>ChatIdentity} in the same package.
 *
 * <p>The values are never read by reflection; the annotation is kept at run time (as are its
 * companions) only so that {@link ChatIdentities} can tell a class compiled without {@code
 * pylon-chat-processor} from one that was never annotated, and say so.
 *
 * <pre>{@code
 * public class User {
 *   @ChatEmail private String email;           // read through getEmail()
 *   public String getEmail() { return email; }
 *   @ChatName public String getDisplayName() { return first + " " + last; }
 * }
 * public record Member(@ChatEmail String email, @ChatName String name) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface ChatEmail {}
