package io.github.pylonchat.kotlintests.names

// Types of the application named like those a generated accessor uses (String, Class and
// Override broke the accessors once): in this package, Java code that says String means this one.

/** A school's class, as an entity of a school application. */
class Class(val title: kotlin.String)

/** A string of lights, as in a shop that sells them. */
class String(val length: Int)

/** An override of a price. */
class Override(val reason: kotlin.String)

class Object

class Generated

class Objects

class Optional

class ChatProfile

class ChatIdentityAccessor

class ChatIdentities
