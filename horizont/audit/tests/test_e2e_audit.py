"""In a real browser: a site administrator logs in with two-factor and reads the audit log."""

import re

import pytest

from horizont.audit.services import audit_record
from horizont.testing.personas import current_code, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_site_admin_reads_the_audit_log(page):
    admin = make_user("root@example.org", superuser=True, mfa=True)
    audit_record(actor=admin, action="initiative.approve", details={"note": "demo"})
    page.goto("/en/audit/")
    assert page.get_by_role("heading", name="Access denied").is_visible()

    page.goto("/en/accounts/login/?next=/en/audit/")
    page.get_by_label("Email").fill("root@example.org")
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"/2fa/authenticate/"))
    page.get_by_label("Code").fill(current_code())
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"/en/audit/"))
    assert page.get_by_role("cell", name="initiative.approve").is_visible()
