"""The network projection, views of it, and the Gephi/Cytoscape exports, on the shipped graph."""

from __future__ import annotations

import csv
import io
from datetime import date

import networkx as nx
import pytest

from conftest import REPORT_ONLY_FILES, evidence
from govgraph.graph.errors import UsageError
from govgraph.graph.store.dataset import DataSelection
from govgraph.graph.store.session import open_backend
from govgraph.graph.views.network import project, select_view, share_text
from govgraph.graph.views.network_export import to_csv, to_gexf, to_graphml

GGD = "https://w3id.org/govgraph/id/"


@pytest.fixture(scope="module")
def backend():
    # The report's facts alone: these tests check the projection on known rows.
    return open_backend(DataSelection(builtin=False, extra=REPORT_ONLY_FILES))


@pytest.fixture(scope="module")
def net(backend):
    return project(backend, "de", "edge")


def edges_between(g, u, v):
    return [d for d in g.get_edge_data(GGD + u, GGD + v, default={}).values()]


def test_nodes_have_kind_labels_and_evidence(net):
    land = net.nodes[GGD + "land-rlp"]
    assert land["kind"] == "state"
    assert land["label"] == "Land Rheinland-Pfalz"
    assert land["label_en"] == "State of Rhineland-Palatinate"
    assert net.nodes[GGD + "bund"]["kind"] == "federal"
    assert net.nodes[GGD + "staedtetag-rlp"]["kind"] == "municipal"
    assert net.nodes[GGD + "it-planungsrat"]["kind"] == "body"
    assert net.nodes[GGD + "ozg"]["kind"] == "law"
    assert net.nodes[GGD + "registermodernisierung"]["kind"] == "programme"
    assert net.nodes[GGD + "epay21"]["kind"] == "system"
    assert net.nodes[GGD + "topic-informationssicherheit"]["kind"] == "topic"
    assert net.nodes[GGD + "bundestagswahl-2025"]["kind"] == "event"
    assert net.nodes[GGD + "kooperationsvereinbarung-e-government"]["kind"] == "agreement"
    # every entity carries a verbatim quote from the source
    assert all(d["quote"] for _, d in net.nodes(data=True))


def test_direct_relations_are_labelled_in_plain_words(net):
    assert [d["label"] for d in edges_between(net, "kommunalgremium", "it-planungsrat")].count(
        "ist Einheit von"
    ) == 1
    assert "Teil von" in [d["label"] for d in edges_between(net, "epaybl", "basisdienste")]
    assert "betrieben von" in [
        d["label"] for d in edges_between(net, "efa-marktplatz", "govdigital")
    ]
    labels = [
        d["label"]
        for d in edges_between(net, "topic-informationssicherheit", "topic-digitale-resilienz")
    ]
    assert labels == ["Unterthema von"]


def test_funding_fact_is_one_edge_with_its_share(net):
    labels = [d["label"] for d in edges_between(net, "bund", "noots")]
    assert "Finanzierung 50 %" in labels
    assert "Finanzierung 100 %" in [
        d["label"] for d in edges_between(net, "it-planungsrat", "noots")
    ]
    fact = next(d for d in edges_between(net, "bund", "noots") if d["label"] == "Finanzierung 50 %")
    assert fact["fact"] == GGD + "fund-bund-noots-ab-2027"
    assert "2027" in fact["quote"]


def test_demand_links_actor_to_subject_and_addressee(net):
    assert "Forderung" in [d["label"] for d in edges_between(net, "staedtetag-rlp", "epay21")]
    assert "Forderung an" in [d["label"] for d in edges_between(net, "staedtetag-rlp", "land-rlp")]


def test_english_labels(backend):
    g = project(backend, "en", "edge")
    assert g.nodes[GGD + "land-rlp"]["label"] == "State of Rhineland-Palatinate"
    assert "financing 50%" in [
        d["label"] for d in g.get_edge_data(GGD + "bund", GGD + "noots").values()
    ]


def test_facts_as_nodes(backend):
    g = project(backend, "de", "node")
    fact = GGD + "fund-bund-noots-ab-2027"
    assert g.nodes[fact]["kind"] == "fact"
    assert g.nodes[fact]["label"] == "Finanzierung 50 %"
    assert g.has_edge(GGD + "bund", fact) and g.has_edge(fact, GGD + "noots")
    assert not g.has_edge(GGD + "bund", GGD + "noots")


