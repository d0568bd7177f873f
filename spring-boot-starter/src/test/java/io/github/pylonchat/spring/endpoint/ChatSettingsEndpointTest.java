package io.github.pylonchat.spring.endpoint;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/** {@link AbstractChatSettingsEndpointTest} on Spring Boot 4. */
@AutoConfigureMockMvc
class ChatSettingsEndpointTest extends AbstractChatSettingsEndpointTest {}
