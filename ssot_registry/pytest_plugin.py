"""The pytest plugin: registry entries as test items, the shims installed for the session.

Inert unless `--ssot-registry FILE` or the ini option `ssot_registry` is set.
Then every symbol, alias and requirement is one test item
(`registry.toml::alias::pkg.old`) running the same checks as `ssot-registry
check`, the registry is installed for the session (`--ssot-strict` makes any
alias use fail the test that used it), and the run ends with a summary of
the deprecated aliases the tests used.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:  # the library is imported only once the plugin is activated
    from ssot_registry.registry import Registry
    from ssot_registry.validator.report import CheckReport, EntryResult

__all__ = ["RegistryEntryItem", "RegistryFileNode"]

_PLUGIN_NAME = "ssot-registry-session"
_USES_KEY = "ssot_registry_uses"


def pytest_addoption(parser: pytest.Parser) -> None:
    """`--ssot-registry FILE`, `--ssot-strict`, `--ssot-installed` and their ini options."""
    group = parser.getgroup("ssot-registry")
    group.addoption(
        "--ssot-registry",
        metavar="FILE",
        default=None,
        help="check this registry's entries as test items and install it for the session",
    )
    group.addoption(
        "--ssot-strict",
        action="store_true",
        default=False,
        help="make any use of a deprecated alias fail the test that used it",
    )
    group.addoption(
        "--ssot-installed",
        action="store_true",
        default=None,
        help="also install the registries installed distributions advertise "
        "(entry-point group 'ssot_registry') and count their aliases' uses",
    )
    group.addoption(
        "--ssot-triage",
        action="store_true",
        default=False,
        help="explain collection errors: root causes, classes SSOT201-208, proposals",
    )
    group.addoption(
        "--ssot-triage-propose",
        metavar="FILE",
        default=None,
        help="like --ssot-triage, and write the proposals as a registry fragment to FILE",
    )
    parser.addini("ssot_registry", "registry file to check and install (like --ssot-registry)")
    parser.addini("ssot_registry_installed", "like --ssot-installed", type="bool", default=False)


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: pytest.Config) -> None:
    """Install the registry before the first conftest.py is imported (it may use old paths)."""
    _activate(early_config, getattr(early_config.known_args_namespace, "ssot_registry", None))


def pytest_configure(config: pytest.Config) -> None:
    """Activate the plugin when a registry is configured (if not done earlier); else stay inert."""
    _activate(config, config.getoption("ssot_registry"))
    propose = config.getoption("ssot_triage_propose")
    if config.getoption("ssot_triage") or propose:  # the logic lives in pytest_triage.py
        from ssot_registry.pytest_triage import TriagePlugin

        session = config.pluginmanager.get_plugin(_PLUGIN_NAME)
        plugin = TriagePlugin(config, propose, session.registry if session else None)
        config.pluginmanager.register(plugin, "ssot-registry-triage")


def _registry_path(config: pytest.Config, option: str | None) -> Path | None:
    """The project's registry: the command-line option, else the ini option, else none."""
    if option:
        return Path(config.invocation_params.dir, option)
    if config.getini("ssot_registry"):
        return Path(config.rootpath, str(config.getini("ssot_registry")))
    return None


def _wants_installed(config: pytest.Config) -> bool:
    """`--ssot-installed` given, or the ini option `ssot_registry_installed` true."""
    given = getattr(config.known_args_namespace, "ssot_installed", None)
    return bool(config.getini("ssot_registry_installed") if given is None else given)


def _activate(config: pytest.Config, option: str | None) -> None:
    if config.pluginmanager.get_plugin(_PLUGIN_NAME) is not None:
        return
    path = _registry_path(config, option)
    installed = _wants_installed(config)
    if path is None and not installed:
        return
    from ssot_registry.exceptions import RegistryError
    from ssot_registry.registry import load_unchecked

    try:
        registry = load_unchecked(path) if path is not None else None
        advertised = _advertised(registry) if installed else []
    except RegistryError as error:
        raise pytest.UsageError(f"ssot-registry: {error}") from None
    session = _Session(config, registry, path.resolve() if path else None, advertised)
    config.pluginmanager.register(session, _PLUGIN_NAME)
    if config.pluginmanager.hasplugin("xdist"):
        config.pluginmanager.register(_XdistController(session), f"{_PLUGIN_NAME}-xdist")
    session.install()


