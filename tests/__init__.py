"""The test suite (a package, so that it also runs under --import-mode=importlib)."""
