"""Horizont: an open-source platform for democratic diaspora networks."""

__version__ = "0.1.0"
