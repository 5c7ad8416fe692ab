"""Relations, events and claims of one parsed span, read sentence by sentence: the ``linkchart_facts`` component.

``linkchart.extract.nlp.load_pipeline`` adds the component last. Like spaCy's ``span_ruler`` with its
patterns, it carries the rule tables read from the files its config names: ``rules_path`` (the
relation, event and claim rules; default the packaged ``rules.yaml``) and ``predicates_path`` (the
predicate vocabulary; default ``predicates.yaml``).

Its ``__call__`` leaves a doc as it is. What a span states depends on the article around it: the last
date stated before it, the speaker and the subjects the previous paragraph ended on, and the names the
article tags across its spans (``discourse.tag_known_names``), while a component sees one doc at a time.
So ``linkchart.extract.pipeline`` calls ``FactReader.read`` on each span once its article is parsed,
and passes what the span leaves (``SpanFacts.speaker``, ``SpanFacts.subjects``) on to the next span.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from linkchart import lexicon
from linkchart.extract.claims import claims_in_sentence
from linkchart.extract.context import (
    SentenceContext,
    closing_pronoun_subject,
    closing_speaker,
    closing_subjects,
    sent_ents,
)
from linkchart.extract.dates import sentence_dates
from linkchart.extract.events import AT_NEWS, JUST_BEFORE, events_in_sentence
from linkchart.extract.locations import chained_places
from linkchart.extract.modality import ensure_lemmas
from linkchart.extract.relations import RelationRules, load_predicates, load_rules, relations_in_sentence
from linkchart.extract.speakers import Speaker
from linkchart.models import Claim, Event, Relation

FACTS_PIPE = "linkchart_facts"


@dataclass
class SpanFacts:
    """What one span states, and what it leaves for the next span of its article; offsets into the article."""

    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    speaker: Speaker | None = None  # who the span announced at its very end ('X continues:')
    subjects: dict[str, Speaker] = field(default_factory=dict)  # the person / organisation it ended on, by label
    told: dict[str, str] = field(default_factory=dict)  # when the article last told each event kind (events.py)


class FactReader:
    """The ``linkchart_facts`` component: reads a span's relations, events and claims with its rule files."""

    def __init__(self, nlp: Language, name: str, rules_path: str | None = None,
                 predicates_path: str | None = None) -> None:
        self.name = name
        self.rules = load_rules(rules_path)
        self.relation_rules = RelationRules.build(self.rules, load_predicates(predicates_path))
        self.trigger_kinds = lexicon.events().triggers

    def __call__(self, doc: Doc) -> Doc:
        """Return `doc` unchanged: spans are read by `read`, with their article's state (see the module)."""
        return doc

    def read(self, doc: Doc, offset: int, article_date: str | None, context_date: str | None = None,
             context_speaker: Speaker | None = None, context_subjects: dict[str, Speaker] | None = None,
             context_told: dict[str, str] | None = None) -> SpanFacts:
        """Return the relations, events and claims in one parsed span, and what it leaves for the next span;
        entity mentions are doc.ents; all offsets are doc char offsets + offset (into the article's clean text).

        `article_date` anchors deictic dates ('last Saturday'); `context_date` is the last date stated
        before this span, for relative dates ('two months later') at its start. `context_speaker` (article
        offsets) is who the previous paragraph said would speak next ('X continues:'), for 'I' and 'we';
        `context_subjects` (article offsets) the person and organisation it ended on, for 'he' and 'it'.
        `context_told` is when the article's spans before told each event kind (`SpanFacts.told`).
        """
        carried = None
        if context_speaker is not None:
            carried = Speaker(context_speaker.text, context_speaker.label,
                              context_speaker.start - offset, context_speaker.end - offset)
        previous = {label: Speaker(sp.text, sp.label, sp.start - offset, sp.end - offset)
                    for label, sp in (context_subjects or {}).items()}
        ctx = SentenceContext.build(ensure_lemmas(doc), self.rules, carried, previous)
        found = SpanFacts(told=dict(context_told or {}))
        last_date = context_date
        # the time the narrative is at: the last date stated, or the article's once a sentence stating none told a
        # happening as its news ('In 2006 X fought Y. Z told the paper ... . W issued a statement ...': news again)
        narrative_date = article_date if found.told.get(AT_NEWS) else context_date
        previous_day = None  # the day the sentence before stated ('Yesterday, X held primaries.')
        for sent in ctx.sentences:
            dates = sentence_dates(sent, article_date, last_date, sent_ents(ctx, sent))
            date = dates[0][1] if dates else None
            if any(ctx.ent_at[i] is not None for i in range(sent.start, sent.end)):  # a fact needs a named end
                found.relations += relations_in_sentence(ctx, sent, offset, date, self.relation_rules)
            told = events_in_sentence(ctx, sent, offset, date, self.trigger_kinds, dates, article_date,
                                      narrative_date, previous_day, found.told)
            found.events += told
            found.claims += claims_in_sentence(ctx, sent, offset)
            previous_day = dates[-1][1] if dates else None
            for key in [k for k in found.told if k.startswith(JUST_BEFORE)]:
                del found.told[key]
            found.told.update({JUST_BEFORE + e.kind: e.date for e in told if e.date and e.date_source is None})
            if article_date and any(e.date_source == "article" for e in told):
                narrative_date, found.told[AT_NEWS] = article_date, article_date
            if dates:  # a date the sentence states sets the time, even beside the news
                last_date = narrative_date = dates[-1][1]
                found.told.pop(AT_NEWS, None)
        found.relations += chained_places(found.relations, self.rules["place_chain_rule"])
        found.speaker = closing_speaker(ctx, offset)
        found.subjects = closing_subjects(doc, offset, ctx)
        if "PERSON" not in found.subjects and (person := closing_pronoun_subject(ctx, offset)) is not None:
            found.subjects["PERSON"] = person  # '... But he had grown tired.' passes on whom 'he' is
        return found


_DOC_INPUTS = ("doc.ents", "doc.sents")
# token.pos comes from linkchart_attribute_rules (extract/attribute_rules.py), which declares it
_TOKEN_INPUTS = ("token.dep", "token.tag", "token.lemma", "token.pos")


@Language.factory(
    FACTS_PIPE,
    default_config={"rules_path": None, "predicates_path": None},
    assigns=[],
    requires=[*_DOC_INPUTS, *_TOKEN_INPUTS],
)
def make_fact_reader(nlp: Language, name: str, rules_path: str | None, predicates_path: str | None) -> FactReader:
    """Return the ``linkchart_facts`` component (see ``FactReader``); None paths mean the packaged files."""
    return FactReader(nlp, name, rules_path, predicates_path)


def fact_reader(nlp: Language) -> FactReader:
    """Return the pipeline's ``linkchart_facts`` component, or one with the packaged rule files when the
    pipeline has none (a plain spaCy model)."""
    if FACTS_PIPE in nlp.pipe_names:
        return nlp.get_pipe(FACTS_PIPE)
    return FactReader(nlp, FACTS_PIPE)
