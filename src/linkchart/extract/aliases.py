"""Alias statements: sentences that say two names denote the same thing.

Read per sentence from regular expressions anchored on the corrected mentions of
``linkchart_mentions``: parenthesised acronyms and translations, 'known as' / 'a.k.a.' /
'dubbed', former names ('X, formerly Y', 'X (renamed Y)'), 'whose real name is', codenames resolved
by the sentence ('known to X as "Y", the officer is Z'), 'the X, or Y', and dash appositions
('X – the League of Y').
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from linkchart import lexicon
from linkchart.extract.doctext import doc_text, span_text
from linkchart.extract.mentions import SPANS_KEY, head_label
from linkchart.models import AliasStatement, Mention

Q_OPEN = "‘“'\""
Q_CLOSE = "’”'\""
QUOTED = rf"[{Q_OPEN}](?P<q>[^{Q_OPEN}{Q_CLOSE}]{{2,60}}?)[,.]?[{Q_CLOSE}]"
# a name in double quotes may hold an apostrophe ('"The Mayor's Own"')
DOUBLE_QUOTED = r'["“](?P<q>[^"“”\n]{2,60}?)[,.]?["”]'
_GRAMMAR = lexicon.grammar()
_ARTICLES = lexicon.alternation(lexicon.particles().articles)  # 'al-', 'ash-'
_LINKS = lexicon.alternation(_GRAMMAR.name_run_links)  # 'Party of God', 'Army for the Liberation of X'
# A name written out: capitalised words, Arabic particles, 'of the' / 'for' inside.
NAME_WORD = rf"(?:[A-Z][\w’'.\-]*\w|[A-Z]|(?:{_ARTICLES})-[\w’'\-]+|bin|ibn|bint)"
NAME_RUN_RE = re.compile(rf"{NAME_WORD}(?:\s+(?:(?:{_LINKS})\s+(?:the\s+)?)?{NAME_WORD})*")
ACRONYM_RE = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z][A-Za-z0-9.&\-]{1,9}$")
LEAD_IN_RE = re.compile(r"^(?:" + lexicon.alternation(_GRAMMAR.lead_ins) + r")\s+", re.IGNORECASE)
FUNCTION_WORDS = _GRAMMAR.alias_function_words

# the cue may open a bracket whose first part was cut ('X (; formerly Y)'); two adverbs may stand before 'known as'
# ('more commonly known as'); a renaming word stands alone after a comma or bracket ('X, formerly Y', 'X (renamed Y)')
KNOWN_AS_RE = re.compile(
    r"\s*[,(\[]?\s*;?\s*(?:(?:" + lexicon.alternation(_GRAMMAR.known_as_adverbs) + r")\s+){0,2}"
    r"(?:(?P<known>known (?:simply )?as|known by (?:his |her |its |their |the )?(?:[a-z]+ )?name|referred to as"
    r"|called|spelled|spelt)|(?P<aka>a\.?k\.?a\.?|aka)"
    r"|(?P<dub>dubbed|nicknamed)|(?P<code>code-?named)"
    r"|(?P<renamed>(?:" + lexicon.alternation(_GRAMMAR.renaming_cues) + r")(?: as)?))\s+",
)
# '(born Mara Lind; 1950)', '(née Lind)', '(né Tom Lind)': the name a person was born with (née of a woman, né of a man)
BORN_RE = re.compile(r"[(\[]\s*(?:born|née|nee|né)\s+")
REAL_NAME_RE = re.compile(r"\s*,?\s*whose (?:real|true|full|actual) name (?:is|was)\s+")
CODENAME_RES = (
    # 'Known to X as "Y", the officer is Z' / 'known to X as "Y" was Z'
    re.compile(
        rf"\b[Kk]nown to [^,.;]{{1,60}}? as\s+{QUOTED}\s*,?\s+(?:(?:the|this|that)\s+[^,.;]{{0,80}}?\s+)?"
        r"(?:is|was)\s+(?:in fact\s+|actually\s+|really\s+)?"
    ),
    # 'the man X knew as "Y" was Z'
    re.compile(rf"\bknew (?:him |her )?as\s+{QUOTED}\s*,?\s+(?:is|was)\s+(?:in fact\s+|actually\s+|really\s+)?"),
    # '"Y" is in fact Z'
    re.compile(rf"{QUOTED}\s*,?\s+(?:is|was) (?:in fact|actually|really)\s+"),
)
# what every alias statement needs somewhere in its sentence: a cheap test before the real rules run
_HINT_RE = re.compile(r"[(\[\u2013\u2014-]|\bor\b|a\.?k\.?a|" + lexicon.alternation(lexicon.verbs().alias_hints)
                      + r"|\bknew\b|is (?:in fact|actually|really)|was (?:in fact|actually|really)|\bname (?:is|was)\b",
                      re.IGNORECASE)
OR_RE = re.compile(r"\s*,\s+or\s+")
ALSO_RE = re.compile(r"\s*(?:,\s*(?:or\s+)?|\s+or\s+)")  # the next of several names: ', Z', ' or Z'
# inside a bracket the list may end with 'and': '(also called Y, Z, and W)'
ALSO_IN_BRACKET_RE = re.compile(r"\s*(?:,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+)")
CLOSE_RE = re.compile(r"\s*[)\]]")

DASH_RE = re.compile(r"\s+[–—-]\s+")
BRACKET_END_RE = re.compile(r"\s*[(\[][^()\[\]]{1,80}[)\]]\s*,?\s*$")  # a bracket and its comma, closing a text
BRACKET_RE = re.compile(r"[(\[](?P<inner>[^()\[\]]{1,90})[)\]]")
# a bracket listing acronyms, split by slashes or spaced dashes ('VR / CFV', 'TFB - CFT - FFT'); 'VRGC-TF' is one
ACRONYM_LIST_RE = re.compile(r"\s*[A-Z][\w.&]{1,9}(?:(?:\s*/\s*|\s+[–-]\s+)[A-Z][\w.&]{1,9})+\s*")
REAL_NAME_INNER_RE = re.compile(r"^(?:real|true|full) name:?\s+", re.IGNORECASE)
LANGUAGE_INNER_RE = re.compile(r"^(\w+)\s*:\s*")  # '(Italian: X)': a language, a colon, the name in it
# language names and nationality words, which name a language before a colon
LANGUAGE_WORDS = lexicon.languages().names | frozenset(d.casefold() for d in lexicon.countries().demonyms)


@dataclass
class _Sent:
    text: str
    base: int  # doc char offset of text[0]
    starts: dict[int, tuple[int, int, str]]  # doc char start → (start, end, label) of a mention
    ends: dict[int, tuple[int, int, str]]


def _particles() -> frozenset[str]:
    return lexicon.particles().name_particles


def initials_match(expansion: str, acronym: str) -> bool:
    """Return True when `acronym`'s letters plausibly abbreviate `expansion`.

    The initials of the expansion's content words (function words and lower-case name
    particles like 'al-' skipped) must appear in order among the acronym's letters, start
    with its first letter, and leave at most two acronym letters unexplained.
    """
    letters = _letters(acronym)
    words = _name_words(expansion)
    sig = _significant(words)
    if len(letters) < 2 or not sig:
        return False
    initials = [w[0].upper() for w in sig]
    if initials[0] != letters[0]:
        # 'the Velmar Securities and Exchange Commission (SEC)': the acronym of the body, its nation left out
        return len(sig) >= 3 and lexicon.nation_of(sig[0]) is not None \
            and initials_match(expansion.split(sig[0], 1)[1], acronym)
    if _in_order(initials, letters):
        return True
    # 'Progress Party of Equatorial Guinea (PPGE)': the acronym of the name in its own language, same initials
    if len(letters) >= 3 and sorted(letters) == sorted(initials):
        return True
    # 'Overseas Press Club of America (OPC)': the name's head, its 'of' phrase left out
    cut = [i for i, w in enumerate(words) if w.lower() == "of"]
    if cut and len(letters) >= 3:
        head = [w[0].upper() for w in words[: cut[-1]] if w.lower() not in FUNCTION_WORDS]
        if len(head) == len(letters) and _in_order(head, letters):
            return True
    return syllables_match(sig, "".join(letters))


def _letters(acronym: str) -> list[str]:
    """Return an acronym's letters in capitals ('U.S.' → ['U', 'S'])."""
    return [c for c in acronym.upper() if c.isalpha()]


