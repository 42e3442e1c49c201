"""The fast path of `scan`: find uses from the text alone, falling back to `ast` when unsure.

Most files that mention a deprecated name only import it, or use it in a plain
chain (`models.Model`) or a plain string (`mock.patch("a.old.f")`). Those are
found here from a lexer regex (strings and comments), the import statements
(tokenized by regex) and the text around each candidate name, with exactly the
semantics of `FileAnalysis`. Anything unusual (an f-string, a keyword target,
whitespace inside a chain, a rename that needs the names the file binds) raises
`UnsureError`, and the caller parses the file with `ast` instead.
"""

import keyword
from bisect import bisect_right

from ssot_registry.migration.analyze import FileAnalysis, Use
from ssot_registry.migration.forms import MODULE_FORMS, PATCH_FORMS, SETATTR_FORMS, TARGET_KEYWORDS
from ssot_registry.migration.index import Match, PathIndex
from ssot_registry.migration.lazy import LAZY_MODULES
from ssot_registry.migration.planner import UnsureError
from ssot_registry.migration.textimports import Spans, read_imports

__all__ = ["UnsureError", "find_uses"]

_NAME_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_CHAIN_BYTES = _NAME_BYTES | {ord(".")}
_CHAIN_CHARS = bytes(sorted(_CHAIN_BYTES))
_PREFIX_BYTES = frozenset(b"rRbBuUfF")
_LAZY_MODULES = LAZY_MODULES.encode()


