"""The supervisor agent."""