def _name_words(expansion: str) -> list[str]:
    """Return the words of a name split at spaces and hyphens, those that open with a letter."""
    return [w for w in re.split(r"[\s\-–]+", expansion) if w and w[0].isalpha()]


def _significant(words: list[str]) -> list[str]:
    """Return the words of a name that give an acronym its letters: no function word, no lower-case particle."""
    particles = _particles()
    return [w for w in words if w.lower() not in FUNCTION_WORDS and not (w.islower() and w in particles)]


def other_language_acronym(expansion: str, acronym: str) -> bool:
    """Return True when `acronym`, in brackets right after an organisation's name, may be that name's acronym in its
    own language: 'the Velmar State Railways (FS)', 'the Tarvo State Institute of Mining (TGIMO)'. At least
    half of its letters are initials of the name's words, and it names no country ('(UK)' after a firm is where it
    is)."""
    letters = _letters(acronym)
    sig = _significant(_name_words(expansion))
    if len(letters) < 2 or len(sig) < 2 or lexicon.nation_of(acronym) is not None:
        return False
    initials = {w[0].upper() for w in sig}
    return 2 * sum(ch in initials for ch in letters) >= len(letters)


def syllables_match(words: list[str], letters: str) -> bool:
    """Return True when `letters` (four or more, upper case) are the openings of `words` in order: a syllable
    acronym ('Varno Mining and Smelting Company (VAMINCO)', 'University of Tarvo (UNITAR)').

    The first word opens the acronym, a later word may give nothing, and at least two words give some letters,
    one of them two or more.
    """
    if len(letters) < 4:
        return False
    openings = [re.sub(r"[^A-Z]", "", w.upper()) for w in words]

    def fits(i: int, j: int, used: int, long_part: bool) -> bool:
        if i == len(letters):
            return used >= 2 and long_part
        if j == len(openings):
            return False
        word = openings[j]
        for n in range(min(len(word), len(letters) - i), 0, -1):
            if word[:n] == letters[i:i + n] and fits(i + n, j + 1, used + 1, long_part or n >= 2):
                return True
        return j > 0 and fits(i, j + 1, used, long_part)  # a later word may give no letter

    return fits(0, 0, 0, False)