class _TextAnalysis:
    """Replays `FileAnalysis` on text: imports (through its planner), then chains and strings."""

    def __init__(self, analysis: FileAnalysis) -> None:
        analysis.parsed = False  # the planner's questions about the tree now raise UnsureError
        self.analysis = analysis
        self.source = analysis.source  # lazy imports already read as plain ones
        self.data = analysis.source.data
        if _LAZY_MODULES in self.data:
            raise UnsureError  # `__lazy_modules__` entries: the `ast` path reads them
        self.index: PathIndex = analysis.index
        self.spans = Spans(self.data)
        self.statements = read_imports(self.source, self.spans, analysis.lazy_starts)
        self.import_starts = [statement.start for statement in self.statements]
        self.chains: dict[bytes, list[Match]] = {}

    def run(self) -> list[Use]:
        planner = self.analysis.planner
        planner.statements = self.statements
        planner.run()
        self.check_candidates()
        return self.analysis.uses

    # -- chains and strings -------------------------------------------------------------

    def in_import(self, offset: int) -> bool:
        index = bisect_right(self.import_starts, offset) - 1
        return index >= 0 and offset < self.statements[index].end

    def check_candidates(self) -> None:
        pattern = self.index.uses
        if pattern is None:
            return
        seen_strings: set[int] = set()
        seen_chains: set[int] = set()
        data = self.data
        for hit in pattern.finditer(data):
            start = hit.start()
            span = self.spans.at(start)
            if span is not None:
                if span not in seen_strings:
                    seen_strings.add(span)
                    self.check_string(span, start)
                elif self.is_fstring(span):
                    self.check_fstring(span, start)
            elif data[start] == ord(".") and not self.in_import(start):
                self.check_chain(start, seen_chains)

    def check_chain(self, dot: int, seen: set[int]) -> None:
        """`base.attr.name`: a use when the base's import and the attributes spell an old path."""
        data = self.data
        if data[dot + 1] not in _NAME_BYTES:
            raise UnsureError  # whitespace between the dot and the name
        window = max(0, dot - 256)
        begin = window + len(data[window:dot].rstrip(_CHAIN_CHARS))
        if begin > 0 and data[begin - 1] >= 0x80:
            raise UnsureError  # a non-ASCII identifier
        if begin == dot or data[begin] == ord("."):
            back = begin - 1
            while back >= 0 and data[back] in b" \t\r\n\\":
                back -= 1
            if back == begin - 1 or (back >= 0 and data[back] in b")]}'\""):
                return  # the base is no name: `call().name`, `x[0].name`, `"s".name`
            raise UnsureError  # a chain split over lines
        if begin in seen:
            return
        if begin == window and window > 0:
            raise UnsureError
        seen.add(begin)
        tail = data[dot + 1 : dot + 257]
        end = dot + 1 + len(tail) - len(tail.lstrip(_CHAIN_CHARS))
        chain = data[begin:end]
        matches = self.chains.get(chain)
        if matches is None:
            matches = self.chain_matches(chain.decode())
            self.chains[chain] = matches
        for match in matches:
            use = self.analysis.use_at(begin, "SSOT101", match)
            binding = self.analysis.resolve_base(chain.partition(b".")[0].decode())
            assert binding is not None  # `chain_matches` found the chain through it
            self.analysis.planner.require_import(use, match.new_module, binding.statement)

    def chain_matches(self, chain: str) -> list[Match]:
        """The deprecated paths a chain spells through the import that bound its base."""
        parts = chain.split(".")
        if not all(parts):
            raise UnsureError
        if parts[0][0].isdigit() or keyword.iskeyword(parts[0]):
            return []
        binding = self.analysis.resolve_base(parts[0])
        if binding is None or binding.deprecated:
            return []
        found = []
        for stop in range(2, len(parts) + 1):
            match = self.index.match_exact(".".join([binding.path, *parts[1:stop]]))
            if match is not None:
                found.append(match)
        return found

    def prefix_of(self, span: int) -> tuple[int, bytes]:
        """Where a string literal's prefix (`r`, `b`, `f`, ...) starts, and the prefix."""
        data = self.data
        start = self.spans.starts[span]
        prefix_start = start
        while prefix_start > 0 and data[prefix_start - 1] in _PREFIX_BYTES:
            prefix_start -= 1
        if prefix_start > 0 and data[prefix_start - 1] in _NAME_BYTES:
            return start, b""  # `if"…"`: the letters belong to a keyword
        return prefix_start, data[prefix_start:start].lower()

    def is_fstring(self, span: int) -> bool:
        data = self.data
        return data[self.spans.starts[span]] != ord("#") and b"f" in self.prefix_of(span)[1]

    def check_fstring(self, span: int, hit: int) -> None:
        """A candidate in an f-string is code inside `{…}` (unsure) or plain text (no use)."""
        depth = 0
        body = self.data[self.spans.starts[span] : hit]
        index = 0
        while index < len(body):
            pair = body[index : index + 2]
            if pair in (b"{{", b"}}") and depth == 0:
                index += 2
                continue
            depth += (body[index] == ord("{")) - (body[index] == ord("}"))
            index += 1
        if depth > 0:
            raise UnsureError

    def check_string(self, span: int, hit: int) -> None:
        data = self.data
        start, end = self.spans.starts[span], self.spans.ends[span]
        if data[start] == ord("#"):
            return
        prefix_start, prefix = self.prefix_of(span)
        if b"f" in prefix:
            self.check_fstring(span, hit)
            return
        if b"b" in prefix:
            return
        quote = 3 if data[start : start + 3] in (b'"""', b"'''") else 1
        body = data[start + quote : end - quote]
        form = self.call_form(prefix_start, body)
        if form is None:
            return
        after = end
        while after < len(data) and data[after] in b" \t\r\n":
            after += 1
        if after < len(data) and data[after] not in b",)":
            raise UnsureError
        if b"\\" in body:
            raise UnsureError
        value = body.decode()
        if form in MODULE_FORMS:
            match = self.index.match_module(value)
            if form == ("__import__",) and match is not None:
                raise UnsureError  # what it returns may change: `analyze` decides
        else:
            match = self.index.match_prefix(value)
        if match is not None:
            self.analysis.use_at(prefix_start, "SSOT102", match)

    def skip_back(self, position: int, *, strings: bool = False) -> tuple[int, bool]:
        """The last code character at or before `position`, skipping blanks and comments (and
        string literals when `strings`); with whether a string literal was skipped."""
        data = self.data
        skipped = False
        while position >= 0:
            if data[position] in b" \t\r\n\\":
                position -= 1
                continue
            span = self.spans.at(position)
            if span is None:
                return position, skipped
            if data[self.spans.starts[span]] != ord("#"):
                if not strings:
                    return position, skipped
                skipped = True
            position = self.spans.starts[span] - 1
            while position >= 0 and data[position] in _PREFIX_BYTES and skipped:
                position -= 1
        return position, skipped

    def enclosing_call(self, position: int) -> tuple[str, ...] | None:
        """The call form of the parenthesis enclosing `position` (None when not in a call)."""
        data = self.data
        depth = 0
        limit = max(0, position - 20000)
        while position > limit:
            position, _ = self.skip_back(position - 1, strings=True)
            if position < 0:
                return None
            char = data[position]
            if char in b")]}":
                depth += 1
            elif char in b"[{":
                if depth == 0:
                    return None
                depth -= 1
            elif char == ord("("):
                if depth == 0:
                    return self.form_before(position)
                depth -= 1
        raise UnsureError

    def form_before(self, paren: int) -> tuple[str, ...] | None:
        """The last one or two names of the callee right before the parenthesis at `paren`."""
        data = self.data
        if paren == 0 or data[paren - 1] not in _CHAIN_BYTES:
            before, _ = self.skip_back(paren - 1)
            name_end = before + 1
            while before >= 0 and data[before] in _CHAIN_BYTES:
                before -= 1
            if name_end - before > 1 and _call_names(data[before + 1 : name_end]):
                raise UnsureError  # `patch ("…")`
            return None
        begin = paren
        while begin > 0 and data[begin - 1] in _CHAIN_BYTES:
            begin -= 1
        chain = data[begin:paren].decode()
        parts = [part for part in chain.split(".") if part]
        if not parts:
            return None
        form = tuple(parts[-2:])
        if form[-1] in ("setattr", "delattr") and "." not in chain:
            return None
        return form

    def call_form(self, start: int, body: bytes) -> tuple[str, ...] | None:
        """The call form whose target the string at `start` is, None when it is no target."""
        data = self.data
        back, concatenated = self.skip_back(start - 1, strings=True)
        if back < 0:
            return None
        char = data[back]
        form: tuple[str, ...] | None = None
        if char == ord("="):
            name_end, _ = self.skip_back(back - 1)
            name_start = name_end
            while name_start > 0 and data[name_start - 1] in _NAME_BYTES:
                name_start -= 1
            if data[name_start : name_end + 1].decode() in TARGET_KEYWORDS and _target(
                self.enclosing_call(back)
            ):
                raise UnsureError
            return None
        if char == ord(","):
            if not concatenated and b"." in body:
                return None
            if self.enclosing_call(back) == ("patch", "object"):
                raise UnsureError  # patch.object(module, "name")
            return None
        if char == ord("("):
            form = self.form_before(back)
        if form is None or not _target(form):
            return None
        if concatenated:
            raise UnsureError
        tail = form[-1:]
        return tail if tail in MODULE_FORMS else form


def _target(form: tuple[str, ...] | None) -> bool:
    """True for the call forms whose first argument names a path (SSOT102)."""
    if form is None:
        return False
    tail = form[-1:]
    return (
        tail in MODULE_FORMS or form in PATCH_FORMS or tail == ("patch",) or (tail in SETATTR_FORMS)
    )


def _call_names(name: bytes) -> bool:
    """True when a called name could be one of the SSOT102 forms."""
    last = name.rpartition(b".")[2].decode()
    return last in {
        "patch",
        "dict",
        "multiple",
        "import_module",
        "importorskip",
        "__import__",
        "setattr",
        "delattr",
    }


def find_uses(analysis: FileAnalysis) -> list[Use]:
    """The uses `analysis.run()` would find, from the text alone; raises `UnsureError` if unsure."""
    return _TextAnalysis(analysis).run()
