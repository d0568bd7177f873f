package io.github.pylonchat.spring.testapp;

import io.github.pylonchat.ChatEmail;
import io.github.pylonchat.ChatName;

/**
 * An application's user type. A controller parameter of this type without
 * {@code @AuthenticationPrincipal} is a model attribute named {@code currentUser}, bound from the
 * request's parameters.
 */
public record CurrentUser(@ChatEmail String email, @ChatName String name) {}
