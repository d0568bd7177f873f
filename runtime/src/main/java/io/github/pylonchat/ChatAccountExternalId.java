package io.github.pylonchat;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the member that holds the user's account id in your own system, sent to Pylon as {@code chat_settings.account_external_id}.
 *
 * <p>It may stand on a {@code String} field, a {@code String}-returning getter-style method
 * without parameters, or a {@code String} record component. A private field is read through
 * its getter ({@code getX()} or {@code x()}); static members, private methods and members of
 * private, local or anonymous classes are compile errors reported by {@code pylon-chat-processor}.
 *
 * <p>Only allowed in a type that also has (or inherits) a {@link ChatEmail}.
 *
 * <pre>{@code
 * public record Member(@ChatEmail String email, @ChatAccountExternalId String value) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface ChatAccountExternalId {}
