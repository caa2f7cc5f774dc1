from django.contrib import admin

from trustrepair.directory.models import Modality, Specialty

# Profiles are not edited in the admin: verification and listing go through services (see views.staff_review).


@admin.register(Modality, Specialty)
class TermAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "is_active"]
    prepopulated_fields = {"slug": ["name"]}
