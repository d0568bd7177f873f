package io.github.pylonchat.contract.model;

import io.github.pylonchat.ChatAccountExternalId;
import io.github.pylonchat.ChatAccountId;
import io.github.pylonchat.ChatAvatarUrl;
import io.github.pylonchat.ChatEmail;
import io.github.pylonchat.ChatName;

/** A user model as an application writes it, with every chat annotation. */
public record Member(
    @ChatEmail String email,
    @ChatName String name,
    @ChatAvatarUrl String avatarUrl,
    @ChatAccountId String accountId,
    @ChatAccountExternalId String accountExternalId) {}