def _in_order(initials: list[str], letters: list[str]) -> bool:
    """Whether every initial appears among `letters` in order, leaving at most two letters unexplained."""
    if len(letters) > len(initials) + 2:
        return False
    k = 0
    for ch in letters:
        if k < len(initials) and ch == initials[k]:
            k += 1
    return k == len(initials)


def _is_acronym(text: str) -> bool:
    return bool(ACRONYM_RE.match(text)) and sum(c.isupper() for c in text) >= max(2, len(text) - 2)


def _sentence(sent: Span, mentions: list[Span]) -> _Sent:
    starts: dict[int, tuple[int, int, str]] = {}
    ends: dict[int, tuple[int, int, str]] = {}
    for m in mentions:
        if sent.start <= m.start and m.end <= sent.end:
            starts[m.start_char] = (m.start_char, m.end_char, m.label_)
            ends[m.end_char] = (m.start_char, m.end_char, m.label_)
    return _Sent(span_text(sent), sent.start_char, starts, ends)


def _name_at(s: _Sent, pos: int) -> tuple[int, int] | None:
    """Return the doc-char span of a name starting at sentence offset `pos` (after lead-ins, unless a mention opens
    with one: 'New Varn Society')."""
    rest = s.text[pos:]
    lead = len(rest) - len(rest.lstrip())
    if s.base + pos + lead in s.starts:
        return s.starts[s.base + pos + lead][:2]
    while True:
        m = LEAD_IN_RE.match(rest[lead:])
        if not m:
            break
        lead += m.end()
    q = re.match(DOUBLE_QUOTED, rest[lead:]) or re.match(QUOTED, rest[lead:])
    if q:
        inner = q.group("q")
        a = pos + lead + q.start("q") + len(inner) - len(inner.lstrip())
        return s.base + a, s.base + a + len(inner.strip().rstrip(",. "))
    start = s.base + pos + lead
    if start in s.starts:
        return s.starts[start][:2]
    m = NAME_RUN_RE.match(rest[lead:])
    if not m:
        return None
    text = m.group(0)
    text = re.sub(rf"(?:\s+(?:{_LINKS})(?:\s+the)?)+$", "", text)
    text = re.sub(r"(?:’s|'s)$", "", text)
    return start, start + len(text)


