"""Horizont settings: one module, driven by environment variables (see README)."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from horizont.lib.env import env_bool, env_int, env_list, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent
VAR_DIR = Path(env_str("HORIZONT_VAR_DIR", str(PROJECT_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
TESTING = "pytest" in sys.modules or env_bool("HORIZONT_TESTING", False)

SECRET_KEY = env_secret("SECRET_KEY", generate_into=VAR_DIR / "secret_key")
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEY", []) or [
    env_secret("FIELD_ENCRYPTION_KEY", generate_into=VAR_DIR / "field_encryption_key")
]

# Public address of the site, for links in e-mails sent outside a request (reminders).
HORIZONT_SITE_URL = env_str("HORIZONT_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# The site's name in mails ("Hello from Horizont!") and wherever it names itself.
SITE_NAME = env_str("SITE_NAME", "Horizont")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "horizont.accounts",
    "horizont.audit",
    "horizont.jobs",
    "horizont.core",
    "horizont.network",
    "horizont.events",
    "horizont.publications",
    "horizont.forum",
    "horizont.elections",
    "horizont.sanctions",
    "horizont.donations",
    "horizont.petitions",
    "horizont.positions",
    "horizont.observers",
    "horizont.abroad",
    "horizont.core.admin_site.HorizontAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "horizont.core.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "horizont.accounts.middleware.SessionTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "horizont.accounts.middleware.UserLanguageMiddleware",
    "horizont.core.middleware.QueryParametersMiddleware",
    "horizont.core.ratelimit.RateLimitedMiddleware",
]

ROOT_URLCONF = "horizont.urls"
WSGI_APPLICATION = "horizont.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "horizont.core.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'horizont.sqlite3'}")
# Health checks: a connection that the database dropped is replaced, not reused (500s).
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache, rate limits, background work ----------------------------------------------
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# "thread" runs tasks in the web process without any extra service; "celery" hands them
# to Celery workers over Redis; "immediate" runs them inline (tests).
TASKS_BACKEND = env_str("TASKS_BACKEND", "celery" if REDIS_URL else "thread")
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", REDIS_URL or "redis://127.0.0.1:6379/0")
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1

# --- Accounts -------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"  # or where people were going (?next=)
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_ADAPTER = "horizont.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_UNIQUE_EMAIL = True
# Do not mail strangers who are not registered (no spam relay, nothing revealed).
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Horizont] "
ACCOUNT_RATE_LIMITS = {
    # A flood guard only: behind a NAT or the onion service everybody is one address, and
    # guessing is stopped by the login_failed limits below and in accounts/limits.py.
    "login": "300/m/ip",
    # Per account only (a short back-off); per address see accounts/limits.py, so that
    # one account's failures never lock out others behind the same address.
    "login_failed": "5/5m/key",
    "signup": "10/h/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
# Client IPs are used only as rate-limit cache keys. Behind N reverse proxies set this.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ACCOUNT_ALLOW_SIGNUP = env_bool("ACCOUNT_ALLOW_SIGNUP", True)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "Horizont"
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
MFA_PASSKEY_LOGIN_ENABLED = False
# Rate limits for our own forms (posting, signatures): "count/seconds".
HORIZONT_RATE_LIMITS = {
    "post": (20, 600),
    "signature": (10, 3600),
    # analyses started by visiting a page not computed yet (e.g. a region's report)
    "analysis": (20, 3600),
}

# --- Internationalisation -------------------------------------------------------------
LANGUAGE_CODE = "ru"
LANGUAGES = [
    ("ru", _("Russian")),
    ("en", _("English")),
    ("de", _("German")),
    ("pl", _("Polish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static and media -----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Before `collectstatic` has run (development, tests) WhiteNoise finds no STATIC_ROOT;
# the static files are then served from the apps' folders, so the warning says nothing.
warnings.filterwarnings("ignore", message="No directory at")
if not DEBUG and not TESTING:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {
            "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
        },
    }

# --- E-mail ---------------------------------------------------------------------------
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.filebased.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Horizont <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security -------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
if ALLAUTH_TRUSTED_PROXY_COUNT > 0:
    # Only a proxy we trust may tell us the request came over HTTPS; without one, a
    # client could send the header itself.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Extra image sources for the Content-Security-Policy (the configured map tile server).
MAP_TILE_URL = env_str("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = env_str("MAP_TILE_ATTRIBUTION", "")

# --- Logging --------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "horizont.lib.logs.JsonFormatter"}},
    "filters": {"no_addresses": {"()": "horizont.lib.logs.NoAddressFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["no_addresses"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# --- Engines --------------------------------------------------------------------------
HORIZONT_LISTS_DIR = Path(env_str("HORIZONT_LISTS_DIR", str(VAR_DIR / "lists")))

NINJA_PAGINATION_PER_PAGE = 50

if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    TASKS_BACKEND = env_str("TASKS_BACKEND", "immediate")
    SECURE_SSL_REDIRECT = False
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }

# --- Petitions ------------------------------------------------------------------------
# Signers' names and addresses are erased this many days after a petition's delivery.
PETITIONS_SIGNER_RETENTION_DAYS = env_int("PETITIONS_SIGNER_RETENTION_DAYS", 90)
# Guest signatures per e-mail address (on top of the per-client "signature" limit).
HORIZONT_RATE_LIMITS["signature_email"] = (3, 3600)

# --- Positions ---------------------------------------------------------------
# Votes on opinion-map statements come in quick succession: a limit of their own.
HORIZONT_RATE_LIMITS["vote"] = (300, 600)

# --- Observers ------------------------------------------------------------------------
# Volunteers' personal data is deleted this many days after their programme ends.
OBSERVERS_RETENTION_DAYS = env_int("OBSERVERS_RETENTION_DAYS", 90)
# --- Sign-in limits, client addresses, requests (docs/operations.md) -------------------
# Failed sign-ins: at most this many *different* accounts may fail from one address in
# 15 minutes (each account also has its own back-off in ACCOUNT_RATE_LIMITS).
HORIZONT_RATE_LIMITS["login_failed_accounts"] = (
    env_int("LOGIN_FAILED_ACCOUNTS_PER_ADDRESS", 20),
    15 * 60,
)
# Client addresses reach the cache only as HMACs with a random salt that changes this often.
HORIZONT_ADDRESS_SALT_SECONDS = 24 * 3600
# Security notifications by e-mail: password, e-mail and two-factor changes.
ACCOUNT_EMAIL_NOTIFICATIONS = True
# Security settings (two-factor, data export, account deletion) ask for the password
# again when the session's last sign-in step is older than this (docs/operations.md).
ACCOUNT_REAUTHENTICATION_TIMEOUT = env_int("ACCOUNT_REAUTHENTICATION_TIMEOUT", 15 * 60)

# --- Votes abroad -----------------------------------------------------------------------
# Guests' pledge addresses are erased this many days after the last voting day.
ABROAD_GUEST_RETENTION_DAYS = env_int("ABROAD_GUEST_RETENTION_DAYS", 30)
# Hours of a voting day when coordinators did not enter others (local time at the station).
ABROAD_DEFAULT_HOURS = ("08:00", "20:00")
# Queue reports: a few per client per ten minutes and station-independent.
HORIZONT_RATE_LIMITS["abroad_queue"] = (3, 600)

# --- Screening ---------------------------------------------------------------
# Lists older than this many days are flagged on the screening page, the CLI and letters.
SCREENING_MAX_LIST_AGE_DAYS = env_int("HORIZONT_SCREENING_MAX_LIST_AGE_DAYS", 14)
# Web processes open the stored screening index when they start (never on a request).
SCREENING_OPEN_AT_START = env_bool("HORIZONT_SCREENING_OPEN_AT_START", not TESTING)
# --- Background jobs: heartbeats and the sweeper of jobs whose worker died ------------
# A running job's worker writes a heartbeat this often; a job silent for JOBS_STALE_SECONDS
# is failed by `horizont jobs_sweep` (every JOBS_SWEEP_SECONDS in Celery beat, and when
# someone looks at the job), and its files are removed.
JOBS_HEARTBEAT_SECONDS = float(env_str("JOBS_HEARTBEAT_SECONDS", "30"))
JOBS_STALE_SECONDS = float(env_str("JOBS_STALE_SECONDS", "300"))
JOBS_QUEUED_TIMEOUT_SECONDS = env_int("JOBS_QUEUED_TIMEOUT_SECONDS", 24 * 3600)
JOBS_SWEEP_SECONDS = env_int("JOBS_SWEEP_SECONDS", 60)
# Tasks are acknowledged after they ran (CELERY_TASK_ACKS_LATE): a message whose worker
# died is delivered again after the visibility timeout, longer than the longest job.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3 * 3600)
}
CELERY_BEAT_SCHEDULE = {
    "jobs-sweep": {"task": "horizont.jobs_sweep", "schedule": float(JOBS_SWEEP_SECONDS)},
}

# --- Private files: outside MEDIA_ROOT, served only through views that check permissions
PRIVATE_ROOT = Path(env_str("PRIVATE_ROOT", str(VAR_DIR / "private")))
# "" (Django streams the file), "nginx" (X-Accel-Redirect to PRIVATE_FILES_INTERNAL_URL,
# an `internal` location aliased to PRIVATE_ROOT) or "sendfile" (X-Sendfile, Apache).
PRIVATE_FILES_SERVER = env_str("PRIVATE_FILES_SERVER", "")
PRIVATE_FILES_INTERNAL_URL = env_str("PRIVATE_FILES_INTERNAL_URL", "/_private/")
# Finished jobs (with their results, e.g. batch screening) are deleted after this many days.
JOBS_RETENTION_DAYS = env_int("JOBS_RETENTION_DAYS", 30)
CELERY_BEAT_SCHEDULE["jobs-purge"] = {"task": "horizont.jobs_purge", "schedule": 3600.0}
