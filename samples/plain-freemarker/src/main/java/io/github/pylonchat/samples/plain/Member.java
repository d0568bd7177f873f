package io.github.pylonchat.samples.plain;

import io.github.pylonchat.ChatEmail;
import io.github.pylonchat.ChatName;

/**
 * A member of the sample site. The two annotations are all the chat needs: pylon-chat-processor
 * generates {@code MemberChatIdentity} at compile time, and {@code <@pylonChat/>} reads the email
 * and name through it.
 *
 * @param id the path segment that picks this member in the sample ({@code /members/ada})
 * @param email sent to Pylon as {@code email} and signed as {@code email_hash}
 * @param name sent to Pylon as {@code name}
 */
public record Member(String id, @ChatEmail String email, @ChatName String name) {}
