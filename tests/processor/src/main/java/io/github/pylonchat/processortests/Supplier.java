package io.github.pylonchat.processortests;

/**
 * An unannotated class implementing {@link Contact}.
 *
 * @param emailAddress the email
 * @param fullName the name
 */
public record Supplier(String emailAddress, String fullName) implements Contact {}
