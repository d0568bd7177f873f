package io.github.pylonchat.kotlintests

import io.github.pylonchat.ChatEmail
import io.github.pylonchat.ChatName

/** An abstract property has no field: `@get:` annotates the abstract getter. */
interface Contact {
    @get:ChatEmail
    val email: String

    @get:ChatName
    val name: String
}

/** Needs no annotation: ChatIdentities finds ContactChatIdentity through the interface. */
class Supplier(override val email: String, override val name: String) : Contact
