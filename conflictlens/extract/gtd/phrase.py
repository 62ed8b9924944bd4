"""GTD target phrase: the words an attack was aimed at ("attacked a police post", "A judge was shot dead").

Which kind those words name is for kinds.py; the cue lists live in data/gtd_cues.json.
"""

from __future__ import annotations

import re
from functools import lru_cache

from conflictlens.extract.gtd.kinds import PRIVATE, blank, head_type
from conflictlens.extract.lexicon import gtd_cues, load_json
from conflictlens.extract.patterns import compile_pattern

# A clause boundary ends a target phrase ("attacked a police post in Kabul, killing ..."), but not a relative
# clause that tells what it carried ("a vehicle that was carrying soldiers").
PHRASE_END = compile_pattern(
    r"[,.;:()]| in | near | on | at | along | outside | inside | while | when | after | before | killing| wounding"
    r"| injuring| and killed| and wounded| detonated| exploded| went off| as it"
    r"|(?<! that)(?<! which) (?:was|were) ", re.I)

# An acronym in brackets belongs to the name before it: "Indo-Tibetan Border Police (ITBP) positions", "an
# International Rescue Committee (IRC) convoy" (the head of the phrase comes after it).
_ACRONYM = compile_pattern(r"\([A-Z]{2}[\w&'’.-]{0,10}\)")

# "the vehicle of X", "the house and vehicle of X", "a house owned by X", "a vehicle transporting the
# family members of X": the target is X, not what was theirs.
THEIRS = (r"(?:the |a |an )?(?:[\w-]+ )?(?:vehicle|car|house|residence|home|convoy|office|compound|motorcade|shop|"
          r"guesthouse|family|famil(?:y|ies) members|relatives?|sons?|brothers?)s?")
_POSSESSOR = compile_pattern(rf"^{THEIRS}(?: and {THEIRS})?"
                             rf"(?: (?:(?:that|which) (?:was|were) )?(?:carrying|transporting) {THEIRS})? "
                             r"(?:of|belonging to|owned by) ", re.I)
# "X's vehicle", "a provincial council member's house": the same, said with a possessive; not a kind of place
# ("a women's shop", see kind_possessives), and not kin ("a prayer leader's son" is the son, a private citizen).
_POSSESSED = compile_pattern(r"['’]s (?:[\w-]+ )?(?:vehicle|car|house|residence|home|convoy|office|compound|motorcade|"
                             r"shop|guesthouse)s?$", re.I)


# "the gate of X", "the main entrance of X": a part of a place is the place.
_PART_OF = compile_pattern(r"^(?:the |a |an )?(?:main |front |back |rear |outer )?(?:gates?|entrances?|entrance gates?|"
                           r"walls?|perimeter|vicinity|premises|courtyard|yard|rooftop|roof|surroundings) of ", re.I)


def _without_possessions(phrase: str) -> str:
    """The possessor of a phrase that names what was theirs ("the vehicle of X", "X's vehicle") or a part of
    it ("the gate of X"): X."""
    phrase = _POSSESSOR.sub("", _PART_OF.sub("", phrase))
    owned = _POSSESSED.search(phrase)
    if owned and owned.start() and not gtd_cues().kind_possessives.fullmatch(phrase[:owned.start()].split()[-1]):
        return phrase[:owned.start()]
    return phrase


def target_phrase(text: str) -> tuple[str, tuple[int, int]] | None:
    """The noun phrase an attack was aimed at: the words after 'targeting', 'attacked', 'killed'..."""
    # "attached to a motorcycle detonated targeting a Rangers vehicle": an explicit cue in the
    # first sentence wins; later ones describe episodes of the attack, not its target.
    # A later sentence that says what a device was meant for ("it was planted to target security
    # forces") outweighs the verbs of later episodes.
    first_sentence = re.search(r"\.(?:\s|$)", text)
    limit = first_sentence.start() if first_sentence else len(text)
    cues = gtd_cues()
    passive, after = _passive_subject(text, limit)
    if passive and (head_type(passive[0]) not in (None, PRIVATE) or cues.named_civilians.search(passive[0])):
        return passive
    # A vague subject ("Five people were killed when assailants attacked a police post"): the verbs after it.
    m = cues.target_explicit.search(text, after, limit) or cues.target_lead.search(text, after, limit)
    if passive and not m:
        return passive
    m = m or cues.target_intent.search(text) or cues.target_lead.search(text)
    found = _phrase_after(text, m.end()) if m else None
    carrier, beyond = _carrier_cues()
    if found and carrier.fullmatch(m.group(0)) and head_type(found[0]) is None:
        # "planted on a motorcycle detonated near a bus stop": a carrier of no kind is no target when the
        # place the device went off names one.
        near = beyond.search(text, found[1][1], limit)
        other = _phrase_after(text, near.end()) if near else None
        if other and head_type(other[0]) is not None:
            return other
    return found


