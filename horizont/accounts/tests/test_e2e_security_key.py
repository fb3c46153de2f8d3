"""A security key (WebAuthn) added in a real browser, with Chromium's virtual authenticator."""

import re

import pytest
from allauth.mfa.models import Authenticator

from horizont.testing.personas import make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_user_adds_a_security_key(page, settings):
    # The live server speaks plain HTTP on localhost (a secure context for browsers).
    settings.MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
    user = make_user("keyholder@example.org")
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill("keyholder@example.org")
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"/(en|de|ru|pl)/$"))  # the start page after login

    page.goto("/en/accounts/2fa/webauthn/add/")
    if "/reauthenticate/" in page.url:
        page.get_by_label("Password").fill("correct-horse-battery")
        page.get_by_role("button", name="Confirm").click()
        page.wait_for_url(re.compile(r"/webauthn/add/"))
    page.get_by_label("Name").fill("Office key")
    page.get_by_role("button", name="Add").click()
    page.wait_for_url(lambda url: not url.endswith("/webauthn/add/"))
    key = Authenticator.objects.get(user=user, type=Authenticator.Type.WEBAUTHN)
    assert key.wrap().name == "Office key"
    assert user.mfa_enrolled  # two-factor counts from the next sign-in with the key
    assert not user.has_mfa
