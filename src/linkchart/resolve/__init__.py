"""linkchart.resolve."""
