"""linkchart.web."""
