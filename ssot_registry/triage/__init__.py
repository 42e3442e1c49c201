"""Triage: why a tree does not import, classified root causes, and proposals proven by import."""

from __future__ import annotations

from ssot_registry.triage.api import Options, triage
from ssot_registry.triage.model import Proposal, TriageCause, TriageReport

__all__ = ["Options", "Proposal", "TriageCause", "TriageReport", "triage"]
