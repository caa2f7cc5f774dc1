"""TrustRepair settings: one module, read from the environment.

With nothing set, the settings are production-safe and refuse to start without what they need.
`make run` and `make test` set TRUSTREPAIR_LOCAL=1, which generates local secrets once into var/.
"""

import os
import secrets
import sys
import tempfile
from pathlib import Path

import dj_database_url
from cryptography.fernet import Fernet

BASE_DIR = Path(__file__).resolve().parent.parent
VAR = Path(os.environ.get("TRUSTREPAIR_VAR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
LOCAL = env_bool("TRUSTREPAIR_LOCAL")


def local_secret(name: str, make) -> str:
    """A secret from the environment; on a local machine, generated once into var/ and reused."""
    if os.environ.get(name):
        return os.environ[name]
    if not LOCAL:
        sys.exit(f"TrustRepair cannot start: the environment variable {name} is not set.")
    VAR.mkdir(parents=True, exist_ok=True)
    path = VAR / f"{name.lower()}.secret"
    if not path.exists():
        # Write a private temporary file, then link it into place: the link fails if another process
        # got there first, so every process that starts at once ends up reading the same whole secret.
        fd, temporary = tempfile.mkstemp(dir=VAR)
        with os.fdopen(fd, "w") as f:
            f.write(make())
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(temporary)
    return path.read_text().strip()


SECRET_KEY = local_secret("SECRET_KEY", lambda: secrets.token_urlsafe(50))
# Comma-separated Fernet keys, newest first. Add a new key at the front, then run
# `manage.py rotate_encryption_keys`; old keys can be dropped once that has finished.
FIELD_ENCRYPTION_KEYS = env_list(
    "FIELD_ENCRYPTION_KEYS", local_secret("FIELD_ENCRYPTION_KEYS", lambda: Fernet.generate_key().decode())
)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if (DEBUG or LOCAL) else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "trustrepair.core",
    "trustrepair.accounts",
    "trustrepair.learn",
    "trustrepair.safety",
    "trustrepair.measures",
    "trustrepair.program",
    "trustrepair.exercises",
    "trustrepair.directory",
    "trustrepair.booking",
    "trustrepair.notifications",
    "trustrepair.clinic",
    "trustrepair.couples",
    "trustrepair.messaging",
    "trustrepair.groups",
    "trustrepair.meetings",
    "trustrepair.outcomes",
    "trustrepair.core.admin_config.AdminConfig",  # django.contrib.admin behind MFA (core/admin_site.py)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",  # sessions indexed by person: "sign out everywhere else" reaches every worker
    "csp",
    "django_htmx",
    "template_partials",
    "huey.contrib.djhuey",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "trustrepair.core.middleware.RequestBodyLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "trustrepair.core.middleware.PageVersionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "trustrepair.accounts.middleware.SessionIndexMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "trustrepair.core.middleware.PrivateByDefaultMiddleware",
    "trustrepair.accounts.middleware.UserTimezoneMiddleware",
]

ROOT_URLCONF = "trustrepair.urls"
WSGI_APPLICATION = "trustrepair.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "trustrepair" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "trustrepair.core.context_processors.site",
                "trustrepair.safety.context_processors.crisis_panel",
                "trustrepair.notifications.context_processors.updates",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the one writer proceed together on the embedded default.
    DATABASES["default"]["OPTIONS"] = {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE"}
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool("PREPARED_STATEMENTS", True):
    # The statements every signed-in request runs (session, person, cache) are prepared on each connection after
    # their fifth use, so PostgreSQL parses and plans them once per connection instead of on every request.
    # Django leaves this off for transaction poolers (PgBouncer); PREPARED_STATEMENTS=0 does too (decisions.md).
    DATABASES["default"]["OPTIONS"] = {"server_side_binding": True, "prepare_threshold": 5}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}
        if os.environ.get("REDIS_URL")
        else {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "trustrepair_cache",
            # Kept pages (core.page_cache) are one row per person, page and session for a minute.
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    )
}

# A signed-in person's main pages are kept rendered this long, encrypted, under their page version
# (core.page_cache); 0 renders every page afresh.
KEPT_PAGE_SECONDS = int(os.environ.get("KEPT_PAGE_SECONDS", "60"))

AUTH_USER_MODEL = "accounts.User"
# Django's and allauth's backends, each loading the signed-in person with the gate and crisis state every page
# reads, in the one query (accounts/backends.py; docs/decisions.md, issue 16).
AUTHENTICATION_BACKENDS = [
    "trustrepair.accounts.backends.RequestStateModelBackend",
    "trustrepair.accounts.backends.RequestStateAllauthBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:home"

# django-allauth: email login, mandatory verification, rate limits on every auth endpoint.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SIGNUP_FORM_CLASS = "trustrepair.accounts.forms.SignupDetailsForm"
ACCOUNT_FORMS = {  # labels in sentence case (accounts/password_forms.py)
    "change_password": "trustrepair.accounts.password_forms.ChangeMyPasswordForm",
    "reset_password_from_key": "trustrepair.accounts.password_forms.NewPasswordFromLinkForm",
}
# accounts.adapter.AccountAdapter (one client address everywhere), extended so that every allauth email goes
# through the one notification sender, which words it for the person.
ACCOUNT_ADAPTER = "trustrepair.notifications.allauth.DiscreetAccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
}
MFA_ADAPTER = "trustrepair.accounts.mfa.MFAAdapter"  # secrets encrypted at rest; a neutral issuer when asked
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "TrustRepair"
# The code field asks phones for a number pad and offers codes they have just received (accounts/mfa_forms.py).
MFA_FORMS = {
    "activate_totp": "trustrepair.accounts.mfa_forms.ActivateAppForm",
    "authenticate": "trustrepair.accounts.mfa_forms.SignInCodeForm",
    "reauthenticate": "trustrepair.accounts.mfa_forms.ConfirmWithCodeForm",
}

