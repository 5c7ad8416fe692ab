"""Storage: the `Store` interface (base.py) and its back ends; `open_store(url)` picks one (open.py)."""

from linkchart.store.open import backend_of as backend_of
from linkchart.store.open import open_store as open_store
