"""Label keys: the spelling-insensitive form of a label, and their index in the store cache.

A key drops case, punctuation and spaces and spells umlauts out (`IT-PLR` → `itplr`,
`Städtetag` → `staedtetag`); the loose key folds umlauts to their base letter (`stadtetag`).
The store cache keeps every label's keys in its own named graph, so that resolving an exact
label at a million triples is an index lookup rather than a scan of every label.
"""

from __future__ import annotations

import re
import unicodedata

import pyoxigraph as ox

INDEX = "https://w3id.org/govgraph/index#"
INDEX_GRAPH = ox.NamedNode(INDEX + "labels")
PREF_KEY, ALT_KEY = ox.NamedNode(INDEX + "prefKey"), ox.NamedNode(INDEX + "altKey")
PREF_LOOSE, ALT_LOOSE = ox.NamedNode(INDEX + "prefLoose"), ox.NamedNode(INDEX + "altLoose")

_NOT_ASCII_ALNUM = re.compile(r"[^a-z0-9]")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})

SKOS = "http://www.w3.org/2004/02/skos/core#"
# The labelling predicates and whether their keys are preferred (pref) or alternative (alt) ones.
LABEL_PREDICATES: dict[ox.NamedNode, bool] = {
    ox.NamedNode(SKOS + "prefLabel"): True,
    ox.NamedNode("http://purl.org/dc/terms/title"): True,
    ox.NamedNode(SKOS + "altLabel"): False,
}


def normalize(text: str) -> str:
    """Lower case, umlauts spelled out, accents and all punctuation and spaces dropped."""
    if text.isascii():  # the common case, ~10x faster than the Unicode path
        return _NOT_ASCII_ALNUM.sub("", text.lower())
    text = text.casefold().translate(_UMLAUTS)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if c.isalnum() and not unicodedata.combining(c))


def loose(text: str) -> str:
    """Like normalize, but umlauts folded to their base letter (`stadtetag` finds Städtetag)."""
    if text.isascii():
        return _NOT_ASCII_ALNUM.sub("", text.lower())
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if c.isalnum() and not unicodedata.combining(c))


def key_quads(subject: ox.NamedNode | ox.BlankNode, pref: bool, label) -> list[ox.Quad]:
    """The index quads for one label triple (`pref`: from LABEL_PREDICATES).

    The cache calls this while it streams the input, so the index costs no second pass over the
    store (a scan of ~90k labels in the on-disk store took longer than computing their keys).
    """
    text = label.value
    key = ox.Literal(normalize(text))
    quads = [ox.Quad(subject, PREF_KEY if pref else ALT_KEY, key, INDEX_GRAPH)]
    if not text.isascii():  # for ASCII labels the loose key is the key itself
        folded = ox.Literal(loose(text))
        quads.append(ox.Quad(subject, PREF_LOOSE if pref else ALT_LOOSE, folded, INDEX_GRAPH))
    return quads
