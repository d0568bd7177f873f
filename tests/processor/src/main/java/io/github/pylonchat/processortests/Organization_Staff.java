package io.github.pylonchat.processortests;

/**
 * Not annotated, and unrelated to {@link Organization.Staff}, yet its name maps to the same
 * accessor name, {@code Organization_StaffChatIdentity}.
 */
public class Organization_Staff {}
