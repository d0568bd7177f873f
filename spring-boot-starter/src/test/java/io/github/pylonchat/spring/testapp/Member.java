package io.github.pylonchat.spring.testapp;

/**
 * A user model as an application would annotate it with {@code @ChatEmail} and {@code @ChatName};
 * its accessor {@link MemberChatIdentity} is written by hand here, following the generated contract.
 */
public record Member(String email, String name) {}
