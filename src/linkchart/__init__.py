"""linkchart: a sourced map of who is who, who is tied to whom, and what happened when."""

__version__ = "0.1.0"
