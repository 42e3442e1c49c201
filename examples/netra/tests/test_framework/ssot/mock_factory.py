"""The test suite's one mock factory (SSOT): `create_mock` only, so far."""

from unittest import mock


class SSotMockFactory:
    """Creates mocks for integration tests."""

    @staticmethod
    def create_mock(name: str) -> mock.MagicMock:
        """A named MagicMock."""
        return mock.MagicMock(name=name)
