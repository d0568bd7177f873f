package io.github.pylonchat.kotlintests

import io.github.pylonchat.ChatIdentities
import io.github.pylonchat.ChatProfile
import io.github.pylonchat.IdentitySecret
import io.github.pylonchat.PylonChatWidget
import io.github.pylonchat.kotlintests.names.Class
import io.github.pylonchat.kotlintests.names.Pupil
import io.github.pylonchat.kotlintests.names.PupilChatIdentity
import io.github.pylonchat.kotlintests.names.School
import io.github.pylonchat.kotlintests.names.School_TeacherChatIdentity
import io.github.pylonchat.testing.HtmlPage
import io.github.pylonchat.testing.JsEngine
import io.github.pylonchat.testing.TestVector
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertSame
import org.junit.jupiter.api.Test

/** Calls the accessors that kapt and pylon-chat-processor generated for this module's Kotlin models. */
class KotlinModelsTest {
    @Test
    fun dataClassIsReadThroughTheGettersOfItsProperties() {
        val member = Member("grace@example.com", "Grace Hopper")
        assertEquals("grace@example.com", MemberChatIdentity.email(member))
        assertEquals("Grace Hopper", MemberChatIdentity.name(member))
        assertEquals(ChatProfile.of("grace@example.com", "Grace Hopper"), MemberChatIdentity.INSTANCE.profile(member))
        assertEquals(ChatProfile.of("grace@example.com", "Grace Hopper"), ChatIdentities.profileOf(member))
    }

    @Test
    fun getterTargetWorksOnConstructorAndComputedProperties() {
        val customer = Customer("ada@example.com", "Ada", "Lovelace")
        assertEquals("ada@example.com", CustomerChatIdentity.email(customer))
        assertEquals("Ada Lovelace", CustomerChatIdentity.name(customer))
        assertEquals(ChatProfile.of("ada@example.com", "Ada Lovelace"), ChatIdentities.profileOf(customer))
    }

    @Test
    fun fieldTargetIsReadThroughTheKotlinGetter() {
        val employee = Employee("linus@example.com", "https://example.com/linus.png")
        assertEquals("linus@example.com", EmployeeChatIdentity.email(employee))
        assertEquals("https://example.com/linus.png", EmployeeChatIdentity.avatarUrl(employee))
        assertEquals(
            ChatProfile("linus@example.com", null, "https://example.com/linus.png", null, null),
            ChatIdentities.profileOf(employee),
        )
        val withoutAvatar = Employee("linus@example.com", null)
        assertEquals(ChatProfile("linus@example.com", null, null, null, null), ChatIdentities.profileOf(withoutAvatar))
    }

    @Test
    fun lateinitPropertyIsReadAsAPublicFieldAndNullablePropertyThroughItsGetter() {
        val person = Person().apply { email = "hedy@example.com" }
        assertEquals("hedy@example.com", PersonChatIdentity.email(person))
        assertEquals(ChatProfile("hedy@example.com", null, null, null, null), ChatIdentities.profileOf(person))
        person.name = "Hedy Lamarr"
        assertEquals(ChatProfile.of("hedy@example.com", "Hedy Lamarr"), ChatIdentities.profileOf(person))
    }

    @Test
    fun jvmFieldIsReadAsAPublicField() {
        val subscriber = Subscriber("margaret@example.com", "Margaret Hamilton")
        assertEquals("margaret@example.com", SubscriberChatIdentity.email(subscriber))
        assertEquals("Margaret Hamilton", SubscriberChatIdentity.name(subscriber))
        assertEquals(ChatProfile.of("margaret@example.com", "Margaret Hamilton"), ChatIdentities.profileOf(subscriber))
    }

    @Test
    fun privateFieldIsReadThroughTheExplicitGetterAndAnnotatedFunctionAsAMethod() {
        val account = Account("  barbara@example.com ", "42")
        assertEquals("barbara@example.com", AccountChatIdentity.email(account))
        assertEquals("tenant-42", AccountChatIdentity.accountId(account))
        assertEquals(
            ChatProfile("barbara@example.com", null, null, "tenant-42", null),
            ChatIdentities.profileOf(account),
        )
    }

    @Test
    fun implementationOfAnnotatedInterfaceIsReadThroughTheInterfaceAccessor() {
        val supplier = Supplier("orders@acme.example", "ACME Orders")
        assertEquals("orders@acme.example", ContactChatIdentity.email(supplier))
        assertSame(ContactChatIdentity.INSTANCE, ChatIdentities.accessorFor(Supplier::class.java))
        assertEquals(ChatProfile.of("orders@acme.example", "ACME Orders"), ChatIdentities.profileOf(supplier))
    }

    @Test
    fun modelsNextToTypesNamedStringClassOrOverrideAreRead() {
        val pupil = Pupil("ada@example.com", "Ada", Class("4b"))
        assertEquals("ada@example.com", PupilChatIdentity.email(pupil))
        assertEquals(ChatProfile.of("ada@example.com", "Ada"), ChatIdentities.profileOf(pupil))
        val teacher = School.Teacher("grace@example.com")
        assertEquals(ChatProfile("grace@example.com", null, null, null, null), ChatIdentities.profileOf(teacher))
        assertSame(School_TeacherChatIdentity.INSTANCE, ChatIdentities.accessorFor(School.Teacher::class.java))
    }

    @Test
    fun widgetRendersAKotlinUserWithItsVerifiedEmail() {
        val widget = PylonChatWidget.builder()
            .appId("kotlin-app")
            .identitySecret(IdentitySecret.ofHex(TestVector.SECRET_HEX))
            .build()
        val html = widget.render(Member(TestVector.EMAIL, "Kotlin User"), "bm9uY2U=")
        val settingsScript = HtmlPage.scripts(html).first()
        assertEquals("bm9uY2U=", settingsScript.nonce())
        val settings = JsEngine().use { it.chatSettings(settingsScript.code()) }
        assertEquals(
            mapOf(
                "app_id" to "kotlin-app",
                "email" to TestVector.EMAIL,
                "name" to "Kotlin User",
                "email_hash" to TestVector.EMAIL_HASH,
            ),
            settings,
        )
    }
}
