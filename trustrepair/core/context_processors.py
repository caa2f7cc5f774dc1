from django.conf import settings


def site(request):
    user = getattr(request, "user", None)
    region = getattr(user, "country", "") if user is not None and user.is_authenticated else ""
    return {
        "site_name": "TrustRepair",
        "user_region": region or settings.DEFAULT_REGION,
        "debug": settings.DEBUG,
        "quick_exit_url": settings.QUICK_EXIT_URL,
    }
