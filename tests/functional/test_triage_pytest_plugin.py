"""`pytest --ssot-triage`: pytest's own collection errors grouped, classified and proposed."""

from __future__ import annotations

import textwrap

import pytest

MOVED = {
    "app/__init__.py": "",
    "app/core/__init__.py": "",
    "app/core/models.py": "class Thing:\n    pass\n",
    "tests/test_thing.py": "from app.core import Thing\n\n\ndef test_thing():\n    assert Thing\n",
    "tests/test_other_thing.py": "from app.core import Thing\n\n\n"
    "def test_it():\n    assert Thing\n",
    "tests/test_fine.py": "import app.core.models\n\n\ndef test_fine():\n    assert app\n",
}

PROPOSAL = [
    "SSOT201 moved [likely]: tests/test_other_thing.py:1",
    "  ImportError: cannot import name 'Thing' from 'app.core' (app/core/__init__.py)",
    "  evidence: defined at app/core/models.py:1",
    "  proposal:",
    "    [[alias]]",
    '    old = "app.core:Thing"',
    '    new = "app.core.models:Thing"',
    "  breaks 2 modules: test_other_thing, test_thing",
]


def _tree(pytester: pytest.Pytester, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = pytester.path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    pytester.makeini("[pytest]\npythonpath = .\n")


def _summary(lines: list[str]) -> list[str]:
    start = next(i for i, line in enumerate(lines) if "ssot-registry triage" in line)
    end = next(i for i, line in enumerate(lines) if line.startswith("triage: "))
    return lines[start + 1 : end + 1]


def test_collect_only_groups_collection_errors(pytester: pytest.Pytester) -> None:
    """Two files failing on one moved name are one SSOT201 root cause in the summary."""
    _tree(pytester, MOVED)
    result = pytester.runpytest_subprocess("--collect-only", "-q", "--ssot-triage", "tests")
    summary = _summary(result.outlines)
    assert summary[:8] == PROPOSAL
    assert summary[-1] == "triage: 3 modules, 1 importable, 1 root causes, 1 with a proposal"


def test_works_under_xdist(pytester: pytest.Pytester) -> None:
    """With `-n 2` the workers' collection errors reach the controller's summary."""
    _tree(pytester, MOVED)
    result = pytester.runpytest_subprocess("-n", "2", "--ssot-triage", "tests")
    summary = _summary(result.outlines)
    assert summary[-1] == "triage: 3 modules, 1 importable, 1 root causes, 1 with a proposal"
    assert summary[4:8] == PROPOSAL[4:8]


def test_propose_writes_the_fragment(pytester: pytest.Pytester) -> None:
    """--ssot-triage-propose FILE writes the proposals with their evidence."""
    _tree(pytester, MOVED)
    result = pytester.runpytest_subprocess(
        "--collect-only", "-q", "--ssot-triage-propose", "proposed.toml", "tests"
    )
    assert "proposals written to proposed.toml" in result.outlines
    text = (pytester.path / "proposed.toml").read_text(encoding="utf-8")
    assert (
        "# evidence: defined at app/core/models.py:1\n# confidence: likely\n"
        '[[alias]]\nold = "app.core:Thing"\nnew = "app.core.models:Thing"\n'
    ) in text


DJANGO = {
    "mysite/__init__.py": "",
    "mysite/settings.py": """\
        SECRET_KEY = "triage-test"
        INSTALLED_APPS = ["django.contrib.contenttypes", "shop"]
        DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
        USE_TZ = True
        DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
        """,
    "shop/__init__.py": "",
    "shop/models.py": """\
        from django.db import models


        class Product(models.Model):
            name = models.CharField(max_length=40)
        """,
    "shop/pricing.py": """\
        def format_price(cents):
            return f"{cents / 100:.2f}"
        """,
    "tests/test_products.py": """\
        from shop.models import Product


        def test_label():
            assert Product._meta.app_label == "shop"
        """,
    "tests/test_prices.py": """\
        from shop.models import Product, format_price


        def test_price():
            assert format_price(150) == "1.50"
        """,
}


def test_alongside_pytest_django_with_its_settings(pytester: pytest.Pytester) -> None:
    """pytest-django sets the project's settings up; only the moved name remains a cause."""
    _tree(pytester, DJANGO)
    pytester.makeini("[pytest]\npythonpath = .\nDJANGO_SETTINGS_MODULE = mysite.settings\n")
    result = pytester.runpytest_subprocess("-p", "pytest_django", "--ssot-triage", "tests")
    summary = _summary(result.outlines)
    assert summary[0] == "SSOT201 moved [likely]: tests/test_prices.py:1"
    assert '    old = "shop.models:format_price"' in summary
    assert '    new = "shop.pricing:format_price"' in summary
    assert summary[-1] == "triage: 2 modules, 1 importable, 1 root causes, 1 with a proposal"
    assert "collected 1 item / 1 error" in result.outlines  # models import: settings are set up
