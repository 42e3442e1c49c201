"""Run time: `install()` makes every old import path of a registry work, identically, with
a warning at the user's line; the `Installation` it returns undoes it."""

from ssot_registry.runtime.installation import Installation, install, installations
from ssot_registry.runtime.messages import deprecation_message, removal_message
from ssot_registry.runtime.wrap_limits import wrap_limitation

__all__ = [
    "Installation",
    "deprecation_message",
    "install",
    "installations",
    "removal_message",
    "wrap_limitation",
]