# allauth's own activity tracking writes on every request; SessionIndexMiddleware refreshes the index (address,
# last seen) at most every few minutes instead, and indexes any signed-in session the index does not yet hold.
USERSESSIONS_TRACK_ACTIVITY = False

SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_ENGINE = "trustrepair.accounts.sessions"  # the database store, its read compiled once

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English")]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or LOCAL
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Request bodies: refused unread above REQUEST_BODY_MAX_BYTES (at most 5 MB; the largest upload is a 5 MB
# CSV); form data above DATA_UPLOAD_MAX_MEMORY_SIZE is refused by Django; uploads above
# FILE_UPLOAD_MAX_MEMORY_SIZE go to a temporary file. The proxy's limit (README) should match.
REQUEST_BODY_MAX_BYTES = min(int(os.environ.get("REQUEST_BODY_MAX_BYTES", 5 * 1024 * 1024)), 5 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = min(2_621_440, REQUEST_BODY_MAX_BYTES)
FILE_UPLOAD_MAX_MEMORY_SIZE = min(2_621_440, REQUEST_BODY_MAX_BYTES)

CONTENT_DIR = BASE_DIR / "content"

# The public address of this service: the one source of every link in every email. Locally it follows
# the port `make run PORT=…` serves on.
PORT = int(os.environ.get("PORT", "8000"))
SITE_URL = os.environ.get("SITE_URL", f"http://127.0.0.1:{PORT}" if (DEBUG or LOCAL) else "").rstrip("/")

# Email: console by default; EMAIL_URL=smtp://user:pass@host:587 (TLS) for real mail, or
# file:///some/dir to write each email to a file there (used by the process test).
# DEFAULT_FROM_EMAIL names the product; DISCREET_FROM_EMAIL is used for everyone who did not allow names
# in email, so give it an address on a domain that does not name the product either.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "TrustRepair <no-reply@trustrepair.invalid>")
DISCREET_FROM_EMAIL = os.environ.get("DISCREET_FROM_EMAIL", "Notifications <no-reply@notifications.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if os.environ.get("EMAIL_URL", "").startswith("file://"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["EMAIL_URL"].removeprefix("file://")
elif os.environ.get("EMAIL_URL"):
    from urllib.parse import unquote, urlsplit

    _mail = urlsplit(os.environ["EMAIL_URL"])
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _mail.hostname or "localhost"
    EMAIL_PORT = _mail.port or 587
    EMAIL_HOST_USER = unquote(_mail.username or "")
    EMAIL_HOST_PASSWORD = unquote(_mail.password or "")
    EMAIL_USE_TLS = _mail.scheme in {"smtp", "submission"}
    EMAIL_USE_SSL = _mail.scheme == "smtps"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Security headers. HTTPS settings are on unless running locally.
SECURE = not (DEBUG or LOCAL) or env_bool("FORCE_HTTPS")
SECURE_SSL_REDIRECT = SECURE and not env_bool("BEHIND_TLS_TERMINATOR_WITHOUT_REDIRECT")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("TRUST_X_FORWARDED_PROTO") else None
# The client's address behind a proxy (trustrepair.core.http.client_address): how many proxies in front of
# the app are the operator's own (each appends to X-Forwarded-For), or the header one of them sets to the
# client's address. With neither, REMOTE_ADDR is used and X-Forwarded-For is ignored.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
TRUSTED_CLIENT_IP_HEADER = os.environ.get("TRUSTED_CLIENT_IP_HEADER") or None
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = TRUSTED_CLIENT_IP_HEADER
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_HSTS_SECONDS = 63072000 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "trustrepair.core.views.csrf_failure"

# django-csp 4: a strict policy, no inline script or style, nothing from other origins.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Configured here, so that `run_huey` does not add a second handler of its own.
        "huey": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# Quick exit leaves for this neutral page (tests point it at a local page).
QUICK_EXIT_URL = os.environ.get("QUICK_EXIT_URL", "https://www.bbc.co.uk/weather")

# The job runner (docs/decisions.md): Huey. Its queue lives in SQLite under var/ by default; set
# JOBS_URL to postgresql://… (the same database is fine) or redis://… when workers run on several
# machines. Schedules are declared in each app's jobs.py (trustrepair/core/jobs.py).
JOBS_URL = os.environ.get("JOBS_URL", f"sqlite:///{VAR / 'jobs.sqlite3'}")
if JOBS_URL.startswith(("postgres://", "postgresql://")):
    HUEY = {"huey_class": "huey.PostgresHuey", "name": "trustrepair", "dsn": JOBS_URL, "create_tables": False}
elif JOBS_URL.startswith(("redis://", "rediss://")):
    HUEY = {"huey_class": "huey.RedisHuey", "name": "trustrepair", "url": JOBS_URL}
else:
    _jobs_file = Path(JOBS_URL.removeprefix("sqlite:///"))
    _jobs_file.parent.mkdir(parents=True, exist_ok=True)
    HUEY = {"huey_class": "huey.SqliteHuey", "name": "trustrepair", "filename": str(_jobs_file)}
HUEY |= {"immediate": False, "results": False, "consumer": {"workers": 2, "worker_type": "thread"}}

# Crisis lines shown when a visitor's region is not known (a region code from safety/data/crisis_lines.json,
# for a deployment that serves one country). Unset: no country's lines by default; the crisis page opens with
# a region picker and the international directory, and guesses the region from the browser.
DEFAULT_REGION = os.environ.get("DEFAULT_REGION", "")
