"""Django's PostgreSQL backend with two per-request costs removed (see ``base``)."""
