"""The starting taxonomy (issue 5). Staff add more on /therapists/staff/terms/."""

from django.db import migrations

MODALITIES = [
    ("cbt", "Cognitive behavioural therapy (CBT)"),
    ("emdr", "EMDR"),
    ("schema-therapy", "Schema therapy"),
    ("attachment-based", "Attachment-based therapy"),
    ("trauma-informed", "Trauma-informed therapy"),
    ("emotionally-focused-couples-therapy", "Emotionally focused couples therapy (EFT)"),
    ("cognitive-behavioural-couples-therapy", "Cognitive-behavioural couples therapy"),
    ("gottman-method", "Gottman method"),
    ("relationship-counselling", "Relationship counselling"),
]
SPECIALTIES = [
    ("trust-issues", "Trust issues"),
    ("infidelity-and-betrayal", "Infidelity and betrayal"),
    ("relationship-trauma", "Relationship trauma"),
    ("attachment-anxiety", "Attachment anxiety"),
    ("family-estrangement", "Family estrangement"),
    ("workplace-trust", "Workplace trust"),
]


def add_terms(apps, schema_editor):
    for model_name, terms in (("Modality", MODALITIES), ("Specialty", SPECIALTIES)):
        model = apps.get_model("directory", model_name)
        for slug, name in terms:
            model.objects.get_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]
    operations = [migrations.RunPython(add_terms, migrations.RunPython.noop)]
