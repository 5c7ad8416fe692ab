"""linkchart.ingest."""
