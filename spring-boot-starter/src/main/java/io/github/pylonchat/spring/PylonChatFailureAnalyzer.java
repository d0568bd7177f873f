package io.github.pylonchat.spring;

import io.github.pylonchat.ChatConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link ChatConfigurationException} at start-up into Spring Boot's "APPLICATION FAILED TO
 * START" report: the description names the setting and what is wrong with it, the action says how
 * to fix it. Neither ever contains the identity secret (the exception never does).
 */
final class PylonChatFailureAnalyzer extends AbstractFailureAnalyzer<ChatConfigurationException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ChatConfigurationException cause) {
    String fix = cause.fix().endsWith(".") ? cause.fix() : cause.fix() + ".";
    return new FailureAnalysis(
        "The Pylon chat widget is not configured correctly: " + cause.setting() + " " + cause.problem() + ".",
        fix + "\nTo start without the Pylon chat widget, set " + PylonChatProperties.PREFIX + ".enabled=false.",
        cause);
  }
}
