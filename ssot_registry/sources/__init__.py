"""Source files read statically, without importing them (`toplevel`: what a module's top level
binds, imports and exports), shared by `triage`, `diff` and `adopt`."""
