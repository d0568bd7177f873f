package io.github.pylonchat.spring.testapp;

import io.github.pylonchat.ChatEmail;
import io.github.pylonchat.ChatName;

/** A user model as an application annotates it; pylon-chat-processor generates MemberChatIdentity. */
public record Member(@ChatEmail String email, @ChatName String name) {}
