package io.github.pylonchat.testmodel;

/** A class without any chat annotation (so no accessor exists for it). */
public record Visitor(String email, String name) {}
