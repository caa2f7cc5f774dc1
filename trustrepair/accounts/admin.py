from allauth.account.admin import EmailAddressAdmin
from allauth.account.models import EmailAddress
from allauth.mfa.admin import AuthenticatorAdmin  # noqa: F401 - registers itself; imported so it can be removed
from allauth.mfa.models import Authenticator
from allauth.usersessions.admin import UserSessionAdmin  # noqa: F401 - registers itself; imported to remove it
from allauth.usersessions.models import UserSession
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.contrib.auth.models import Group

from trustrepair.accounts.models import ConsentRecord, User
from trustrepair.core.admin import AuditedReadsAdmin
from trustrepair.core.forms import NameField


class AdminUserChangeForm(UserChangeForm):
    display_name = NameField(label="Name to show", required=False)


@admin.register(User)
class UserAdmin(AuditedReadsAdmin, BaseUserAdmin):
    form = AdminUserChangeForm

    def audit_subject(self, obj):
        return obj

    ordering = ["email"]
    list_display = ["email", "display_name", "role", "is_active", "date_joined"]
    list_filter = ["role", "is_active"]
    search_fields = ["email", "display_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Profile", {"fields": ["display_name", "role", "time_zone", "locale", "country", "subdivision"]}),
        ("Permissions", {"fields": ["is_active", "is_staff", "is_superuser"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "role", "password1", "password2"]})]


@admin.register(ConsentRecord)
class ConsentRecordAdmin(AuditedReadsAdmin):
    list_display = ["user", "kind", "version", "granted_at", "revoked_at"]
    readonly_fields = ["user", "kind", "version", "granted_at", "revoked_at"]

    # Agreement is the person's own act: the operator reads the record and never writes it.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# allauth's email addresses: the same admin, with its reads audited.
admin.site.unregister(EmailAddress)


@admin.register(EmailAddress)
class AuditedEmailAddressAdmin(AuditedReadsAdmin, EmailAddressAdmin):
    pass


# Roles are the product's permissions (core/access.py); Django's groups are unused, so not offered.
admin.site.unregister(Group)

# allauth's MFA authenticators hold TOTP secrets and recovery-code seeds, and its session index holds the keys
# of people's signed-in sessions: never in the admin.
for secret_holder in (Authenticator, UserSession):
    if admin.site.is_registered(secret_holder):
        admin.site.unregister(secret_holder)
