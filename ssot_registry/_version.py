"""The installed version of ssot-registry."""

__version__ = "0.1.0"
