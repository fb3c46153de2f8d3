"""Petition signatures under load: concurrent confirmations behind gunicorn, and the
petition page with 100,000 signatures — each against a naive baseline in the same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/horizont_petitions_bench \\
        .venv/bin/python benchmarks/petitions_signatures.py [--confirmations 1000]

1. Confirmations: 1,000 guests confirm their signatures on one petition through
   gunicorn on 127.0.0.1 (PostgreSQL), with bounded concurrency (``--clients``
   simultaneous clients). Each client loads the confirmation page (for the CSRF token)
   and posts it; the POST is timed. Afterwards the public count must equal the confirmed
   rows exactly. The baseline runs the same load against a naive confirmation
   (read the count, add one, save) mounted only in this benchmark: it loses updates.
   The benchmark raises the per-client rate limit, since every client is 127.0.0.1.
2. The petition page with 100,000 confirmed signatures (median server time through the
   Django test client). The baseline renders the same page counting the confirmed rows
   on every request and without the partial index on the newest public signers.

Targets: 0 errors, count == confirmed rows, p99 ≤ 300 ms; page ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from horizont.testing.databases import ensure_postgres_database  # noqa: E402

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/horizont_petitions_bench")

SETTINGS = """
from horizont.settings import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Every benchmark client is 127.0.0.1: lift the per-client limit, keep its code path.
HORIZONT_RATE_LIMITS = dict(HORIZONT_RATE_LIMITS, signature=(10**9, 3600))
ROOT_URLCONF = "petitions_bench_urls"
LOGGING = {"version": 1, "disable_existing_loggers": True}
"""

URLS = '''
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import path
from django.utils import timezone

from horizont.petitions import services
from horizont.petitions.models import Petition, Signature
from horizont.urls import urlpatterns as site


def naive_confirm(request, token):
    """The simple way: read the count, add one, save. Loses updates under concurrency."""
    signature = services.signature_from_token(token)
    if request.method == "POST" and signature.status == "pending":
        signature.status = "confirmed"
        signature.confirmed_at = timezone.now()
        signature.save(update_fields=["status", "confirmed_at"])
        petition = Petition.objects.get(pk=signature.petition_id)
        petition.signature_count += 1
        petition.save(update_fields=["signature_count"])
    return HttpResponseRedirect("/")


urlpatterns = [path("naive/confirm/<str:token>/", naive_confirm), *site]
'''


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_petition(title: str, pending: int, confirmed: int = 0):  # type: ignore[no-untyped-def]
    import datetime as dt

    from django.db import connection
    from django.utils import timezone

    from horizont.network.models import Initiative
    from horizont.petitions.models import Petition, PetitionText, Signature
    from horizont.petitions.services import email_digest

    initiative, _created = Initiative.objects.get_or_create(
        slug="bench-petitions",
        defaults={"name": "Bench petitions", "language": "de", "country": "DE",
                  "city": "Berlin", "status": "approved"},
    )  # fmt: skip
    Petition.objects.filter(texts__title=title).delete()
    petition = Petition.objects.create(
        initiative=initiative, goal=max(1000, confirmed), status="open",
        deadline=timezone.now() + dt.timedelta(days=30),
    )  # fmt: skip
    PetitionText.objects.create(petition=petition, language="en", title=title, text="Bench.")
    now = timezone.now()
    publics = ["nothing", "nothing", "first_name_city", "name"]
    batch = []
    for i in range(pending + confirmed):
        is_confirmed = i < confirmed
        email = f"bench-{petition.pk}-{i}@example.org"
        batch.append(
            Signature(
                petition=petition, name=f"Signer {i}", email=email,
                email_digest=email_digest(email), city="Berlin", country="DE",
                public_display=publics[i % 4],
                status="confirmed" if is_confirmed else "pending",
                confirmed_at=now - dt.timedelta(seconds=i) if is_confirmed else None,
            )
        )  # fmt: skip
        if len(batch) == 5000:
            Signature.objects.bulk_create(batch)
            batch = []
    Signature.objects.bulk_create(batch)
    Petition.objects.filter(pk=petition.pk).update(signature_count=confirmed)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE petitions_signature")
    return Petition.objects.get(pk=petition.pk)


def confirm_once(port: int, path: str) -> tuple[float, bool]:
    """GET the confirmation page for the CSRF token, then time the POST."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read().decode()
        cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        if response.status != 200 or cookie is None or token is None:
            return 0.0, False
        data = urlencode({"csrfmiddlewaretoken": token.group(1)})
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookie.group(1)}",
        }
        started = time.perf_counter()
        conn.request("POST", path, body=data, headers=headers)
        response = conn.getresponse()
        response.read()
        elapsed = (time.perf_counter() - started) * 1000
        return elapsed, response.status == 302
    except OSError:
        return 0.0, False
    finally:
        conn.close()


def run_load(port: int, paths: list[str], clients: int) -> dict[str, float]:
    with ThreadPoolExecutor(max_workers=clients) as pool:
        started = time.perf_counter()
        results = list(pool.map(lambda p: confirm_once(port, p), paths))
        wall = time.perf_counter() - started
    times = sorted(t for t, ok in results if ok)
    errors = sum(1 for _t, ok in results if not ok)

    def pct(q: float) -> float:
        return times[min(len(times) - 1, int(q * len(times)))] if times else float("nan")

    return {"errors": errors, "p50": pct(0.5), "p95": pct(0.95), "p99": pct(0.99),
            "rate": len(paths) / wall}  # fmt: skip


def start_gunicorn(port: int, pythonpath: str, workers: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="petitions_bench_settings",
               PYTHONPATH=pythonpath, DEBUG="0")  # fmt: skip
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "horizont.wsgi",
         "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--threads", "4",
         "--worker-class", "gthread", "--log-level", "warning"],
        env=env, cwd=str(ROOT),
    )  # fmt: skip
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("gunicorn did not start")


