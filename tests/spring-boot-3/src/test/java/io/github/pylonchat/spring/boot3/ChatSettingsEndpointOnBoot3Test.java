package io.github.pylonchat.spring.boot3;

import io.github.pylonchat.spring.endpoint.AbstractChatSettingsEndpointTest;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;

/**
 * The starter's {@link AbstractChatSettingsEndpointTest} on Spring Boot 3.5; its
 * {@code ChatSettingsEndpointHttpTest} runs here as it is.
 */
@AutoConfigureMockMvc
class ChatSettingsEndpointOnBoot3Test extends AbstractChatSettingsEndpointTest {}
