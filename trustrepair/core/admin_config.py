from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig


class AdminConfig(DjangoAdminConfig):
    """django.contrib.admin with TrustRepair's site: MFA in this session, no secrets, no clinical models."""

    default_site = "trustrepair.core.admin_site.TrustRepairAdminSite"