def test_at_date_keeps_only_facts_valid_then(backend):
    in_2026 = project(backend, "de", "edge", date(2026, 6, 1))
    in_2028 = project(backend, "de", "edge", date(2028, 1, 1))
    assert in_2026.has_edge(GGD + "it-planungsrat", GGD + "noots")
    assert not in_2026.has_edge(GGD + "bund", GGD + "noots")
    assert in_2028.has_edge(GGD + "bund", GGD + "noots")
    assert not in_2028.has_edge(GGD + "it-planungsrat", GGD + "noots")


def test_focus_neighbourhood_and_depth(net):
    one = select_view(net, focus=GGD + "registermodernisierung", depth=1)
    two = select_view(net, focus=GGD + "registermodernisierung", depth=2)
    assert GGD + "landeskoordination-regmo" in one
    assert GGD + "mastd" not in one  # two steps away: via the Landeskoordination
    assert GGD + "mastd" in two
    assert set(one) < set(two) < set(net)
    zero = select_view(net, focus=GGD + "registermodernisierung", depth=0)
    assert list(zero) == [GGD + "registermodernisierung"]


def test_type_filter_and_topic(net):
    actors = select_view(net, kinds=["federal", "Land"])
    assert {d["kind"] for _, d in actors.nodes(data=True)} == {"federal", "state"}
    laws = select_view(net, kinds=["Rechtsakt"])
    assert GGD + "ozg" in laws
    with pytest.raises(UsageError):
        select_view(net, kinds=["nonsense"])
    security = select_view(net, topic=GGD + "topic-informationssicherheit", depth=1)
    assert GGD + "topic-ransomware" in security  # a narrower topic
    assert GGD + "ozg" not in security


def test_share_text():
    assert share_text("0.5", "de") == "50 %"
    assert share_text("1.0", "en") == "100%"
    assert share_text("0.125", "de") == "12,5 %"


def _attrs(g):
    nodes = {n: dict(d) for n, d in g.nodes(data=True)}
    edges = sorted((u, v, d["label"], d["relation"], d["fact"]) for u, v, d in g.edges(data=True))
    return nodes, edges


def test_graphml_round_trip(net):
    back = nx.read_graphml(io.BytesIO(to_graphml(net)), force_multigraph=True)
    nodes, edges = _attrs(back)
    assert set(nodes) == set(net)
    land = nodes[GGD + "land-rlp"]
    assert land["label_de"] == "Land Rheinland-Pfalz"
    assert land["label_en"] == "State of Rhineland-Palatinate"
    assert land["kind"] == "state" and land["type"] == "gg:Government"
    assert len(edges) == net.number_of_edges()
    assert (
        GGD + "kommunalgremium",
        GGD + "it-planungsrat",
        "ist Einheit von",
        "org:unitOf",
        "",
    ) in edges
    expected = sorted(
        (u, v, d["label"], d["relation"], d.get("fact", "")) for u, v, d in net.edges(data=True)
    )
    assert edges == expected


def test_gexf_round_trip(net):
    back = nx.read_gexf(io.BytesIO(to_gexf(net)))
    assert set(back) == set(net)
    assert back.number_of_edges() == net.number_of_edges()
    node = back.nodes[GGD + "bund"]
    assert (
        node["label"] == "Bund" and node["label_en"] == "Federation" and node["kind"] == "federal"
    )
    labels = {d["label"] for d in back.get_edge_data(GGD + "bund", GGD + "noots").values()}
    assert "Finanzierung 50 %" in labels


def test_csv_tables(net):
    nodes_csv, edges_csv = to_csv(net)
    nodes = list(csv.DictReader(io.StringIO(nodes_csv.decode())))
    edges = list(csv.DictReader(io.StringIO(edges_csv.decode())))
    assert len(nodes) == net.number_of_nodes() and len(edges) == net.number_of_edges()
    assert {"id", "label", "label_de", "label_en", "kind", "type", "quote"} <= set(nodes[0])
    assert {"source", "target", "label", "relation", "fact"} <= set(edges[0])
    assert any(e["label"] == "Finanzierung 50 %" and e["source"] == GGD + "bund" for e in edges)


