package io.github.pylonchat.freemarker.testmodel;

import io.github.pylonchat.ChatAccountExternalId;
import io.github.pylonchat.ChatContactExternalId;
import io.github.pylonchat.ChatEmail;
import io.github.pylonchat.ChatName;

/** A record user model whose own user id is sent as contact_external_id (JWT mode only). */
public record Subscriber(
    @ChatEmail String email,
    @ChatName String name,
    @ChatAccountExternalId String accountExternalId,
    @ChatContactExternalId String userId) {}
