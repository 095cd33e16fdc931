"""Laws and treaties from gesetze-im-internet.de XML: their norms, and the norm a quote stands in.

A quote from a law is cited by its norm (`§ 8 Abs. 1 Satz 3`), not by a line number, so that a
reader can find it in any edition. The GII XML marks norms (`<enbez>`), paragraphs (`<P>`, numbered
"(1)"), lists (`<DL>` with `<DT>` numbers) and tables; sentences are found by a splitter that knows
the abbreviations of legal German. Only the standard library is used: the format is small and
stable, and a law must parse the same way on every machine.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from govgraph.graph.errors import DataError
from govgraph.graph.i18n import bilingual

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "Abs", "Nr", "Art", "S", "z", "B", "bzw", "ggf", "vgl", "d", "h", "u", "a", "Bek", "v", "gem",
    "Buchst", "lit", "Ziff", "Dr", "e", "V", "Kap", "Anl", "Alt", "Hs", "i", "sog", "etc", "ca",
    "Mio", "Mrd", "Tsd", "EUR", "BGBl", "Vtr", "mWv", "idF", "iVm", "Satz",
}  # fmt: skip
_MONTHS = (
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()
)
_SENTENCE_END = re.compile(r"[.?!](?=\s+[„(\"A-ZÄÖÜ0-9§])")
_ABS_NUMBER = re.compile(r"^\((\d+[a-z]?)\)\s*")


def normalise(text: str) -> str:
    """Whitespace as one space, so a quote from the plain text matches the XML's text."""
    return " ".join(text.split())


def split_sentences(text: str) -> list[str]:
    """Sentences as legal citation counts them (Satz 1, Satz 2 …): . ? ! before a capital."""
    sentences, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()].rsplit(" ", 1)[-1].lstrip("(„")
        after = text[match.end() :].lstrip()
        if before in _ABBREVIATIONS or re.fullmatch(r"[a-zäöü]", before):
            continue
        if re.fullmatch(r"\d{1,2}", before) and after.split(" ", 1)[0].rstrip(",") in _MONTHS:
            continue
        if (
            re.fullmatch(r"\d{1,2}", before)
            and before == text[start:].strip().split(" ", 1)[0][:-1]
        ):
            continue
        sentences.append(text[start : match.end()].strip())
        start = match.end()
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


@dataclass(frozen=True)
class Atom:
    """The smallest citable piece of a norm: a sentence, or a numbered list item."""

    paragraph: str  # "1" for "(1)", "" when the norm's paragraphs are not numbered
    block: int  # position of the <P> in the norm, to tell unnumbered paragraphs apart
    item: str  # "Nr. 1" for list item "1.", "Buchst. a" for "a)", "" for running text
    sentence: int  # 1-based within its paragraph (or item); 0 for a list item as a whole
    text: str


@dataclass
class Norm:
    """One norm: a §, an article, the preamble, an annex."""

    label: str  # "§ 8", "Präambel", "Anlage"
    title: str
    atoms: list[Atom] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(a.text for a in self.atoms)


@dataclass
class Law:
    """A law or treaty as published: abbreviation, title, dates, in-force note and its norms."""

    short: str
    title: str
    issued: str
    notes: list[str]
    norms: list[Norm]

    def norm(self, label: str) -> Norm:
        for norm in self.norms:
            if norm.label == label:
                return norm
        raise KeyError(label)

    def locate(self, quote: str) -> str | None:
        """The norm a verbatim quote stands in (`§ 8 Abs. 1 Satz 3`); None if it is not in the law.

        Quotes joined with " […] " are located part by part; distinct locators are joined by "; ".
        """
        found: list[str] = []
        for part in quote.split("[…]"):
            part = normalise(part.strip(" .…"))
            if not part:
                continue
            locator = self._locate_part(part)
            if locator is None:
                return None
            if locator not in found:
                found.append(locator)
        return "; ".join(found) or None

    def _locate_part(self, quote: str) -> str | None:
        for norm in self.norms:
            start = norm.text.find(quote)
            if start < 0:
                continue
            end = start + len(quote)
            offset, hit = 0, []
            for atom in norm.atoms:
                a_end = offset + len(atom.text)
                if offset < end and start < a_end:
                    hit.append(atom)
                offset = a_end + 1
            return _cite(norm, hit)
        return None


def _range(values: list[str]) -> str:
    return values[0] if values[0] == values[-1] else f"{values[0]}–{values[-1]}"


