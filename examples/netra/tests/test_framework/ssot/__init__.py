"""SSOT helpers."""
