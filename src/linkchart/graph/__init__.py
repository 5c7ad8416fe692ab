"""linkchart.graph."""
