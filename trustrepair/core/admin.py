from django.contrib import admin
from django.contrib.admin.views.main import ERROR_FLAG
from django.http import HttpResponseRedirect

from trustrepair.core import audit
from trustrepair.core.models import AuditEvent


class AuditedReadsAdmin(admin.ModelAdmin):
    """A ModelAdmin over people's data: opening a record, and each list page, writes an audit event.

    `audit_subject(obj)` names whose data the record is.
    """

    def audit_subject(self, obj):
        return getattr(obj, "user", None)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None:
            audit.record_access(
                actor=request.user,
                subject=self.audit_subject(obj),
                action=AuditEvent.Action.READ,
                obj=obj,
                reason="opened in the Django admin",
                request=request,
            )
        return obj

    def changelist_view(self, request, extra_context=None):
        if any("\x00" in value for values in request.GET.lists() for value in values[1]):
            # PostgreSQL refuses a NUL character in a text comparison (a 500): treat it as Django treats any
            # invalid filter, by showing the unfiltered list with a note.
            return HttpResponseRedirect(f"{request.path}?{ERROR_FLAG}=1")
        response = super().changelist_view(request, extra_context)
        if getattr(response, "status_code", None) == 200:
            audit.record_access(
                actor=request.user,
                subject=None,
                action=AuditEvent.Action.READ,
                obj=f"admin list of {self.model._meta.label_lower}",
                reason=f"listed in the Django admin: {request.GET.urlencode()}",
                request=request,
            )
        return response


@admin.register(AuditEvent)
class AuditEventAdmin(AuditedReadsAdmin):
    list_display = ["at", "actor", "action", "object_type", "subject", "reason", "ip_address"]
    list_filter = ["action", "object_type"]

    def audit_subject(self, obj):
        return obj.subject

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
