package io.github.pylonchat.processortests;

/**
 * Stands in for the class Hibernate generates at run time for a lazy {@link User}: an
 * unannotated subclass whose name is not derived from User's by the nested-class rule.
 */
class User$HibernateProxy$abc123 extends User {
  User$HibernateProxy$abc123() {
    super("proxied@example.com", null, "Lazy", "Loaded");
  }
}
