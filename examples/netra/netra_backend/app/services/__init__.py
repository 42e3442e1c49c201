"""Infrastructure services."""
