import pytest
from django.core.exceptions import ValidationError

from horizont.events.models import validate_report_link


@pytest.mark.parametrize("value", ["/publications/12/", "https://example.org/report"])
def test_report_link_accepts_site_paths_and_web_addresses(value):
    validate_report_link(value)


@pytest.mark.parametrize(
    "value", ["javascript:alert(1)", "//evil.example/x", "ftp://example.org/r", "report"]
)
def test_report_link_refuses_scripts_other_schemes_and_protocol_relative(value):
    with pytest.raises(ValidationError):
        validate_report_link(value)
