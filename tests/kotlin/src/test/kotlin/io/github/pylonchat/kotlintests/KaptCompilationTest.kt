package io.github.pylonchat.kotlintests

import java.nio.file.Path
import org.jetbrains.kotlin.cli.common.ExitCode
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * What a Kotlin user's kapt build does with the annotations: the processor's errors on the line of
 * the .kt file that has the mistake, with the ids and messages Java users get, and the Kotlin
 * declarations that kapt never shows to the processor.
 */
class KaptCompilationTest {
    @TempDir
    lateinit var dir: Path

    private fun compile(vararg sources: Pair<String, String>) = Kapt(dir).compile(*sources)

    @Test
    fun constructorPropertyLandsOnTheFieldAndIsReadThroughTheGetter() {
        val result = compile(
            "Member.kt" to """
                package demo

                import io.github.pylonchat.ChatEmail

                data class Member(@ChatEmail val email: String)
            """,
        )
        assertEquals(ExitCode.OK, result.exitCode, result.toString())
        assertEquals(listOf<String>(), result.diagnostics.map { "${it.severity} $it" }, "nothing printed")
        assertTrue(result.generatedSource("demo.MemberChatIdentity")!!.contains("return model.getEmail();"))
    }

    @Test
    fun propertyOfAnotherTypeIsAnErrorOnItsLine() {
        val result = compile(
            "Member.kt" to """
                package demo

                import io.github.pylonchat.ChatEmail
                import io.github.pylonchat.ChatName

                data class Member(
                    @ChatEmail val email: Int,
                    @ChatName val name: String,
                )
            """,
        )
        assertEquals(ExitCode.COMPILATION_ERROR, result.exitCode)
        assertEquals(
            listOf(
                "Member.kt:7: [ChatNotString] @ChatEmail field email must be a String, but is int;" +
                    " change its type to String",
            ),
            result.errors,
        )
        assertNull(result.generatedSource("demo.MemberChatIdentity"))
    }

    @Test
    fun twoEmailsInOneClassAreAnErrorWhateverTheirTargets() {
        val result = compile(
            "Member.kt" to """
                package demo

                import io.github.pylonchat.ChatEmail

                class Member(@ChatEmail val email: String) {
                    @get:ChatEmail
                    val login: String get() = email
                }
            """,
        )
        assertEquals(ExitCode.COMPILATION_ERROR, result.exitCode)
        assertEquals(
            listOf(
                "Member.kt:7: [ChatEmailTwice] @ChatEmail must appear once in a type hierarchy," +
                    " but Member has it on both email and getLogin(); remove one of them",
            ),
            result.errors,
        )
    }

    @Test
    fun emailInSuperclassAndSubclassIsAnError() {
        val result = compile(
            "Person.kt" to """
                package demo

                import io.github.pylonchat.ChatEmail

                open class Person(@ChatEmail val email: String)
            """,
            "Admin.kt" to """
                package demo

                import io.github.pylonchat.ChatEmail

                class Admin(email: String, @ChatEmail val adminEmail: String) : Person(email)
            """,
        )
        assertEquals(
            listOf(
                "Admin.kt:5: [ChatEmailTwice] @ChatEmail must appear once in a type hierarchy," +
                    " but Admin has it on both adminEmail and Person.email; remove one of them",
            ),
            result.errors,
        )
    }

    @Test
    fun unannotatedClassInheritingTwoEmailsIsAnError() {
        val result = compile(
            "Models.kt" to """
                package demo

                import io.github.pylonchat.ChatEmail

                interface Contact {
                    @get:ChatEmail
                    val email: String
                }

                open class Person(@ChatEmail val workEmail: String)

                class Supplier(workEmail: String, override val email: String) : Person(workEmail), Contact
            """,
        )
        assertEquals(
            listOf(
                "Models.kt:12: [ChatEmailTwice] @ChatEmail must appear once in a type hierarchy," +
                    " but Supplier has it on both Person.workEmail and Contact.getEmail(); remove one of them",
            ),
            result.errors,
        )
    }

    @Test
    fun propertiesWithoutAGetterNamedGetEmailAreErrors() {
        val result = compile(
            "Private.kt" to """
                package demo

                import io.github.pylonchat.ChatEmail

                class Private(@ChatEmail private val email: String)
            """,
            "Internal.kt" to """
                package demo

                import io.github.pylonchat.ChatEmail

                class Internal(@ChatEmail internal val email: String)
            """,
            "Inline.kt" to """
                package demo

                import io.github.pylonchat.ChatEmail

                @JvmInline value class Email(val value: String)

                class Inline(@ChatEmail val email: Email)
            """,
        )
        val privateField = "[ChatPrivateField] @ChatEmail field email must not be private;" +
            " add a getter getEmail() or make the field package-private"
        assertEquals(
            listOf("Inline.kt:7: $privateField", "Internal.kt:5: $privateField", "Private.kt:5: $privateField"),
            result.errors.sorted(),
        )
    }

    @Test
    fun staticMembersAndThePropertyTargetAreErrors() {
        val result = compile(
            "Settings.kt" to """
                package demo

                import io.github.pylonchat.ChatEmail

                object Settings {
                    @ChatEmail val email: String = "support@example.com"
                }
            """,
            "Member.kt" to """
                package demo

                import io.github.pylonchat.ChatEmail

                class Member(@property:ChatEmail val email: String)
            """,
        )
        assertEquals(
            listOf(
                "Member.kt:5: [ChatStatic] @ChatEmail method getEmail\$annotations() must not be static:" +
                    " it is read from each user object; annotate an instance field or method instead",
                "Settings.kt:6: [ChatStatic] @ChatEmail field email must not be static:" +
                    " it is read from each user object; annotate an instance field or method instead",
            ),
            result.errors.sorted(),
        )
    }

    @Test
    fun annotationsKaptDoesNotShowTheProcessorGenerateNothing() {
        val result = compile(
            "PrivateGetter.kt" to """
                package demo

                import io.github.pylonchat.ChatEmail

                class PrivateGetter(@get:ChatEmail private val email: String)
            """,
            "Local.kt" to """
                package demo

                import io.github.pylonchat.ChatEmail

                fun guest(): Any {
                    class Guest(@ChatEmail val email: String)
                    return Guest("guest@example.com")
                }
            """,
        )
        assertEquals(ExitCode.OK, result.exitCode, result.toString())
        assertEquals(listOf<String>(), result.errors)
        assertNull(result.generatedSource("demo.PrivateGetterChatIdentity"))
        assertTrue(result.generatedSources().isEmpty(), result.generatedSources().toString())
    }

    @Test
    fun kaptCannotProcessJvmRecords() {
        val result = compile(
            "Member.kt" to """
                package demo

                import io.github.pylonchat.ChatEmail

                @JvmRecord
                data class Member(@ChatEmail val email: String)
            """,
        )
        assertEquals(listOf("Member.kt:5: classes cannot directly extend Record"), result.errors)
    }
}
