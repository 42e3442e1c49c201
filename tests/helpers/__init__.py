"""Helpers shared by the tests: sample registries and real files, packages and distributions."""
