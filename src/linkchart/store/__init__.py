"""linkchart.store."""
