"""Parting an added article (`resolve.split`): a known name sharing a word with a new one in its article is
resolved with it only where a pass inside an article can relate them."""

from __future__ import annotations

from test_incremental import _big_store, _reasoned_view, add_article

from linkchart.resolve.cluster import LAST_RUN
from linkchart.resolve.runner import resolve_store
from linkchart.store.open import open_store


def test_a_new_organisation_sharing_words_with_a_known_one_leaves_the_known_one_unread(store_url: str) -> None:
    with open_store(store_url) as store:
        _big_store(store)  # 30 mentions of the Velmora Liberation Front
        add_article(store, "new", [
            ("Karim Dawali of the Velmora Liberation Front met envoys of the Orsk Liberation Front.",
             [("Karim Dawali", "PERSON"), ("Velmora Liberation Front", "ORG"), ("Orsk Liberation Front", "ORG")])])
        LAST_RUN.clear()
        assert resolve_store(store, force=False) is not None
        assert LAST_RUN["kind"] == "split" and LAST_RUN["mentions"] == 1  # only the new name was resolved again
        incremental = _reasoned_view(store)
        resolve_store(store, full=True)
        assert incremental == _reasoned_view(store)


def test_a_one_word_name_between_them_brings_both_into_the_region(store_url: str) -> None:
    with open_store(store_url) as store:
        _big_store(store)
        add_article(store, "new", [
            ("Karim Dawali of the Velmora Liberation Front met envoys of the Orsk Liberation Front.",
             [("Karim Dawali", "PERSON"), ("Velmora Liberation Front", "ORG"), ("Orsk Liberation Front", "ORG")]),
            ("The Front said nothing.", [("Front", "ORG")])])  # which front: the article names two
        LAST_RUN.clear()
        assert resolve_store(store, force=False) is not None
        assert LAST_RUN["mentions"] > 30  # the known organisation was read with the new one
        incremental = _reasoned_view(store)
        front = {m.id for m in store.mentions() if m.text == "Front"}
        assert front in {c for c, *_ in incremental}  # joined to neither
        resolve_store(store, full=True)
        assert incremental == _reasoned_view(store)