def _cite(norm: Norm, atoms: list[Atom]) -> str:
    """German citation of the atoms a quote covers, as narrow as they allow."""
    parts = [norm.label]
    paragraphs = list(dict.fromkeys(a.paragraph for a in atoms))
    if paragraphs != [""]:
        parts.append("Abs. " + _range([p for p in paragraphs if p] or [""]))
    if len(paragraphs) == 1:
        items = list(dict.fromkeys(a.item for a in atoms))
        blocks = {a.block for a in atoms}
        if items != [""]:
            kinds = {i.split(" ")[0] for i in items if i}
            numbers = [i.split(" ", 1)[1] for i in items if i]
            parts.append(f"{kinds.pop()} {_range(numbers)}" if len(kinds) == 1 else "")
        elif len(blocks) == 1 and (paragraphs[0] or _blocks(norm) == 1):
            if _sentences_in(norm, blocks.pop()) > 1:
                parts.append("Satz " + _range([str(a.sentence) for a in atoms]))
    return " ".join(p for p in parts if p.strip())


def _blocks(norm: Norm) -> int:
    return len({a.block for a in norm.atoms})


def _sentences_in(norm: Norm, block: int) -> int:
    return sum(1 for a in norm.atoms if a.block == block and not a.item)


def _text(element: ET.Element | None, skip: tuple[str, ...] = ("DL", "table", "noindex")) -> str:
    """The running text of an element without its lists, tables and editorial notes."""
    if element is None:
        return ""
    pieces = [element.text or ""]
    for child in element:
        if child.tag in skip:
            pieces.append(child.tail or "")
            continue
        pieces.append(" " if child.tag == "BR" else _text(child, skip))
        pieces.append(child.tail or "")
    return normalise("".join(pieces))


def _item_label(number: str) -> str:
    """ "1." → "Nr. 1", "a)" → "Buchst. a": how German citations name list items."""
    bare = number.rstrip(".)")
    return f"Nr. {bare}" if bare[:1].isdigit() else f"Buchst. {bare}"


def _list_items(dl: ET.Element, paragraph: str, block: int) -> list[Atom]:
    atoms = []
    number = ""
    for child in dl:
        if child.tag == "DT":
            number = normalise("".join(child.itertext()))
        elif child.tag == "DD":
            body = normalise(" ".join(child.itertext()))
            item = _item_label(number)
            atoms.append(Atom(paragraph, block, item, 0, normalise(f"{number} {body}")))
    return atoms


def _segments(p: ET.Element) -> list[str | ET.Element]:
    """A paragraph as running-text pieces and the lists between them, in document order."""
    pieces: list[str | ET.Element] = []
    text = [p.text or ""]
    for child in p:
        if child.tag == "DL":
            pieces.append(normalise("".join(text)))
            pieces.append(child)
            text = [child.tail or ""]
        elif child.tag in ("table", "noindex"):
            text.append(child.tail or "")
        else:
            text.append(" " if child.tag == "BR" else _text(child))
            text.append(child.tail or "")
    pieces.append(normalise("".join(text)))
    return [x for x in pieces if not isinstance(x, str) or x]


def _atoms(content: ET.Element) -> list[Atom]:
    """Sentences and list items of a norm; a list ends the sentence that introduces it."""
    atoms: list[Atom] = []
    for block, p in enumerate(x for x in content if x.tag == "P"):
        segments = _segments(p)
        first = next((s for s in segments if isinstance(s, str)), "")
        match = _ABS_NUMBER.match(first)
        number = match.group(1) if match else ""
        count = 0
        for segment in segments:
            if isinstance(segment, str):
                for sentence in split_sentences(segment):
                    count += 1
                    atoms.append(Atom(number, block, "", count, sentence))
            else:
                atoms.extend(_list_items(segment, number, block))
    return atoms


def parse_gii(path: Path) -> Law:
    """Read a gesetze-im-internet.de XML file; a file that is not one is a DataError (file: why).

    Real laws nest a few levels deep; the text is gathered recursively, so a file nested
    thousands of levels deep (hostile or broken) is refused by name instead of overflowing."""
    try:
        return _parse_gii(path)
    except RecursionError:
        raise DataError(f"{path}: {bilingual('curation.xml.too_deep')}") from None


def _parse_gii(path: Path) -> Law:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as err:
        raise DataError(f"{path}:{err.position[0]}: {bilingual('sources.file.not_xml')}") from err
    if root.tag != "dokumente":
        raise DataError(f"{path}: {bilingual('sources.file.not_gii')} ({root.tag})")
    short = title = issued = ""
    notes: list[str] = []
    norms: list[Norm] = []
    for element in root.iter("norm"):
        meta = element.find("metadaten")
        if meta is None:
            continue
        if not short:
            short = meta.findtext("jurabk") or ""
        title = title or normalise(meta.findtext("langue") or "")
        issued = issued or (meta.findtext("ausfertigung-datum") or "")
        notes += [normalise(n.text or "") for n in meta.iter("standkommentar")]
        label = normalise(meta.findtext("enbez") or "")
        content = element.find("textdaten/text/Content")
        if not label or content is None or label == "Inhaltsübersicht":
            continue
        heading = meta.find("titel")
        norm_title = normalise(" ".join(heading.itertext())) if heading is not None else ""
        norms.append(Norm(label, norm_title, _atoms(content)))
    return Law(short=short, title=title, issued=issued, notes=notes, norms=norms)