def confirmations(args: argparse.Namespace, pythonpath: str) -> bool:
    from horizont.petitions.models import Petition
    from horizont.petitions.services import confirm_token

    port = free_port()
    server = start_gunicorn(port, pythonpath, args.workers)
    ok = True
    baseline_p99 = float("nan")
    try:
        for label, naive in (("naive baseline", True), ("Horizont", False)):
            petition = make_petition(f"Bench confirmations ({label})", args.confirmations)
            tokens = [confirm_token(s) for s in petition.signatures.order_by("pk")]
            if naive:
                result = run_naive(port, tokens, args.clients)
            else:
                paths = [f"/en/petitions/confirm/{t}/" for t in tokens]
                result = run_load(port, paths, args.clients)
            petition = Petition.objects.get(pk=petition.pk)
            rows = petition.signatures.confirmed().count()
            load = os.getloadavg()[0]
            print(
                f"{label:15} {args.confirmations} confirmations, {args.clients} clients "
                f"(machine load {load:.1f} on {os.cpu_count()} cores): "
                f"{result['errors']} errors, p50 {result['p50']:.0f} ms, "
                f"p95 {result['p95']:.0f} ms, p99 {result['p99']:.0f} ms, "
                f"{result['rate']:.0f}/s; public count {petition.signature_count} vs "
                f"{rows} confirmed rows ({rows - petition.signature_count} lost)",
                flush=True,
            )
            if naive:
                baseline_p99 = result["p99"]
            else:
                print(f"p99 ratio naive / Horizont: {baseline_p99 / result['p99']:.2f}")
                ok = (
                    result["errors"] == 0
                    and petition.signature_count == rows == args.confirmations
                    and result["p99"] <= 300
                )
    finally:
        server.terminate()
        server.wait(timeout=30)
    return ok


def run_naive(port: int, tokens: list[str], clients: int) -> dict[str, float]:
    """Same load against the naive view: the CSRF token comes from the real page."""

    def once(token: str) -> tuple[float, bool]:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            conn.request("GET", f"/en/petitions/confirm/{token}/")
            response = conn.getresponse()
            body = response.read().decode()
            cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
            csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)
            if cookie is None or csrf is None:
                return 0.0, False
            started = time.perf_counter()
            conn.request(
                "POST", f"/naive/confirm/{token}/",
                body=urlencode({"csrfmiddlewaretoken": csrf.group(1)}),
                headers={"Content-Type": "application/x-www-form-urlencoded",
                         "Cookie": f"csrftoken={cookie.group(1)}"},
            )  # fmt: skip
            response = conn.getresponse()
            response.read()
            return (time.perf_counter() - started) * 1000, response.status == 302
        except OSError:
            return 0.0, False
        finally:
            conn.close()

    with ThreadPoolExecutor(max_workers=clients) as pool:
        started = time.perf_counter()
        results = list(pool.map(once, tokens))
        wall = time.perf_counter() - started
    times = sorted(t for t, ok in results if ok)

    def pct(q: float) -> float:
        return times[min(len(times) - 1, int(q * len(times)))] if times else float("nan")

    return {"errors": sum(1 for _t, ok in results if not ok), "p50": pct(0.5),
            "p95": pct(0.95), "p99": pct(0.99), "rate": len(tokens) / wall}  # fmt: skip


def page(args: argparse.Namespace) -> bool:
    from unittest import mock

    from django.db import connection, transaction
    from django.test import Client

    from horizont.petitions import views
    from horizont.petitions.models import Petition

    petition = Petition.objects.filter(texts__title="Bench page").first()
    if petition is None or petition.signature_count != args.signatures:
        print(f"generating a petition with {args.signatures:,} signatures …", flush=True)
        petition = make_petition("Bench page", 0, confirmed=args.signatures)
    client = Client()
    url = f"/en/petitions/{petition.pk}/"

    def fetch() -> None:
        response = client.get(url)
        assert response.status_code == 200, response.status_code

    def median_ms() -> float:
        fetch()
        fetch()
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            fetch()
            times.append((time.perf_counter() - started) * 1000)
        return statistics.median(times)

    ours = median_ms()
    original = views._get_petition

    def counting(request, pk):  # type: ignore[no-untyped-def]
        found = original(request, pk)
        found.signature_count = found.signatures.confirmed().count()
        return found

    with transaction.atomic(), mock.patch.object(views, "_get_petition", counting):
        with connection.cursor() as cursor:
            cursor.execute("DROP INDEX signature_public_recent")
        naive = median_ms()
        transaction.set_rollback(True)
    print(
        f"petition page, {args.signatures:,} signatures: {ours:.1f} ms median "
        f"(naive baseline {naive:.1f} ms, {naive / ours:.1f}× faster)",
        flush=True,
    )
    return ours <= 50


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--confirmations", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=8, help="simultaneous clients")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--signatures", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    ensure_postgres_database(os.environ["DATABASE_URL"])

    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "petitions_bench_settings.py").write_text(SETTINGS)
        Path(folder, "petitions_bench_urls.py").write_text(URLS)
        pythonpath = os.pathsep.join([folder, str(ROOT)])
        sys.path.insert(0, folder)
        os.environ["DJANGO_SETTINGS_MODULE"] = "petitions_bench_settings"
        os.environ["DEBUG"] = "0"
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        confirmed_ok = confirmations(args, pythonpath)
        page_ok = page(args)
    print("targets met" if confirmed_ok and page_ok else "TARGETS MISSED")
    sys.exit(0 if confirmed_ok and page_ok else 1)


if __name__ == "__main__":
    main()