def _name_before(s: _Sent, pos: int) -> tuple[int, int] | None:
    """Return the doc-char span of a mention or quoted name ending at sentence offset `pos`."""
    head = s.text[:pos].rstrip()
    q = re.search(QUOTED + r"$", head)
    if q:
        a = q.start("q")
        return s.base + a, s.base + a + len(q.group("q").rstrip(",. "))
    end = s.base + len(head)
    if end in s.ends:
        return s.ends[end][:2]
    return None


def _label_of(s: _Sent, span: tuple[int, int]) -> str | None:
    hit = s.starts.get(span[0])
    return hit[2] if hit and hit[1] == span[1] else None


class _Collector:
    def __init__(self, doc: Doc, offset: int) -> None:
        self.doc = doc
        self.doc_text = doc_text(doc)
        self.offset = offset
        self.out: list[AliasStatement] = []
        self.seen: set[tuple[str, str, str]] = set()
        self.lead: ArticleLead | None = None  # the name the article's opening defines, if any

    def add_for_lead(self, s: _Sent, lead: ArticleLead, alias: tuple[int, int], kind: str) -> None:
        """Record that `alias` (doc chars) is another name of the article's lead name, stated in sentence `s`."""
        a = self.doc_text[alias[0] : alias[1]].strip()
        if not a or a == lead.name or (kind, lead.name, a) in self.seen:
            return
        self.seen.add((kind, lead.name, a))
        off = self.offset
        self.out.append(AliasStatement(name=lead.name, alias=a, kind=kind, start=lead.sentence_start,
                                       end=s.base + len(s.text) + off, name_span=lead.span,
                                       alias_span=(alias[0] + off, alias[1] + off)))

    def add(self, s: _Sent, name: tuple[int, int], alias: tuple[int, int], kind: str) -> None:
        n = self.doc_text[name[0] : name[1]].strip()
        a = self.doc_text[alias[0] : alias[1]].strip()
        if not n or not a or n == a or (kind, n, a) in self.seen:
            return
        self.seen.add((kind, n, a))
        off = self.offset
        first = self.doc.char_span(min(name[0], alias[0]), min(name[0], alias[0]) + 1, alignment_mode="expand")
        last = self.doc.char_span(max(name[1], alias[1]) - 1, max(name[1], alias[1]), alignment_mode="expand")
        start = first.sent.start_char if first is not None else s.base
        end = last.sent.end_char if last is not None else s.base + len(s.text)
        self.out.append(
            AliasStatement(
                name=n,
                alias=a,
                kind=kind,
                start=start + off,
                end=end + off,
                name_span=(name[0] + off, name[1] + off),
                alias_span=(alias[0] + off, alias[1] + off),
            )
        )


def _pair(c: _Collector, s: _Sent, left: tuple[int, int], right: tuple[int, int], dash: bool) -> None:
    """Record an acronym or translation statement between two adjacent names."""
    lt = c.doc_text[left[0] : left[1]]
    rt = c.doc_text[right[0] : right[1]]
    if _is_acronym(rt) and not _is_acronym(lt):
        if initials_match(lt, rt) or (not dash and _organisation(s, left, lt) and other_language_acronym(lt, rt)):
            c.add(s, left, right, "acronym")
    elif _is_acronym(lt) and not _is_acronym(rt):
        if initials_match(rt, lt):
            c.add(s, right, left, "acronym")
    elif not _is_acronym(lt) and not _is_acronym(rt):
        places = {"GPE", "LOC"}
        if _label_of(s, right) in places or (dash and _label_of(s, left) in places):
            return  # 'Kafr Kila (Lebanon)', 'Tehran – Baghdad' are not renamings
        if lexicon.nation_of(rt) is not None:
            return  # 'Tom Verrel (Ruritania)' in a results list: his country, which the model may leave untagged
        if _person_named(s, right, rt) and _two_people(lt, rt):
            return  # 'Dom (Tom Verrel)': the actor who plays a character, or another person, not a renaming
        c.add(s, left, right, "translation")


# particles of Arabic and Persian names ('Abu', 'bin', 'al-'): a name holding one may be a nom de guerre, whose
# bearer's given name the bracket gives ('Abu Tariq (Salim Qarawi)')
_NAME_PARTICLES = lexicon.particles().name_particles
_WORD = re.compile(r"[^\W\d_]+")


