package io.github.pylonchat.contract.model;

import io.github.pylonchat.ChatAccountExternalId;
import io.github.pylonchat.ChatAccountId;
import io.github.pylonchat.ChatContactExternalId;
import io.github.pylonchat.ChatEmail;
import io.github.pylonchat.ChatName;

/** A user model whose own user id is sent as contact_external_id (JWT mode only). */
public record Subscriber(
    @ChatEmail String email,
    @ChatName String name,
    @ChatAccountId String accountId,
    @ChatAccountExternalId String accountExternalId,
    @ChatContactExternalId String userId) {}
