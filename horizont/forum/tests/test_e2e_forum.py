"""A member replies in a thread and another member reports a post, in a real browser."""

import re

import pytest

from horizont.forum.models import Post, Report
from horizont.testing.personas import make_user

from .conftest import make_thread

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"


def _log_in(page, email):
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"/(en|de|ru|pl)/$"))  # the start page after login


def test_post_a_reply_and_report_a_post(page):
    from horizont.forum.models import Category

    category = Category.objects.create(name="Life abroad", slug="life-abroad")
    author = make_user("author@example.org", display_name="Author")
    make_user("reader@example.org", display_name="Reader")
    thread = make_thread(category, author, title="Finding a flat", body="Any tips?")

    _log_in(page, "reader@example.org")
    page.goto("/en/forum/")
    page.get_by_role("link", name="Life abroad").click()
    page.get_by_role("link", name="Finding a flat").click()
    page.wait_for_url(re.compile(rf"/forum/t/{thread.pk}/"))
    page.get_by_label("Your reply").fill("Try the **tenants' club**.")
    page.get_by_role("button", name="Publish reply").click()
    page.wait_for_url(re.compile(rf"/forum/t/{thread.pk}/"))
    assert page.get_by_text("Your reply was published.").is_visible()
    assert page.locator(".post-body strong", has_text="tenants' club").is_visible()
    assert Post.objects.filter(thread=thread).count() == 2

    page.get_by_role("link", name="Report this post").first.click()
    page.wait_for_url(re.compile(r"/forum/p/\d+/report/"))
    page.get_by_label("What is wrong with this post").fill("Spam link")
    page.get_by_role("button", name="Send report").click()
    page.wait_for_url(re.compile(rf"/forum/t/{thread.pk}/"))
    assert page.get_by_text("Thank you. Moderators will look at this post.").is_visible()
    report = Report.objects.get()
    assert report.reason == "Spam link" and report.post.author == author