def test_export_command_network_formats(govgraph, tmp_path):
    r = govgraph("export", "--format", "graphml", "-o", str(tmp_path / "net.graphml"))
    assert r.code == 0, r.err
    assert nx.read_graphml(tmp_path / "net.graphml").number_of_nodes() > 50
    r = govgraph("export", "--format", "gexf")
    assert r.code == 0 and r.out.startswith("<?xml")
    r = govgraph("export", "--format", "csv", "-o", str(tmp_path / "net.csv"))
    assert r.code == 0, r.err
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "net-edges.csv",
        "net-nodes.csv",
        "net.graphml",
    ]
    r = govgraph("export", "--format", "csv")
    assert r.code == 2 and "-o" in r.err


OWN_DATA = f"""
ggd:Landesgesetz a rdfs:Class ; rdfs:subClassOf gg:Law ;
    skos:prefLabel "Landesgesetz"@de , "state law"@en .
ggd:egovg-x a ggd:Landesgesetz ; skos:prefLabel "E-Government-Gesetz X"@de ;
    gg:level ggc:state ; {evidence("Das Gesetz X gilt.")} .
ggd:stadt-x a gg:Government , gg:Municipality ; skos:prefLabel "Stadt X"@de ;
    gg:level ggc:municipal ; {evidence("Die Stadt X handelt.")} .
ggd:rat-x a gg:Council ; skos:prefLabel "Rat X"@de ; gg:level ggc:federal ;
    org:unitOf ggd:stadt-x ; {evidence("Der Rat X berät.")} .
ggd:eu-x a gg:Authority ; skos:prefLabel "EU-Behörde X"@de ; gg:level ggc:eu ;
    {evidence("Die Behörde X wacht.")} .
ggd:verein-x a org:Organization ; skos:prefLabel "Verein X"@de ; {evidence("Der Verein X.")} .
ggd:time-x a gg:TimePoint ; rdfs:label "irgendwann 2027"@de ;
    gg:notBefore "2027-01-01"^^xsd:date ; gg:notAfter "2027-12-31"^^xsd:date .
ggd:frist-x a gg:Deadline ; rdfs:label "Frist X"@de ; gg:actor ggd:stadt-x ;
    gg:subject ggd:egovg-x ; gg:dueBy ggd:time-x ; {evidence("Bis 2027 setzt X um.")} .
"""


def test_kinds_follow_the_class_hierarchy_of_own_data(write_ttl):
    """Kinds come from the classes: a user's own subclass of gg:Law is a law, a council is a body
    whatever its level, organisations take their level, the most specific type wins."""
    path = write_ttl("own.ttl", "@prefix org: <http://www.w3.org/ns/org#> .\n" + OWN_DATA)
    g = project(open_backend(DataSelection(builtin=False, extra=(path,))), "de", "edge")
    kinds = {n.removeprefix(GGD): (d["kind"], d["type"]) for n, d in g.nodes(data=True)}
    assert kinds == {
        "egovg-x": ("law", "ggd:Landesgesetz"),
        "stadt-x": ("municipal", "gg:Municipality"),
        "rat-x": ("body", "gg:Council"),
        "eu-x": ("joint", "gg:Authority"),
        "verein-x": ("actor", "org:Organization"),
    }
    assert g.nodes[GGD + "egovg-x"]["type_label"] == "Landesgesetz"
    assert g.nodes[GGD + "rat-x"]["quote"] == "Der Rat X berät."
    assert [d["label"] for d in edges_between(g, "rat-x", "stadt-x")] == ["ist Einheit von"]
    assert [d["label"] for d in edges_between(g, "stadt-x", "egovg-x")] == [
        "Frist (irgendwann 2027)"
    ]


def test_timeline_point_without_precision_has_no_precision_label(write_ttl):
    """A time point without gg:precision must not pick up some other concept's label."""
    from govgraph.graph.views.timeline import timeline_items

    path = write_ttl("own.ttl", "@prefix org: <http://www.w3.org/ns/org#> .\n" + OWN_DATA)
    items = timeline_items(open_backend(DataSelection(builtin=False, extra=(path,))), "de")
    assert [(i.label, i.kind, i.start, i.end, i.wording, i.precision) for i in items] == [
        ("Frist X", "deadline", date(2027, 1, 1), date(2027, 12, 31), "irgendwann 2027", "")
    ]
