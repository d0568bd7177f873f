package io.github.pylonchat.kotlintests

import io.github.pylonchat.ChatAccountId
import io.github.pylonchat.ChatEmail

/**
 * A private property has no Kotlin getter, so the class declares getEmail() itself, as a Java
 * class would; an annotated `fun` is read as a method.
 */
class Account(email: String, private val tenant: String) {
    @ChatEmail
    private val email: String = email.trim()

    fun getEmail(): String = email

    @ChatAccountId
    fun tenantId(): String = "tenant-$tenant"
}