def _advertised(registry: Registry | None) -> list[Registry]:
    """The registries installed distributions advertise, other than the project's own."""
    from ssot_registry.registry import find_problems
    from ssot_registry.runtime.advertised import advertised_except, with_advertised

    if registry is None or find_problems(registry):  # its own item reports the problems
        found = advertised_except(registry.source if registry else None)
    else:
        found = with_advertised(registry)[1:]
    if registry is None and not found:
        raise pytest.UsageError(
            "ssot-registry: --ssot-installed: no installed distribution advertises a registry "
            "(entry-point group 'ssot_registry')"
        )
    return found


class _Session:
    """The plugin's state for one pytest run: the registry, its installation, alias uses."""

    def __init__(
        self,
        config: pytest.Config,
        registry: Registry | None,
        path: Path | None,
        advertised: list[Registry],
    ) -> None:
        self.config = config
        self.registry = registry  # the project's; None with only --ssot-installed
        self.path = path
        self.advertised = advertised
        self.strict = bool(getattr(config.known_args_namespace, "ssot_strict", False))
        self.installations: list[Any] = []
        self.remove_listeners: list[Callable[[], object]] = []
        self.current_test = "(collection)"
        self.uses: dict[str, list[Any]] = {}  # old path -> [new path, count, first test]
        self.report: CheckReport | None = None

    def install(self) -> None:
        from ssot_registry.registry import find_problems
        from ssot_registry.runtime import install

        usable = [self.registry] if self.registry and not find_problems(self.registry) else []
        # an unusable registry is never installed; its item reports why
        for registry in [*usable, *self.advertised]:
            installation = install(registry, strict=self.strict)
            self.installations.append(installation)
            self.remove_listeners.append(installation.add_use_listener(self.record_use))

    def record_use(self, alias: Any, filename: str, lineno: int) -> None:
        """Count one use of `alias` (listener called by the runtime)."""
        key = str(alias.old)
        entry = self.uses.setdefault(key, [str(alias.new), 0, self.current_test])
        entry[1] += 1

    def checked(self) -> CheckReport:
        """The check report of this registry, computed once per process on first need."""
        if self.report is None:
            from ssot_registry.validator import check

            assert self.registry is not None  # items exist only for the project's registry
            # under xdist every worker checks the registry once, with one warm worker of its own
            jobs = 1 if hasattr(self.config, "workerinput") else None
            self.report = check(self.registry, jobs=jobs)
        return self.report

    def pytest_collect_file(
        self, file_path: Path, parent: pytest.Collector
    ) -> RegistryFileNode | None:
        """Collect the registry file when pytest walks into it (`pytest registry.toml`)."""
        if self.path is not None and file_path == self.path:
            return RegistryFileNode.from_parent(parent, path=file_path)
        return None

    @pytest.hookimpl(tryfirst=True)
    def pytest_collection_modifyitems(
        self, session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
    ) -> None:
        """Put the registry's items first when pytest did not walk into the registry file
        itself, before -k / -m deselection sees the list; not when the command line names
        other tests explicitly (`pytest tests/test_x.py`)."""
        explicit = config.args_source == pytest.Config.ArgsSource.ARGS
        if self.path is None:
            return
        if not explicit and not any(isinstance(item, RegistryEntryItem) for item in items):
            node = RegistryFileNode.from_parent(session, path=self.path)
            items[:0] = list(node.collect())

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item) -> Generator[None, object, object]:
        """Remember which test is running, for the first-use column of the summary."""
        self.current_test = item.nodeid
        try:
            return (yield)
        finally:
            self.current_test = "(between tests)"

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        """On an xdist worker, hand the alias uses to the controller."""
        workeroutput = getattr(session.config, "workeroutput", None)
        if workeroutput is not None:
            workeroutput[_USES_KEY] = self.uses

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        """Which deprecated aliases the run used, how often, and the first test that did."""
        if hasattr(self.config, "workerinput"):
            return
        terminalreporter.section("ssot-registry: deprecated aliases used")
        if not self.uses:
            terminalreporter.write_line("no deprecated alias was used")
            return
        for old, (new, count, first) in sorted(self.uses.items()):
            times = "1 use" if count == 1 else f"{count} uses"
            terminalreporter.write_line(f"{old} -> {new}: {times}, first in {first}")

    def pytest_unconfigure(self, config: pytest.Config) -> None:
        """Remove the listener and uninstall the shims."""
        for remove in self.remove_listeners:
            remove()
        for installation in self.installations:
            installation.uninstall()


