"""Databases for tests and benchmarks that need one of their own."""

from __future__ import annotations


def ensure_postgres_database(url: str) -> None:
    """Create the PostgreSQL database named at the end of ``url`` unless it exists."""
    import psycopg
    from psycopg import sql

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
