"""Tool integrations."""
