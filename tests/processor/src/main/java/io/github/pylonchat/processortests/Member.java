package io.github.pylonchat.processortests;

import io.github.pylonchat.ChatAccountExternalId;
import io.github.pylonchat.ChatContactExternalId;
import io.github.pylonchat.ChatEmail;
import io.github.pylonchat.ChatName;

/**
 * A record model.
 *
 * @param email the email
 * @param name the display name
 * @param crmId the id in the CRM
 * @param userId the id in this application, sent to Pylon only inside a signed token
 */
public record Member(
    @ChatEmail String email,
    @ChatName String name,
    @ChatAccountExternalId String crmId,
    @ChatContactExternalId String userId) {}
