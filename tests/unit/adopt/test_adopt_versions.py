"""Versions a shim states, read from its message, its warning class, its table's name."""

from __future__ import annotations

import pytest

from ssot_registry.adopt.versions import Stated, from_class_name, from_text, merge


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Foo is deprecated since 1.4 and will be removed in 2.0.", Stated("1.4", "2.0")),
        ("deprecated in version 9.0 - 2021-09-01", Stated("9.0")),
        ("`pydantic:X` has been removed in V2.", Stated(removed_in="2")),
        ("scheduled for removal in 3.1", Stated(remove_in="3.1")),
        ("moved to pkg.new", Stated()),
        ("deprecated in the next release", Stated()),
    ],
)
def test_versions_in_messages(text: str, expected: Stated) -> None:
    """Messages state since / remove_in / removed_in in the usual phrasings, or nothing."""
    assert from_text(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("RemovedInWagtail60Warning", Stated(remove_in="6.0")),
        ("RemovedInAirflow3Warning", Stated(remove_in="3")),
        ("RemovedInDjango51Warning", Stated(remove_in="5.1")),
        ("PydanticDeprecatedSince20", Stated(since="2.0")),
        ("MOVED_IN_V2", Stated(since="2")),
        ("DeprecationWarning", Stated()),
    ],
)
def test_versions_in_class_and_table_names(name: str, expected: Stated) -> None:
    """Warning classes and table names spell versions without dots."""
    assert from_class_name(name) == expected


def test_remove_in_not_after_since_is_dropped() -> None:
    """A `remove_in` that is not greater than `since` would be SSOT005: it is left out."""
    assert merge(Stated(since="2.0"), Stated(remove_in="1.0")) == Stated(since="2.0")