GIVEN_NAMES = lexicon.given_names()


def _person_named(s: _Sent, span: tuple[int, int], text: str) -> bool:
    """Return True when a name is a person's: the model's label says so, or, unlabelled, it opens with a common
    given name."""
    label = _label_of(s, span)
    return label == "PERSON" or (label is None and text.split()[0].casefold() in GIVEN_NAMES)


def _two_people(name: str, bracketed: str) -> bool:
    """Return True when a name and a full person's name in brackets after it name two: they share no word, the
    bracket holds two words or more, and neither holds a particle of an Arabic or Persian name (a character and
    the actor who plays him, a band and its singer)."""
    words = [w.casefold() for w in _WORD.findall(name)]
    inner = [w.casefold() for w in _WORD.findall(bracketed)]
    if len(inner) < 2 or set(words) & set(inner):
        return False
    return not any(w in _NAME_PARTICLES for w in (*words, *inner))


def _brackets(c: _Collector, s: _Sent) -> None:
    for m in BRACKET_RE.finditer(s.text):
        before = _name_before(s, m.start())
        if before is None:
            continue
        inner = m.group("inner").strip()
        pos = m.start("inner") + (len(m.group("inner")) - len(m.group("inner").lstrip()))
        real = REAL_NAME_INNER_RE.match(inner)
        if real:
            name = _name_at(s, pos + real.end())
            if name:
                c.add(s, name, before, "real_name")
            continue
        language = LANGUAGE_INNER_RE.match(inner)
        if language and language.group(1).casefold() in LANGUAGE_WORDS:
            name = _name_at(s, pos + language.end())  # '(Varnish: Tarnu Kessela)': the name in that language
            if name and re.match(r"\s*(?:[;,)\]]|$)", s.text[name[1] - s.base:]):
                c.add(s, before, name, "translation")
            continue
        if ACRONYM_LIST_RE.fullmatch(inner):
            _acronym_list(c, s, before, pos, inner)
            continue
        if re.search(r"\d", inner) or "," in inner or not inner[:1].isalpha():
            continue
        if inner.lower().startswith("the "):
            inner, pos = inner[4:], pos + 4
        if not inner[:1].isupper() or len(inner.split()) > 8:
            continue
        inner_span = _name_at(s, pos)
        # the whole bracket must be the name ('(left)', '(photo: ...)' are not)
        if inner_span is None or s.base + pos + len(inner) != inner_span[1]:
            continue
        _pair(c, s, before, inner_span, dash=False)


def _organisation(s: _Sent, span: tuple[int, int], text: str) -> bool:
    """Return True when a name is an organisation's: the model says so, or a word of it is the head of one
    ('Institute', 'Railways'), whatever the model made of the whole."""
    return _label_of(s, span) == "ORG" or any(head_label(w) == "ORG" for w in text.split())


def _acronym_list(c: _Collector, s: _Sent, name: tuple[int, int], pos: int, inner: str) -> None:
    """Record each acronym of a bracket that lists a name's acronyms in several languages: 'the Velmar Railways
    (VR / CFV)', 'the Tarvo Federal Railways (TFB - CFT - FFT)'. One of them must abbreviate the name (or, after an
    organisation, be its acronym in another language, `other_language_acronym`): the others are named beside it."""
    expansion = c.doc_text[name[0] : name[1]]
    parts = [(pos + m.start(), m.group(0)) for m in re.finditer(r"[^\s/–-]+", inner)]
    if not all(_is_acronym(p) for _, p in parts):
        return
    organisation = _organisation(s, name, expansion)
    if not any(initials_match(expansion, p) or (organisation and other_language_acronym(expansion, p))
               for _, p in parts):
        return
    for at, part in parts:
        c.add(s, name, (s.base + at, s.base + at + len(part)), "acronym")


