"""Performance targets of ssot-registry, measured against named baselines in the same run."""
