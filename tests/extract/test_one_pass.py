"""One pass per report: the extractor returns a report's events and relations together, reusing the
sentences and registry mentions it found the events with, and the relations are those a separate
relation pass would find."""

from __future__ import annotations

from dataclasses import dataclass, field

from conflictlens.extract.extractor import Extractor
from conflictlens.extract.relations.text import RelationExtractor
from conflictlens.model.ids import document_id
from conflictlens.model.records import Document

REPORTS = (
    ("Taliban fighters attacked a police post in Asadabad, Kunar province, on Monday, killing three policemen, "
     "officials said. The Taliban have given the TTP safe haven in Kunar, a local elder said.", "2021-05-12"),
    ("The TTP pledged allegiance to the Taliban in a statement released on Sunday, its spokesman said.",
     "2021-08-30"),
    ("Security forces clashed with Islamic State fighters in Nangarhar on Friday, killing four militants. "
     "The Islamic State has rejected the Taliban, a commander said.", None),
    # Wire copy in capitals is read in a truecased copy; its relations come from the report as written.
    ("TALIBAN FIGHTERS ATTACKED A POLICE POST IN ASADABAD, KUNAR PROVINCE, ON MONDAY, KILLING THREE POLICEMEN. "
     "THE TALIBAN HAVE GIVEN THE TTP SAFE HAVEN IN KUNAR, A LOCAL ELDER SAID.", "2021-05-12"),
)


def _docs() -> list[Document]:
    return [Document(id=document_id(text), text=text, published=day) for text, day in REPORTS]


@dataclass
class CountingResolver:
    """An actor resolver that counts how often a whole report is searched for actors."""

    inner: object
    searches: list[str] = field(default_factory=list)

    def find_actors(self, text, country=None, date=None):
        self.searches.append(text)
        return self.inner.find_actors(text, country, date)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def test_relations_of_the_one_pass_are_those_of_a_second_pass(extractor):
    separate = RelationExtractor(extractor.actors)
    triples = list(extractor.extract_many(_docs(), relations=True))
    pairs = list(extractor.extract_many(_docs()))
    assert [(d.id, [e.to_dict() for e in evs]) for d, evs, _r in triples] == \
        [(d.id, [e.to_dict() for e in evs]) for d, evs in pairs]
    for doc, events, relations in triples:
        assert relations == separate.extract(doc, events)
    assert sum(len(r) for _d, _e, r in triples) >= 2  # the texts state relations: the check is not empty


def test_a_report_is_searched_for_actors_once_for_events_and_relations(extractor):
    counting = CountingResolver(extractor.actors)
    reader = Extractor(extractor.geocoder, counting, use_ner=False)
    doc = _docs()[0]
    list(reader.extract_many([doc]))
    events_only = len(counting.searches)
    counting.searches.clear()
    [(_doc, events, relations)] = list(reader.extract_many([doc], relations=True))
    assert events and relations
    assert len(counting.searches) == events_only  # the relations reused the events' mentions


def test_without_an_actor_resolver_no_relations_are_looked_for():
    [(_doc, _events, relations)] = list(Extractor(use_ner=False).extract_many(_docs()[:1], relations=True))
    assert relations is None