def _cued(c: _Collector, s: _Sent) -> None:
    for m in KNOWN_AS_RE.finditer(s.text):
        cue = m.group(0)
        bracketed = "(" in cue or "[" in cue
        subject = None if bracketed or "," in cue or m.group("renamed") else _naming_subject(s, m.start())
        if subject is None and m.group("known") == "called" \
                and not (bracketed or "," in cue or cue.split()[0] != "called"):
            continue  # 'a force called X' introduces X; 'X, called Y' and 'X (also called Y)' rename it
        if m.group("renamed") and not (bracketed or "," in cue):
            continue  # 'Y renamed X' is someone's act; 'X, formerly Y' and 'X (renamed Y)' give X's other name
        before = subject or _name_before(s, m.start()) or _name_before_bracket(s, m.start())
        if before is None:
            continue
        kind = "codename" if m.group("code") else "former_name" if m.group("renamed") else "known_as"
        listed = _listed(s, m.end(), ALSO_RE)  # 'X (also known as Y or Z)': every name listed
        if bracketed:
            closed = _listed(s, m.end(), ALSO_IN_BRACKET_RE)
            if closed and CLOSE_RE.match(s.text, closed[-1][1] - s.base):
                listed = closed  # '(also called Y, Z, and W)': an 'and' list only when it closes the bracket
        for name in listed:
            c.add(s, before, name, kind)
    for m in BORN_RE.finditer(s.text):
        before = _name_before(s, m.start())
        after = _name_at(s, m.end())
        if before and after and _label_of(s, before) == "PERSON" and len(c.doc_text[after[0]:after[1]].split()) >= 2:
            c.add(s, before, after, "real_name")
    for m in REAL_NAME_RE.finditer(s.text):
        before = _name_before(s, m.start())
        after = _name_at(s, m.end())
        if before and after:
            c.add(s, after, before, "real_name")
    for rx in CODENAME_RES:
        for m in rx.finditer(s.text):
            q0 = m.start("q")
            alias = (s.base + q0, s.base + q0 + len(m.group("q").rstrip(",. ")))
            name = _name_at(s, m.end())
            if name:
                c.add(s, name, alias, "codename")


# 'X is called Y', 'X has long been known as Y': the sentence's subject, then a form of 'be' before the naming words
NAMING_COPULA_RE = re.compile(
    r"\s+(?:is|was|are|were|(?:has|have|had)(?:\s+\w+ly|\s+long)?\s+been)(?:\s+[a-z]+ly)?\s*$")
SUBJECT_OPENING_RE = re.compile(r"^(?:The\s+)?$")


def _naming_subject(s: _Sent, pos: int) -> tuple[int, int] | None:
    """Return the mention that opens the sentence as the subject of the naming words at sentence offset `pos`
    ('The Tarn Choir has been known as " The Mayor's Own "', 'Tarnby is often called the " City of Bells "'),
    or None."""
    copula = NAMING_COPULA_RE.search(s.text[:pos])
    if copula is None:
        return None
    subject = s.ends.get(s.base + copula.start())
    if subject is None or not SUBJECT_OPENING_RE.match(s.text[: subject[0] - s.base]):
        return None
    return subject[:2]


def _name_before_bracket(s: _Sent, pos: int) -> tuple[int, int] | None:
    """Return the name before a bracket that ends at sentence offset `pos` ('X (1932 – 2017), known as Y')."""
    head = BRACKET_END_RE.search(s.text[:pos])
    return _name_before(s, head.start()) if head else None


def _listed(s: _Sent, pos: int, link: re.Pattern[str]) -> list[tuple[int, int]]:
    """Return the doc-char spans of the names listed from sentence offset `pos`, one after another as `link` joins
    them ('Y, Z or W')."""
    out: list[tuple[int, int]] = []
    after = _name_at(s, pos)
    while after:
        out.append(after)
        more = link.match(s.text, after[1] - s.base)
        after = _name_at(s, more.end()) if more else None
    return out


def _adjacent(c: _Collector, s: _Sent) -> None:
    for _start, (a, b, _label) in sorted(s.starts.items()):
        rel_end = b - s.base
        tail = s.text[rel_end:]
        m = OR_RE.match(tail)
        if m and s.text[: a - s.base].lower().endswith("the "):
            after = _name_at(s, rel_end + m.end())
            if after and re.match(r"\s*(?:[,);.]|$)", s.text[after[1] - s.base :]):
                c.add(s, (a, b), after, "or")
            continue
        m = DASH_RE.match(tail)
        if m:
            after = _name_at(s, rel_end + m.end())
            if after and re.match(r"\s*(?:[,);.–—]|$)", s.text[after[1] - s.base :]):
                _pair(c, s, (a, b), after, dash=True)


