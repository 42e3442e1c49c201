"""Netra backend: a miniature of the application in the seed report."""
