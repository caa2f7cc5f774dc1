"""The texts a person agrees to, by version. Changing a text means a new version here."""

CURRENT_VERSIONS = {
    "terms": "2026-11",
    "health_data": "2026-11",
    "email_reminders": "2026-11",
}
REQUIRED_AT_SIGNUP = ("terms", "health_data")
