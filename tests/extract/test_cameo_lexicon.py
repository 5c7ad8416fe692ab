"""The CAMEO verb dictionary converted into the lexicon: its source named, its map applied, hand lists as exceptions."""

from __future__ import annotations

import importlib.util
from importlib import resources
from pathlib import Path

import yaml

from linkchart import lexicon
from linkchart.extract.facts import fact_reader
from linkchart.extract.nlp import load_pipeline
from linkchart.extract.relations import load_rules
from linkchart.lexicon import loader

TOOL = Path(__file__).resolve().parents[2] / "tools" / "cameo_lexicon.py"

# the dictionary's format, with invented blocks: a block code, verbs with their own codes and forms, patterns
SNIPPET = """####### VERB PATTERNS #######
---  ASSAULT   [190]  ---
ASSAULT
HIT {HITS HITTING}
+BLOW_UP {+BLOWS_UP +BLEW_UP}
- * (TO DEATH)   [1823]   # a pattern, not a verb
---  HOLD   [---]  ---
HOLD
DETAIN [173]
######## TRANSFORMATIONS ##########
"""


def _tool():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("cameo_lexicon", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_converter_reads_verbs_with_their_codes_and_applies_the_map() -> None:
    tool = _tool()
    assert tool.read_verbs(SNIPPET) == {"assault": "190", "hit": "190", "blow up": "190", "detain": "173"}
    table = {"codes": {"19": {"trigger": "attack", "predicate": "attacked"}, "173": {"trigger": "arrest"}},
             "only": {"19": ["assault", "blow up"]}, "exclude": ["detain"]}
    assert tool.convert(SNIPPET, table) == {
        "assault": {"code": "190", "trigger": "attack", "predicate": "attacked"},
        "blow up": {"code": "190", "trigger": "attack", "predicate": "attacked"},
    }


def test_the_generated_file_names_its_source_commit_and_licence() -> None:
    text = (resources.files(loader.PACKAGE) / "cameo_verbs.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert "openeventdata/petrarch2" in data["source"] and data["licence"] == "MIT" and len(data["commit"]) == 40
    assert "MIT" in text.split("\nsource:", 1)[0]
    assert lexicon.cameo().codes["kidnap"].startswith("181")


def test_hand_listed_triggers_are_the_exceptions_that_win() -> None:
    triggers = lexicon.events().triggers
    for word, kind in loader.values("trigger").items():
        assert triggers[word.lower()] == kind
    cameo_only = set(lexicon.cameo().triggers) - {w.lower() for w in loader.values("trigger")}
    assert {"besiege", "extradite", "exile"} <= cameo_only


def test_verb_rules_take_the_cameo_verbs_of_their_predicate() -> None:
    rules = {r["name"]: r for r in load_rules()["verb_rules"]}
    assert {"slaughter", "massacre"} <= rules["verb_kill"]["lemma"]
    assert "besiege" in rules["verb_attack"]["lemma"]
    assert "plunder" not in rules["verb_attack"]["lemma"]  # 'plunder a country's wealth': left out by the map


def test_a_cameo_verb_states_its_predicate_with_the_rule_s_argument_types() -> None:
    nlp = load_pipeline()
    text = "The Red Hand besieged Corlin. The Red Hand besieged the old fortress."
    doc = nlp(text)
    doc.ents = [doc.char_span(4, 12, label="ORG"), doc.char_span(22, 28, label="GPE"),
                doc.char_span(34, 42, label="ORG")]
    found = {(r.subject, r.predicate, r.object) for r in fact_reader(nlp).read(doc, 0, None).relations}
    assert found == {("Red Hand", "attacked", "Corlin")}
