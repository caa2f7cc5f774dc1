from trustrepair.notifications.models import Notice


def notices_for(user, *, limit: int = 100) -> list[Notice]:
    fields = ("public_id", "kind", "text", "link_path", "created_at", "read_at")
    return list(Notice.objects.filter(user=user).only(*fields)[:limit])
