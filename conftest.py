"""Root pytest configuration: shared plugins for every app's tests."""

pytest_plugins = ["horizont.testing.e2e"]