def _phrase_after(text: str, cue_end: int) -> tuple[str, tuple[int, int]] | None:
    """The attacked phrase a cue ending at `cue_end` leads, up to the clause's end, what was theirs left out."""
    start = _past_next_verb(text, cue_end)
    end_match = PHRASE_END.search(blank(text, _ACRONYM), start)
    end = end_match.start() if end_match else min(len(text), start + 120)
    end = start + len(text[start:end].rstrip())  # the span ends where the phrase does, not at blanks after it
    phrase = _without_possessions(text[start:end].strip())
    start = text.find(phrase, start) if phrase else start
    if not phrase:
        return None
    return phrase, (start, start + len(phrase))


@lru_cache(maxsize=1)
def _carrier_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(carrier, beyond) of data/gtd_cues.json's carrier: the cues that name what carried a device, and the
    verbs that tell where it went off."""
    raw = load_json("gtd_cues.json")["target_refinement"]["carrier"]
    return compile_pattern(rf"(?:{raw['carrier']})", re.I), compile_pattern(rf"\b(?:{raw['beyond']})\s+", re.I)


@lru_cache(maxsize=1)
def _passive_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(passive clause, not_subject) of data/gtd_cues.json's passive: the clause's `subject` group starts the
    text, follows a dateline's colon or a comma, and holds no clause boundary; an appositive may follow it
    ("Karimi, a judge, was shot")."""
    raw = load_json("gtd_cues.json")["target_refinement"]["passive"]
    clause = compile_pattern(rf"(?:^|(?<=: )|(?<=, ))(?:and )?(?P<subject>[^,.;:]+?)(?:,\s[^,.;:]+,)?\s+"
                             rf"(?:was|were|(?:had|has|have) been)"
                             rf"\s+(?:{raw['verbs']})\b", re.I)
    return clause, compile_pattern(rf"(?:{raw['not_subject']})", re.I)


def not_subject() -> re.Pattern[str]:
    """Who attacked, or with what ('Assailants', 'Unidentified gunmen', 'An explosive device'): never a target."""
    return _passive_cues()[1]


def _passive_subject(text: str, limit: int) -> tuple[tuple[str, tuple[int, int]] | None, int]:
    """'A police officer was shot and killed in X': the subject of the first sentence's first attack verb, when
    that verb is passive and no active one comes before it (what a device or the assailants did is no target);
    and where the passive verb ends (0 when there is none)."""
    clause, not_subject = _passive_cues()
    m = clause.search(text, 0, limit)
    if m is None or not_subject.match(m.group("subject")):
        return None, 0
    cues = gtd_cues()
    start = m.start("subject")
    if cues.target_explicit.search(text, 0, start) or cues.target_lead.search(text, 0, start):
        return None, 0
    end_match = PHRASE_END.search(blank(text, _ACRONYM), start, m.end("subject"))
    end = end_match.start() if end_match else m.end("subject")
    phrase = _without_possessions(text[start:end].strip())
    start = text.find(phrase, start) if phrase else start
    return ((phrase, (start, start + len(phrase))) if phrase else None), m.end()


# "attacked and killed X", "shot and then beheaded X", "opened fire on and fired grenades at X": the verbs in a row
# share one object, after the last of them.
_NEXT_VERB = compile_pattern(r"and (?:then )?(?=[a-z]+ed\b|shot\b|set\b|threw\b)", re.I)
_WORD = compile_pattern(r"\w+\s+")


def _past_next_verb(text: str, start: int) -> int:
    """Where the attacked phrase starts: after the spaces at `start` and any verbs in a row there."""
    while start < len(text) and text[start] == " ":
        start += 1
    verb = _NEXT_VERB.match(text, start)
    if verb is None:
        return start
    lead = gtd_cues().target_lead.match(text, verb.end())
    if lead:
        return _past_next_verb(text, lead.end())
    other = _WORD.match(text, verb.end())  # a verb no cue names ("beheaded")
    return other.end() if other else start
