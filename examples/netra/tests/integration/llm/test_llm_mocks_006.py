"""Integration test 6 of the llm group."""

from test_framework.ssot.mock_factory import SSotMockFactory

LLM_MANAGER = SSotMockFactory.create_mock_llm_manager()


def test_llm_006() -> None:
    """llm case 6."""
    assert LLM_MANAGER is not None
