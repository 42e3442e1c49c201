"""The pytest plugin through pytester: items per entry, the session install, the alias summary."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

APP = {
    "pkgp/__init__.py": "",
    "pkgp/core.py": "def make():\n    return 1\n",
    "pkgp/broken.py": "from pkgp.core import unmake\n",
}
REGISTRY = """\
[registry]
schema = 1
name = "plug"

[requires]
packaging = ">=1"

[symbols]
make = { path = "pkgp.core:make", kind = "function" }
broken = "pkgp.broken:thing"

[[alias]]
old = "pkgp.legacy:make"
new = "pkgp.core:make"
since = "1.0"
"""
TESTS = """\
def test_from_import():
    from pkgp.legacy import make
    assert make() == 1


def test_attribute():
    import pkgp.legacy
    assert pkgp.legacy.make() == 1


def test_plain():
    from pkgp.core import make
    assert make() == 1
"""


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    """A real package, its registry.toml and tests that use the alias twice."""
    pytester.makepyfile(**{name.removesuffix(".py"): src for name, src in APP.items()})
    pytester.makefile(".toml", registry=REGISTRY)
    pytester.makepyfile(test_use=TESTS)
    return pytester


def test_inert_without_a_registry(project: pytest.Pytester) -> None:
    """Without --ssot-registry or the ini option, no items are added and no summary printed."""
    result = project.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=2)
    assert "deprecated aliases used" not in result.stdout.str()
    assert "registry.toml" not in result.stdout.str()


def test_one_item_per_entry_with_readable_ids(project: pytest.Pytester) -> None:
    """Every requirement, symbol and alias is an item, id `registry.toml::kind::entry`."""
    result = project.runpytest_subprocess(
        "--ssot-registry", "registry.toml", "--collect-only", "-q", "-p", "no:cacheprovider"
    )
    assert result.stdout.lines[:5] == [
        "registry.toml::registry",
        "registry.toml::requirement::packaging",
        "registry.toml::symbol::make",
        "registry.toml::symbol::broken",
        "registry.toml::alias::pkgp.legacy:make",
    ]


def test_items_run_the_checks_and_aliases_are_counted(project: pytest.Pytester) -> None:
    """The broken symbol fails with its finding; the alias uses are summed with the first test."""
    result = project.runpytest_subprocess(
        "--ssot-registry", "registry.toml", "-p", "no:cacheprovider"
    )
    result.assert_outcomes(passed=7, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*registry.toml:10: SSOT010 cannot import pkgp.broken: ImportError: cannot import name "
            "'unmake' from 'pkgp.core'*",
            "*ssot-registry: deprecated aliases used*",
            "pkgp.legacy:make -> pkgp.core:make: 2 uses, first in test_use.py::test_from_import",
        ]
    )


def test_ini_option_activates_the_plugin(project: pytest.Pytester) -> None:
    """`ssot_registry = registry.toml` in the ini file works like the command-line option."""
    project.makeini("[pytest]\nssot_registry = registry.toml\n")
    result = project.runpytest_subprocess("-p", "no:cacheprovider", "-k", "alias or test_")
    result.assert_outcomes(passed=4)
    result.stdout.fnmatch_lines(["pkgp.legacy:make -> pkgp.core:make: 2 uses, first in *"])


def test_strict_makes_alias_use_fail_the_test(project: pytest.Pytester) -> None:
    """With --ssot-strict, the tests that use the deprecated path fail; the others pass."""
    result = project.runpytest_subprocess(
        "--ssot-registry",
        "registry.toml",
        "--ssot-strict",
        "-p",
        "no:cacheprovider",
        "test_use.py",
    )
    result.assert_outcomes(failed=2, passed=1)
    result.stdout.fnmatch_lines(
        [
            "E*ImportError: pkgp.legacy:make is deprecated since 1.0; use pkgp.core:make instead.",
        ]
    )


def test_works_under_xdist(project: pytest.Pytester) -> None:
    """Under `pytest -n 2` the items run on workers and the alias counts are merged."""
    result = project.runpytest_subprocess(
        "--ssot-registry", "registry.toml", "-n", "2", "-p", "no:cacheprovider"
    )
    result.assert_outcomes(passed=7, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*ssot-registry: deprecated aliases used*",
            "pkgp.legacy:make -> pkgp.core:make: 2 uses, first in test_use.py::test_*",
        ]
    )


def test_unusable_registry_is_a_usage_error(project: pytest.Pytester) -> None:
    """A registry with an SSOT001 problem stops pytest with the located message."""
    project.makefile(".toml", bad='[registry]\nschema = 1\nname = "x"\n[symbols]\nx = "a b"\n')
    result = project.runpytest_subprocess("--ssot-registry", "bad.toml", "-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["ERROR: ssot-registry: *bad.toml:5*SSOT001*"])


def test_registry_findings_fail_the_registry_item(project: pytest.Pytester) -> None:
    """SSOT002-005 about an alias fail that alias's item (SPEC section 10), not `registry`."""
    project.makefile(
        ".toml",
        registry=REGISTRY + '\n[[alias]]\nold = "pkgp.legacy:make"\nnew = "pkgp.core:make"\n',
    )
    result = project.runpytest_subprocess(
        "--ssot-registry", "registry.toml", "-p", "no:cacheprovider", "registry.toml"
    )
    result.stdout.fnmatch_lines(
        [
            "registry.toml:17: SSOT002 alias[1].old: 'pkgp.legacy:make' is already the old path of "
            "alias[0] (line 12); keep one entry",
        ]
    )
    result.assert_outcomes(passed=3, failed=3)
    assert "FAILED registry.toml::alias::pkgp.legacy:make" in result.stdout.str()
    assert "FAILED registry.toml::registry" not in result.stdout.str()


def test_conftest_importing_an_old_path_works(project: pytest.Pytester) -> None:
    """The registry is installed before the first conftest.py is imported."""
    project.makeconftest("from pkgp.legacy import make\n\nMADE = make()\n")
    result = project.runpytest_subprocess(
        "--ssot-registry", "registry.toml", "-p", "no:cacheprovider", "test_use.py"
    )
    result.assert_outcomes(passed=3)
    result.stdout.fnmatch_lines(
        [
            "pkgp.legacy:make -> pkgp.core:make: 3 uses, first in (collection)",
        ]
    )
