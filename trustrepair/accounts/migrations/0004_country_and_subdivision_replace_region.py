"""A person's place becomes an ISO country and subdivision instead of one of eight regions.

US, CA, GB, IE, AU and NZ keep their country. "EU" and "OTHER" named no country, so those people get an
empty country and are asked to say where they live (crisis help shows the international lists until then).
People in the US, Canada and Australia have no state yet: they are asked to confirm it, and booking asks
where they will be during each session anyway.
"""

from django.db import migrations, models

REGION_TO_COUNTRY = {"US": "US", "CA": "CA", "GB": "GB", "IE": "IE", "AU": "AU", "NZ": "NZ", "EU": "", "OTHER": ""}


def forwards(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    for region, country in REGION_TO_COUNTRY.items():
        User.objects.filter(region=region).update(country=country)


def backwards(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    for region in ("US", "CA", "GB", "IE", "AU", "NZ"):
        User.objects.filter(country=region).update(region=region)
    User.objects.exclude(country__in=["US", "CA", "GB", "IE", "AU", "NZ"]).update(region="OTHER")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_contact_preference_and_discretion"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="country",
            field=models.CharField(
                blank=True,
                help_text="ISO 3166-1 code; empty until the person says (old “EU”/“other” regions).",
                max_length=2,
            ),
        ),
        migrations.AddField(
            model_name="user",
            name="subdivision",
            field=models.CharField(
                blank=True, help_text="ISO 3166-2 code such as US-NY; required for US, CA and AU.", max_length=6
            ),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="user", name="region"),
    ]
