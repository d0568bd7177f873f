package io.github.pylonchat.spring;

import io.github.pylonchat.IdentityVerification;
import java.util.Locale;
import org.springframework.core.convert.converter.Converter;

/**
 * Binds {@code pylon.chat.identity-verification}: {@code email-hash}, {@code jwt} or {@code none} in
 * any of relaxed binding's spellings ({@code EMAIL_HASH}, {@code emailHash}), and {@code true} and
 * {@code false}, the setting's values before it had a JWT mode, as {@code email-hash} and
 * {@code none}.
 */
final class IdentityVerificationConverter implements Converter<String, IdentityVerification> {
  @Override
  public IdentityVerification convert(String value) {
    return switch (value.strip().replace("-", "").replace("_", "").toLowerCase(Locale.ROOT)) {
      case "emailhash", "true" -> IdentityVerification.EMAIL_HASH;
      case "jwt" -> IdentityVerification.JWT;
      case "none", "false" -> IdentityVerification.NONE;
      default -> throw new IllegalArgumentException(WidgetFromProperties.IDENTITY_VERIFICATION
          + " must be email-hash, jwt or none (true and false also mean email-hash and none)");
    };
  }
}
