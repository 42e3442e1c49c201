"""`adopt`: turn hand-written compatibility shims into registry entries, reading source only.

The records a report holds (`Contradiction`, `Facade`, ...) live in `ssot_registry.adopt.model`.
"""

from ssot_registry.adopt.engine import adopt, merge, read_shims
from ssot_registry.adopt.model import AdoptReport, Proposal

__all__ = ["AdoptReport", "Proposal", "adopt", "merge", "read_shims"]
