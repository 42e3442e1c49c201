"""`ImportPath`: the one parser of `module` and `module:qualname` strings."""

from __future__ import annotations

import keyword

import pytest

from ssot_registry import ImportPath
from ssot_registry.registry.paths import check_path, common_parts


@pytest.mark.parametrize(
    ("text", "module", "qualname"),
    [
        ("pkg", "pkg", None),
        ("pkg.sub.mod", "pkg.sub.mod", None),
        ("pkg.mod:Name", "pkg.mod", "Name"),
        ("pkg.mod:Class.method", "pkg.mod", "Class.method"),
        ("_private.x1:_y", "_private.x1", "_y"),
        ("pkg.classy:Nonesuch", "pkg.classy", "Nonesuch"),
        ("café.mod:naïve", "café.mod", "naïve"),
    ],
)
def test_valid_paths_parse_into_module_and_qualname(
    text: str, module: str, qualname: str | None
) -> None:
    """Valid paths split at the colon and print back unchanged."""
    path = ImportPath.parse(text)
    assert (path.module, path.qualname, str(path)) == (module, qualname, text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "the module part is empty"),
        ("a..b", "the module part 'a..b' has an empty part"),
        ("pkg.mod:", "the attribute part is empty"),
        (":attr", "the module part is empty"),
        ("import", "the module part 'import' uses the keyword 'import' as a name"),
        ("pkg:class", "the attribute part 'class' uses the keyword 'class' as a name"),
        ("os.system('x')", "has \"system('x')\", which is not a Python identifier"),
        ("pkg/mod", "has 'pkg/mod', which is not a Python identifier"),
        ("pkg mod", "has 'pkg mod', which is not a Python identifier"),
        ("a:b:c", "the attribute part 'b:c' has 'b:c', which is not a Python identifier"),
        ("1pkg", "has '1pkg', which is not a Python identifier"),
    ],
)
def test_invalid_paths_say_what_is_wrong(text: str, reason: str) -> None:
    """Every malformed path is rejected with the reason and an example of the syntax."""
    with pytest.raises(ValueError, match="is not an import path") as caught:
        ImportPath.parse(text)
    assert reason in str(caught.value)
    assert str(caught.value).endswith("(e.g. 'pkg.module' or 'pkg.module:Name')")


def test_derived_names() -> None:
    """`name`, `dotted` and `is_module` describe the path as code spells it."""
    path = ImportPath.parse("pkg.mod:Class.method")
    assert (path.name, path.dotted, path.is_module) == ("method", "pkg.mod.Class.method", False)
    module = ImportPath.parse("pkg.mod")
    assert (module.name, module.dotted, module.is_module) == ("mod", "pkg.mod", True)


@pytest.mark.parametrize(
    ("a", "b", "shared"),
    [("a.b.c", "a.b.d", 2), ("a.b", "a.b", 2), ("a.bc", "a.b", 1), ("x", "y", 0), ("a", "a.b", 1)],
)
def test_common_parts_counts_whole_dotted_parts(a: str, b: str, shared: int) -> None:
    """`common_parts` counts the leading dotted parts two names share, never a partial part."""
    assert common_parts(a, b) == shared


@pytest.mark.parametrize("word", keyword.kwlist)
def test_check_path_refuses_each_keyword_in_every_part(word: str) -> None:
    """Every keyword is refused as any dotted part; a longer name that starts with one is not."""
    for text in (word, f"pkg.{word}", f"pkg:{word}", f"pkg:Cls.{word}"):
        with pytest.raises(ValueError, match=f"uses the keyword '{word}' as a name"):
            check_path(text)
    assert check_path(f"{word}x.pkg.{word}_:{word}1") == f"{word}x.pkg.{word}_:{word}1"
