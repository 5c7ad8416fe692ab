"""The linkchart_facts component: registered with its rule files in its config, read span by span."""

from __future__ import annotations

from pathlib import Path

import spacy
import yaml
from spacy.language import Language
from spacy.tokens import Doc

from linkchart.extract.facts import FACTS_PIPE, FactReader, fact_reader
from linkchart.extract.nlp import load_base_pipeline
from linkchart.extract.relations import RULES_PATH
from linkchart.extract.speakers import Speaker

TEXT = "The Crescent Brigade split from the Northern Front in 2004."
ENTS = [("Crescent Brigade", "ORG"), ("Northern Front", "ORG")]


def parsed(nlp: Language, text: str, ents: list[tuple[str, str]]) -> Doc:
    """Return the parsed text with exactly the given (surface, label) mentions as doc.ents."""
    doc = nlp(text)
    doc.ents = [doc.char_span(text.index(s), text.index(s) + len(s), label=label) for s, label in ents]
    return doc


def test_the_component_ends_the_pipeline_and_declares_what_it_reads(nlp: Language) -> None:
    assert nlp.pipe_names[-1] == FACTS_PIPE
    meta = nlp.get_pipe_meta(FACTS_PIPE)
    assert meta.assigns == [] and {"doc.ents", "doc.sents", "token.dep", "token.lemma"} <= set(meta.requires)
    assert nlp.config["components"][FACTS_PIPE] == {"factory": FACTS_PIPE, "rules_path": None,
                                                   "predicates_path": None}
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert problems[FACTS_PIPE] == [] and problems["linkchart_mentions"] == []


def test_the_rule_file_comes_from_the_component_config(nlp: Language, tmp_path: Path) -> None:
    rules = yaml.safe_load(RULES_PATH.read_text(encoding="utf-8"))
    rules["verb_rules"] = [r for r in rules["verb_rules"] if r["name"] != "verb_split_from"]
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump(rules), encoding="utf-8")
    reader = spacy.blank("en").add_pipe(FACTS_PIPE, config={"rules_path": str(path)})
    doc = parsed(nlp, TEXT, ENTS)
    assert "verb_split_from" in {r.rule for r in fact_reader(nlp).read(doc, 0, None).relations}
    assert "verb_split_from" not in {r.rule for r in reader.read(doc, 0, None).relations}


def test_read_dates_facts_and_passes_the_closing_speaker_on(nlp: Language) -> None:
    found = fact_reader(nlp).read(parsed(nlp, TEXT, ENTS), 50, None)
    split = next(r for r in found.relations if r.predicate == "split_from")
    assert (split.date, split.start, split.subject_span) == ("2004", 50, (54, 70))
    assert found.speaker is None and found.subjects == {"ORG": Speaker("Crescent Brigade", "ORG", 54, 70)}
    found = fact_reader(nlp).read(parsed(nlp, "Karim Nouri continues:", [("Karim Nouri", "PERSON")]), 7, None)
    assert found.speaker == Speaker("Karim Nouri", "PERSON", 7, 18)


def test_a_pipeline_without_the_component_reads_with_the_packaged_rules() -> None:
    base = load_base_pipeline()
    assert FACTS_PIPE not in base.pipe_names
    reader = fact_reader(base)
    assert isinstance(reader, FactReader)
    doc = parsed(base, TEXT, ENTS)
    assert "verb_split_from" in {r.rule for r in reader.read(doc, 0, None).relations}
