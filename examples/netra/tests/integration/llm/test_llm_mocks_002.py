"""Integration test 2 of the llm group."""

from test_framework.ssot.mock_factory import SSotMockFactory

LLM_MANAGER = SSotMockFactory.create_mock_llm_manager()


def test_llm_002() -> None:
    """llm case 2."""
    assert LLM_MANAGER is not None
