"""The in-child probe: kinds, and the attribution rule applied to real caught warnings."""

from __future__ import annotations

import enum
import functools
import json
import textwrap
import warnings

import pytest

from ssot_registry.exceptions import DeprecatedAliasWarning
from ssot_registry.registry import load_text
from ssot_registry.runtime.cpython import LazyImportFailure
from ssot_registry.triage.dynamic import failure_from_cause
from ssot_registry.validator.probe import SNIPPET_FILE, _Prober, kind_of, lazy_import_failed
from ssot_registry.validator.records import Cause, alias_task

REGISTRY = load_text(
    textwrap.dedent("""\
    [registry]
    schema = 1
    name = "probe"

    [[alias]]
    old = "json:old_loads"
    new = "json:loads"
""")
)
TASK = alias_task(REGISTRY.aliases[0], 0)


class Color(enum.Enum):
    """A plain enum, for kind_of."""

    RED = 1


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (json, "module"),
        (Color, "class"),
        (json.loads, "function"),
        (len, "function"),
        (functools.partial(len), "callable"),
        (Color.RED, "object"),
        (3, "object"),
    ],
)
def test_kind_of(value: object, kind: str) -> None:
    """Modules, classes, routines (incl. builtins), other callables and plain objects."""
    assert kind_of(value) == kind


def caught(*, count: int, from_snippet: bool) -> list[warnings.WarningMessage]:
    """Real warnings emitted `count` times, either from the snippet's line or from here."""
    with warnings.catch_warnings(record=True) as records:
        warnings.simplefilter("always")
        for _ in range(count):
            if from_snippet:
                exec(
                    compile(
                        "import warnings\nwarnings.warn(W, stacklevel=1)", SNIPPET_FILE, "exec"
                    ),
                    {"W": DeprecatedAliasWarning("old")},
                )
            else:
                warnings.warn(DeprecatedAliasWarning("old"), stacklevel=1)
    return records


def findings(records: list[warnings.WarningMessage]) -> list[tuple[str | None, str]]:
    """What the attribution rule says about these warnings."""
    prober = _Prober(REGISTRY, frozenset())
    outcomes = prober._attribution(TASK, REGISTRY.aliases[0], records, None)
    return [(o.code, o.message) for o in outcomes]


def test_warning_at_the_wrong_line_is_ssot033() -> None:
    """A warning attributed to a line other than the importing statement is misattributed."""
    records = caught(count=1, from_snippet=True)
    assert findings(records) == [
        (
            "SSOT033",
            f"the warning for json:old_loads points at {SNIPPET_FILE}:2, not at the importing line",
        )
    ]


def test_warning_from_another_file_is_ssot033() -> None:
    """A warning pointing into another file (e.g. the library) is misattributed."""
    ((code, message),) = findings(caught(count=1, from_snippet=False))
    assert code == "SSOT033"
    assert message.startswith(f"the warning for json:old_loads points at {__file__}:")


def test_two_warnings_for_one_use_is_ssot033() -> None:
    """One use must warn exactly once."""
    assert findings(caught(count=2, from_snippet=True)) == [
        ("SSOT033", "using json:old_loads emitted 2 alias warnings, expected 1")
    ]


LAZY_FAILURE = LazyImportFailure(
    "y",
    ModuleNotFoundError("No module named 'nowhere'", name="nowhere"),
    "/src/app/user.py",
    5,
)


def test_a_broken_lazy_import_is_ssot010_at_the_lazy_statement() -> None:
    """A lazy import that fails when resolved reads as SSOT010 located at its `lazy` statement."""
    message, cause = lazy_import_failed("app.user", LAZY_FAILURE, None, frozenset({"app"}))
    assert message == (
        "cannot import app.user: lazy import of 'y' fails: "
        "ModuleNotFoundError: No module named 'nowhere' at /src/app/user.py:5"
    )
    assert cause == Cause(
        "app.user", "/src/app/user.py", 5, "ModuleNotFoundError: No module named 'nowhere'"
    )


def test_triage_reads_a_broken_lazy_import_as_a_missing_module() -> None:
    """Triage's typed failure of that cause names the missing module and the lazy statement."""
    _, cause = lazy_import_failed("app.user", LAZY_FAILURE, None, frozenset({"app"}))
    failure = failure_from_cause("app.user", "SSOT010", cause)
    assert (failure.exception, failure.missing_module, failure.file, failure.line) == (
        "ModuleNotFoundError",
        "nowhere",
        "/src/app/user.py",
        5,
    )