# 'X or Y is a ...' opening a sentence: a definition naming its subject twice ('Tarn Hall or Tarn Manor is a house')
OPENING_OR_RE = re.compile(r"\s+or\s+")
DEFINITION_RE = re.compile(r"\s*(?:[(\[][^()\[\]]{0,120}[)\]]\s*)?,?\s*(?:" + lexicon.alternation(
    sorted(_GRAMMAR.copulas - _GRAMMAR.possessives - {"be"})) + r")\s+an?\s+", re.IGNORECASE)


def _opening_or(c: _Collector, s: _Sent) -> None:
    """'X or Y is a ...', 'The X or Y (...) was an ...' at the start of a sentence: two names of the thing defined.

    Two persons only in the text's first sentence, where a biography names its subject ('Tom Roe or Mara Lind was a
    candidate' further on offers a choice)."""
    head = LEAD_IN_RE.match(s.text)
    first = s.starts.get(s.base + (head.end() if head else 0))
    if first is None:
        return
    m = OPENING_OR_RE.match(s.text, first[1] - s.base)
    after = _name_at(s, m.end()) if m else None
    if not after or not DEFINITION_RE.match(s.text, after[1] - s.base):
        return
    if first[2] == "PERSON" and _label_of(s, after) == "PERSON" and s.base > 0:
        return
    c.add(s, first[:2], after, "or")


# 'It is also known as Y', 'She was formerly called Y': a pronoun subject naming the article's subject again
PRONOUN_NAMING_RE = re.compile(r"(?P<pronoun>\w+)\s+(?:is|was)\s+")
LEAD_SENTENCES = 6  # a pronoun so early in the article stands for the name its opening defines
# or 'the' and a noun of its kind, after a date or a phrase of time: 'In 1071 the village was referred to as Y'
NOUN_NAMING_RE = re.compile(r"(?:[A-Z][\w ]{0,24}? ,? ?the|The) (?P<noun>[a-z]+)\s+(?:is|was)\s+")
_PLACE_NOUNS, _GROUP_NOUNS = lexicon.places().nouns, lexicon.organisations().nouns
LEAD_NOUNS = {"GPE": _PLACE_NOUNS, "LOC": _PLACE_NOUNS, "FAC": _PLACE_NOUNS, "ORG": _GROUP_NOUNS}
PERSON_PRONOUNS = lexicon.grammar().personal_pronouns
THING_PRONOUNS = lexicon.grammar().group_pronouns


@dataclass
class ArticleLead:
    """The name an article's opening sentence defines ('The Varn Hall is a ...', 'Tom Verrel was a ...'): the
    subject an encyclopedic text goes on to call 'it', 'he' or 'she'. Offsets are into the article; `sentences`
    counts the sentences read so far, the opening's own included."""

    name: str
    span: tuple[int, int]
    label: str
    sentence_start: int
    sentences: int = 0


def article_lead(subject: tuple[int, int], sentence_start: int, mentions: list[Mention]) -> ArticleLead | None:
    """Return the lead of an article whose opening defines the name at `subject` (article offsets), when a mention
    of the article spans it; else None."""
    for m in mentions:
        if (m.start, m.end) == subject:
            return ArticleLead(m.text, subject, m.label, sentence_start)
    return None


def _pronoun_naming(c: _Collector, s: _Sent) -> None:
    """'It is also known as Y', 'He was formerly called Y' early in an article: another name of the name its
    opening defines — 'it' for a place, a thing or a group, 'he' or 'she' for a person (the pronoun must fit), or
    'the' and a noun of the place's or the group's kind ('the village was referred to as Y')."""
    lead = c.lead
    if lead is None or lead.sentences > LEAD_SENTENCES or s.base + c.offset <= lead.sentence_start:
        return
    person = lead.label == "PERSON"
    head = PRONOUN_NAMING_RE.match(s.text)
    if head is not None:
        pronoun = head.group("pronoun").lower()
        if not (pronoun in PERSON_PRONOUNS and person or pronoun in THING_PRONOUNS and not person):
            return
    else:
        head = NOUN_NAMING_RE.match(s.text)
        if head is None or head.group("noun") not in LEAD_NOUNS.get(lead.label, frozenset()):
            return  # 'In 1071 the village was referred to as Y': the noun must fit the lead (a place, a group)
    m = KNOWN_AS_RE.match(s.text, head.end())
    if m is None or "," in m.group(0) or "(" in m.group(0):
        return
    kind = "codename" if m.group("code") else "former_name" if m.group("renamed") else "known_as"
    for name in _listed(s, m.end(), ALSO_RE):
        c.add_for_lead(s, lead, name, kind)