def _session(config: pytest.Config) -> _Session:
    session = config.pluginmanager.get_plugin(_PLUGIN_NAME)
    assert isinstance(session, _Session)
    return session


class _XdistController:
    """Merges the alias uses that xdist workers report (registered only when xdist is present)."""

    def __init__(self, session: _Session) -> None:
        self.session = session

    def pytest_testnodedown(self, node: Any, error: object) -> None:
        """Add one worker's alias uses to the run's total."""
        for old, (new, count, first) in (
            getattr(node, "workeroutput", {}).get(_USES_KEY, {}).items()
        ):
            entry = self.session.uses.setdefault(old, [new, 0, first])
            entry[1] += count


class RegistryFileNode(pytest.File):
    """The registry file as a collector of one item per entry."""

    def collect(self) -> Iterator[pytest.Item]:
        """`registry`, then every requirement, symbol and alias, in file order."""
        registry = _session(self.config).registry
        assert registry is not None  # collected only for the project's registry file
        yield RegistryEntryItem.from_parent(
            self, name="registry", kind="registry", entry="registry", line=None
        )
        for name, requirement in registry.requires.items():
            yield RegistryEntryItem.from_parent(
                self,
                name=f"requirement::{name}",
                kind="requirement",
                entry=name,
                line=requirement.line,
            )
        for name, symbol in registry.symbols.items():
            yield RegistryEntryItem.from_parent(
                self, name=f"symbol::{name}", kind="symbol", entry=name, line=symbol.line
            )
        for alias in registry.aliases:
            old = str(alias.old)
            yield RegistryEntryItem.from_parent(
                self, name=f"alias::{old}", kind="alias", entry=old, line=alias.line
            )


class RegistryEntryFailedError(Exception):
    """A registry entry has findings; the message lists them."""


class RegistryEntryItem(pytest.Item):
    """One registry entry, checked like `ssot-registry check` does."""

    def __init__(self, *, kind: str, entry: str, line: int | None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.kind, self.entry, self.line = kind, entry, line

    def runtest(self) -> None:
        """Fail with every finding of this entry."""
        report = _session(self.config).checked()
        failures = [r for r in report.results_for(self.kind, self.entry) if r.status == "fail"]
        if failures:
            raise RegistryEntryFailedError("\n".join(self._describe(r, report) for r in failures))

    def _describe(self, result: EntryResult, report: CheckReport) -> str:
        where = f"{os.path.basename(self.path)}:{result.line}" if result.line else self.path.name
        text = f"{where}: {result.code} {result.message}"
        for cause in report.root_causes:
            if result.entry in cause.entries and len(cause.chain) > 1:
                text += "\n    import chain: " + " -> ".join(cause.chain)
        return text

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        """Just the findings, no traceback of the plugin."""
        if isinstance(excinfo.value, RegistryEntryFailedError):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        """Point at the entry's line of the registry file."""
        return self.path, (self.line - 1) if self.line else None, f"{self.kind} {self.entry}"
