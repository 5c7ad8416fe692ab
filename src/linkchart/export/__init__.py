"""linkchart.export."""
