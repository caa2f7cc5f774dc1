"""Production settings: secrets are required, named when missing, and the deploy check is clean."""

import os
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[3]


def run_manage(*args, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"TRUSTREPAIR_LOCAL", "SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    clean.update(env)
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


def test_a_missing_secret_stops_start_up_with_one_line_naming_it():
    result = run_manage("check", FIELD_ENCRYPTION_KEYS=Fernet.generate_key().decode())
    assert result.returncode != 0
    assert result.stderr.strip() == "TrustRepair cannot start: the environment variable SECRET_KEY is not set."


def test_a_missing_encryption_key_is_named_too():
    result = run_manage("check", SECRET_KEY="x" * 60)
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_check_deploy_reports_nothing_under_production_settings(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="k" + Fernet.generate_key().decode() + Fernet.generate_key().decode(),
        FIELD_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        ALLOWED_HOSTS="trustrepair.example",
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
        TRUSTREPAIR_VAR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def test_seed_demo_refuses_to_run_under_production_settings(tmp_path):
    result = run_manage(
        "seed_demo",
        SECRET_KEY="k" + Fernet.generate_key().decode(),
        FIELD_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
        TRUSTREPAIR_VAR=str(tmp_path),
    )
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "seed_demo" in lines[0] and "TRUSTREPAIR_LOCAL=1" in lines[0], result.stderr
    assert "Demo accounts" not in result.stdout
