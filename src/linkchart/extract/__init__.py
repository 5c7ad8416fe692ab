"""linkchart.extract."""