# 'Her real name was Y', 'Its original name is Y': a possessive pronoun's real name is the article's subject's
_REAL_NAME_WORDS = lexicon.alternation(_GRAMMAR.real_name_words)  # 'actual', 'birth', 'original'
PRONOUN_REAL_NAME_RE = re.compile(rf"(?P<pronoun>His|Her|Its|Their)\s+(?:{_REAL_NAME_WORDS})\s+name\s+(?:is|was)\s+")
PERSON_POSSESSIVES = frozenset({"his", "her"})


def _pronoun_real_name(c: _Collector, s: _Sent) -> None:
    """'Her actual name was Y', 'Its original name is Y' opening a sentence early in an article: another name of
    the name its opening defines, whose possessive pronoun must fit it ('his' or 'her' for a person, 'its' or
    'their' for a place, a thing or a group)."""
    lead = c.lead
    if lead is None or lead.sentences > LEAD_SENTENCES or s.base + c.offset <= lead.sentence_start:
        return
    head = PRONOUN_REAL_NAME_RE.match(s.text)
    if head is None or (head.group("pronoun").lower() in PERSON_POSSESSIVES) != (lead.label == "PERSON"):
        return
    name = _name_at(s, head.end())
    if name is not None:
        c.add_for_lead(s, lead, name, "real_name")


IDENTIFIED_RE = re.compile(r"\bidentified\s+")
AS_RE = re.compile(r"\s+as\s+")
_NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC"})  # the model may call a foreign person's name a place
TITLE_WORDS_RE = re.compile(r"(?:[A-Z][a-z]+\.?\s+){0,3}$")  # 'Colonel ', 'Brigadier General ' before a name


def _identified_as(c: _Collector, s: _Sent) -> None:
    """'Officials identified X as Y': Y, a name, is the real name of X, which it names as a codename does
    (rule identified_as); not 'identified X as a Guard officer' (a description) nor 'as Y's killer'."""
    for m in IDENTIFIED_RE.finditer(s.text):
        alias = _name_at(s, m.end())
        if alias is None:
            continue
        link = AS_RE.match(s.text, alias[1] - s.base)
        if link is None:
            continue
        named = [span for start, span in s.starts.items() if start >= s.base + link.end() and span[2] in _NAMED_LABELS
                 and TITLE_WORDS_RE.fullmatch(s.text[link.end():start - s.base])
                 and not s.text[span[1] - s.base:].startswith(("'s", "’s"))]
        if named:
            name = min(named)
            c.add(s, name[:2], alias, "codename")


RULES: tuple[Callable[[_Collector, _Sent], None], ...] = (
    _cued, _adjacent, _opening_or, _pronoun_naming, _pronoun_real_name, _identified_as)


def find_aliases(doc: Doc, offset: int = 0, lead: ArticleLead | None = None) -> list[AliasStatement]:
    """Return the alias statements of a processed `doc`, spans shifted by `offset`.

    Each statement carries its sentence span and the spans of both names; kinds are
    acronym, translation, known_as, former_name, real_name, codename and or. `lead`, the name the
    article's opening defines, is what an early 'It is also known as Y' renames; the doc's sentences are
    counted on it (the docs of one article are read in order).
    """
    mentions = list(doc.spans[SPANS_KEY]) if SPANS_KEY in doc.spans else list(doc.ents)
    c = _Collector(doc, offset)
    c.lead = lead
    text = doc_text(doc)
    if not _HINT_RE.search(text):
        if lead is not None:
            lead.sentences += sum(1 for _ in doc.sents)
        return c.out  # no bracket, dash, 'or' or naming word: nothing can state an alias
    # brackets are read over the whole doc: the parser may end a sentence before '['
    if "(" in text or "[" in text:
        _brackets(c, _sentence(doc[:], mentions))
    for sent in doc.sents:
        if lead is not None:
            lead.sentences += 1
        if not _HINT_RE.search(span_text(sent)):
            continue
        s = _sentence(sent, mentions)
        for rule in RULES:
            rule(c, s)
    return c.out
