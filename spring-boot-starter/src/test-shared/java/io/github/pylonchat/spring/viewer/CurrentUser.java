package io.github.pylonchat.spring.viewer;

import io.github.pylonchat.ChatAccountExternalId;
import io.github.pylonchat.ChatContactExternalId;
import io.github.pylonchat.ChatEmail;
import io.github.pylonchat.ChatName;

/**
 * An application's user type with every field a JWT signs. A controller parameter of this type
 * without {@code @AuthenticationPrincipal} is a model attribute named {@code currentUser}, bound
 * from the request's parameters: the mistake an attacker uses to pick the identity.
 */
public record CurrentUser(
    @ChatEmail String email,
    @ChatName String name,
    @ChatAccountExternalId String accountExternalId,
    @ChatContactExternalId String contactExternalId) {}
