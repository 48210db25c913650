"""The analysis: vagueness rules per answer and coherence rules across layers (no UI)."""
