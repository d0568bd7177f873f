package io.github.pylonchat.testmodel;

import io.github.pylonchat.ChatAccountExternalId;
import io.github.pylonchat.ChatAccountId;
import io.github.pylonchat.ChatAvatarUrl;
import io.github.pylonchat.ChatContactExternalId;
import io.github.pylonchat.ChatEmail;
import io.github.pylonchat.ChatName;

/** A user model with every chat annotation, the contact external id (JWT mode) included. */
public record Subscriber(
    @ChatEmail String email,
    @ChatName String name,
    @ChatAvatarUrl String avatarUrl,
    @ChatAccountId String accountId,
    @ChatAccountExternalId String accountExternalId,
    @ChatContactExternalId String userId) {}
