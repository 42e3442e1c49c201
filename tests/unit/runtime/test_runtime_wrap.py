"""`mode = "wrap"`: a proxy that warns on each call, otherwise the canonical object's twin."""

from __future__ import annotations

import copy
import importlib
import inspect
import pickle
import warnings

import pytest

from ssot_registry.exceptions import DeprecatedAliasWarning
from tests.helpers.runtime import Install

WRAPPED = """
[[alias]]
old = "app.mod:Old"
new = "app.core:Thing"
mode = "wrap"

[[alias]]
old = "app.mod:old_func"
new = "app.core:func"
mode = "wrap"
"""
CLASS_MESSAGE = "app.mod:Old is deprecated; use app.core:Thing instead."


def _canonical() -> object:
    return importlib.import_module("app.core")


def test_access_is_silent_and_each_call_warns(installed: Install) -> None:
    """Importing the wrapped name does not warn; every call and instantiation does."""
    installed(WRAPPED)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        from app.mod import Old, old_func
    with pytest.warns(DeprecatedAliasWarning) as records:
        results = [old_func(), old_func(), Old(2).size]
    assert results == [42, 42, 2]
    assert [str(r.message) for r in records][-1] == CLASS_MESSAGE
    assert len(records) == 3


def test_proxy_behaves_like_the_canonical_class(installed: Install) -> None:
    """isinstance, issubclass, signature, __wrapped__ and __doc__ see the canonical class."""
    installed(WRAPPED)
    from app.mod import Old

    thing = _canonical().Thing  # type: ignore[attr-defined]
    with pytest.warns(DeprecatedAliasWarning):
        instance = Old(5)
    assert type(instance) is thing
    assert isinstance(instance, Old)
    assert isinstance(thing(), Old)
    assert issubclass(thing, Old)
    assert str(inspect.signature(Old)) == "(size=1)"
    assert Old.__wrapped__ is thing
    assert Old.__doc__ == "A canonical class."


def test_subclassing_the_proxy_subclasses_the_canonical_class(installed: Install) -> None:
    """A class deriving from the proxy derives from the canonical class."""
    installed(WRAPPED)
    from app.mod import Old

    class Derived(Old):  # type: ignore[misc,valid-type]
        pass

    thing = _canonical().Thing  # type: ignore[attr-defined]
    assert Derived.__mro__[1] is thing
    assert isinstance(Derived(), thing)


def test_instances_pickle_as_canonical_instances(installed: Install) -> None:
    """An instance made through the proxy round-trips through pickle as the canonical class."""
    installed(WRAPPED)
    from app.mod import Old

    with pytest.warns(DeprecatedAliasWarning):
        instance = Old(7)
    copy = pickle.loads(pickle.dumps(instance))
    assert type(copy) is _canonical().Thing  # type: ignore[attr-defined]
    assert copy.size == 7


def test_same_proxy_for_each_access(installed: Install) -> None:
    """Two reads of the old name give the same proxy object."""
    installed(WRAPPED)
    import app.mod

    assert app.mod.old_func is app.mod.old_func


EVERYDAY_FILES = {
    "app/__init__.py": "",
    "app/mod.py": "",
    "app/core.py": """\
        import enum


        def func():
            return 42


        class Thing:
            def __init__(self, size=1):
                self.size = size

            @classmethod
            def build(cls):
                return cls(3)

            @staticmethod
            def helper():
                return "help"


        class Color(enum.Enum):
            RED = 1
            GREEN = 2


        class Failure(TimeoutError):
            pass
        """,
}
EVERYDAY = "".join(
    f'[[alias]]\nold = "app.mod:{old}"\nnew = "app.core:{new}"\nmode = "wrap"\n'
    for old, new in (("Old", "Thing"), ("old_func", "func"), ("OldColor", "Color"),
                     ("OldFailure", "Failure"))
)  # fmt: skip


def test_enum_proxy_iterates_like_the_enum(installed: Install) -> None:
    """`list(WrappedEnum)` lists the members; `WrappedEnum(1)` warns and is the member."""
    installed(EVERYDAY, files=EVERYDAY_FILES)
    from app.mod import OldColor

    color = _canonical().Color  # type: ignore[attr-defined]
    assert list(OldColor) == [color.RED, color.GREEN]
    assert list(reversed(OldColor)) == [color.GREEN, color.RED]
    with pytest.warns(DeprecatedAliasWarning):
        assert OldColor(1) is color.RED


def test_wrapped_function_pickles_as_the_canonical_function(installed: Install) -> None:
    """`pickle.dumps(wrapped_func)` works and loads the canonical function itself."""
    installed(EVERYDAY, files=EVERYDAY_FILES)
    from app.mod import Old, old_func

    core = _canonical()
    assert pickle.loads(pickle.dumps(old_func)) is core.func  # type: ignore[attr-defined]
    assert pickle.loads(pickle.dumps(Old, protocol=2)) is core.Thing  # type: ignore[attr-defined]
    assert b"app.mod" not in pickle.dumps(old_func)


def test_wrapped_class_and_function_copy_as_themselves(installed: Install) -> None:
    """`copy.copy`/`copy.deepcopy` of a wrapped class or function give the proxy back."""
    installed(EVERYDAY, files=EVERYDAY_FILES)
    from app.mod import Old, old_func

    assert copy.deepcopy(Old) is Old
    assert copy.copy(Old) is Old
    assert copy.deepcopy(old_func) is old_func
    assert copy.deepcopy({"k": [Old]})["k"][0] is Old


def test_class_and_static_method_calls_warn_at_the_callers_line(installed: Install) -> None:
    """`Old.build()` (an alternative constructor) and `Old.helper()` warn like `Old()`."""
    installed(EVERYDAY, files=EVERYDAY_FILES)
    from app.mod import Old

    with pytest.warns(DeprecatedAliasWarning) as records:
        built, helped = Old.build(), Old.helper()
    assert type(built) is _canonical().Thing  # type: ignore[attr-defined]
    assert (built.size, helped) == (3, "help")
    assert [(record.filename, str(record.message)) for record in records] == [
        (__file__, "app.mod:Old is deprecated; use app.core:Thing instead.")
    ] * 2


def test_exception_class_is_served_bare_and_warns_where_imported(installed: Install) -> None:
    """A wrapped exception class cannot be a proxy: it is the class itself, warned on access,
    so `except OldFailure:` catches the canonical exception."""
    installed(EVERYDAY, files=EVERYDAY_FILES)
    with pytest.warns(DeprecatedAliasWarning) as records:
        from app.mod import OldFailure
    assert records[0].filename == __file__
    failure = _canonical().Failure  # type: ignore[attr-defined]
    assert OldFailure is failure
    raised = failure("slow")
    assert _caught_by(OldFailure, raised) is raised


def _caught_by(handler: type[BaseException], error: BaseException) -> BaseException | None:
    """What `except handler:` catches when `error` is raised."""
    try:
        raise error
    except handler as caught:
        return caught


def test_wrap_limitation_names_what_a_proxy_cannot_serve() -> None:
    """The predicate `check` uses: exception classes are refused with a fix, the rest pass."""
    import enum

    from ssot_registry.runtime import wrap_limitation

    assert wrap_limitation(TimeoutError) == (
        "an exception class cannot be wrapped: `except` and `raise` need the class itself, "
        'not a proxy; use mode = "reexport" (warns where the name is imported)'
    )
    assert wrap_limitation(len) is None
    assert wrap_limitation(enum.Enum) is None
    assert wrap_limitation(dict) is None
