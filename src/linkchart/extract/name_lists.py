"""Names listed after a name the parser cut off from its list: in 'a member of the A, B, C, and D' the parser
may hang B, C and D on the verb instead of on A. A list shape is plain enough to read without the parse: names
of one type separated by commas only, the last after 'and' or 'or', and nothing else between them.
"""

from __future__ import annotations

from spacy.tokens import Span

from linkchart.extract.context import SentenceContext

_JOINERS = frozenset({"and", "or"})


def listed_after(ctx: SentenceContext, first: Span) -> list[Span]:
    """Return the names listed after `first` ('A, B, C, and D' gives B, C, D), or [] when what follows `first`
    is not such a list (a name not of its type, a word between, no closing 'and'/'or')."""
    doc, sent_end = ctx.doc, ctx.sent_at[first.start].end
    out: list[Span] = []
    i = first.end
    while i < sent_end and doc[i].text == ",":
        j = i + 1
        closing = j < sent_end and doc[j].lower_ in _JOINERS
        if closing:
            j += 1
        if j < sent_end and doc[j].lower_ == "the":
            j += 1
        name = ctx.ent_at[j] if j < sent_end else None
        if name is None or name.start != j or name.label_ != first.label_:
            return []
        out.append(name)
        if closing:
            return out
        i = name.end
        if i < sent_end and doc[i].lower_ in _JOINERS:  # 'A, B and C': no comma before the last
            j = i + 1 + (i + 1 < sent_end and doc[i + 1].lower_ == "the")
            last = ctx.ent_at[j] if j < sent_end else None
            if last is None or last.start != j or last.label_ != first.label_:
                return []
            return [*out, last]
    return []
