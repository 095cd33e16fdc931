"""`govgraph validate` passes on the shipped graph and names file:line and node for each defect."""

from __future__ import annotations

from conftest import evidence

GOOD_ENTITY = (
    'ggd:probe a gg:Ministry ;\n  skos:prefLabel "Probe"@de , "Probe"@en ;\n'
    '  skos:definition "d"@de , "d"@en ;\n  ' + evidence("Digitalisierung") + " .\n"
)


def test_shipped_graph_conforms(govgraph):
    result = govgraph("validate")
    assert result.code == 0, result.err
    assert "OK" in result.out
    checked = int(result.out.split("Geprüfte Zitate: ")[1].split()[0])
    assert checked >= 100


def test_users_valid_file_conforms(govgraph, write_ttl):
    path = write_ttl("good.ttl", GOOD_ENTITY)
    result = govgraph("--data", str(path), "validate")
    assert result.code == 0, result.err


def test_syntax_error_names_file_line_and_term(govgraph, write_ttl):
    path = write_ttl("broken.ttl", 'ggd:x a gg:Ministry ;\n  skos:prefLabel "X"@de ggd:y .\n')
    result = govgraph("--data", str(path), "validate")
    assert result.code == 2
    line = [x for x in result.err.splitlines() if "broken.ttl" in x][0]
    assert f"{path}:11:" in line
    assert "ggd:y" in line
    assert "Traceback" not in result.err


def test_unbound_prefix_is_reported(govgraph, write_ttl):
    path = write_ttl("noprefix.ttl", "nope:x a gg:Ministry .\n")
    result = govgraph("--data", str(path), "validate")
    assert result.code == 2
    assert f"{path}:10:1:" in result.err and "nope" in result.err


def test_missing_german_label(govgraph, write_ttl):
    path = write_ttl("nolabel.ttl", GOOD_ENTITY.replace('"Probe"@de , ', ""))
    result = govgraph("--data", str(path), "validate")
    assert result.code == 1
    assert f"{path}:10: ggd:probe:" in result.err
    assert "German skos:prefLabel" in result.err


def test_two_german_labels_conflict(govgraph, write_ttl):
    path = write_ttl("twolabels.ttl", GOOD_ENTITY.replace('"Probe"@de', '"Probe"@de , "Sonde"@de'))
    result = govgraph("--data", str(path), "validate")
    assert result.code == 1
    assert "ggd:probe" in result.err and "one skos:prefLabel per language" in result.err


def test_fact_without_evidence(govgraph, write_ttl):
    body = (
        'ggd:fact-probe a gg:Responsibility ;\n  rdfs:label "Probe"@de , "probe"@en ;\n'
        "  gg:actor ggd:staedtetag-rlp ; gg:subject ggd:staedtetag-rlp ; gg:role ggc:lead .\n"
    )
    path = write_ttl("noevidence.ttl", body)
    result = govgraph("--data", str(path), "validate")
    assert result.code == 1
    assert f"{path}:10: ggd:fact-probe:" in result.err
    assert "needs evidence" in result.err


def test_fact_without_actor_and_role(govgraph, write_ttl):
    body = (
        'ggd:fact-probe a gg:Responsibility ;\n  rdfs:label "Probe"@de ;\n'
        "  gg:subject ggd:staedtetag-rlp ;\n  " + evidence("Digitalisierung") + " .\n"
    )
    path = write_ttl("noactor.ttl", body)
    result = govgraph("--data", str(path), "validate")
    assert result.code == 1
    assert "at least one gg:actor" in result.err
    assert "needs a gg:role" in result.err


def test_quote_not_in_source(govgraph, write_ttl):
    path = write_ttl("quote.ttl", GOOD_ENTITY.replace("Digitalisierung", "Ein erfundener Satz"))
    result = govgraph("--data", str(path), "validate")
    assert result.code == 1
    assert f"{path}:13: ggd:probe: quote not in source" in result.err
    assert "Ein erfundener Satz" in result.err


def test_malformed_date(govgraph, write_ttl):
    body = (
        'ggd:time-probe a gg:TimePoint ;\n  rdfs:label "Probe"@de ; gg:precision ggc:day ;\n'
        '  gg:notBefore "2024-13-45"^^xsd:date ;\n  gg:notAfter "2024-12-31"^^xsd:date ;\n  '
        + evidence("Digitalisierung")
        + " .\n"
    )
    path = write_ttl("date.ttl", body)
    result = govgraph("--data", str(path), "validate")
    assert result.code == 1
    assert f'{path}:12: ggd:time-probe: malformed literal "2024-13-45"^^xsd:date' in result.err
    assert "Traceback" not in result.err


def test_time_point_without_precision(govgraph, write_ttl):
    body = (
        'ggd:time-probe a gg:TimePoint ;\n  rdfs:label "Probe"@de ;\n'
        '  gg:notBefore "2024-01-01"^^xsd:date ;\n  gg:notAfter "2024-12-31"^^xsd:date ;\n  '
        + evidence("Digitalisierung")
        + " .\n"
    )
    result = govgraph("--data", str(write_ttl("prec.ttl", body)), "validate")
    assert result.code == 1
    assert "ggd:time-probe" in result.err and "gg:precision" in result.err


def test_link_to_undefined_entity(govgraph, write_ttl):
    body = GOOD_ENTITY.replace(" .\n", " ;\n  gg:concerns ggd:does-not-exist .\n")
    result = govgraph("--data", str(write_ttl("dangling.ttl", body)), "validate")
    assert result.code == 1
    assert "ggd:probe: gg:concerns points at ggd:does-not-exist" in result.err


def test_two_dates_for_one_event_conflict(govgraph, write_ttl):
    body = (
        'ggd:probe-event a gg:Meeting ;\n  skos:prefLabel "Probe"@de , "Probe"@en ;\n'
        '  skos:definition "d"@de , "d"@en ;\n'
        "  time:hasTime ggd:time-2025-03 , ggd:time-2025-04-10 ;\n  "
        + evidence("Digitalisierung")
        + " .\n"
    )
    result = govgraph("--data", str(write_ttl("twodates.ttl", body)), "validate")
    assert result.code == 1
    assert "ggd:probe-event" in result.err and "two are conflicting claims" in result.err


def test_fact_pointing_at_a_missing_actor(govgraph, write_ttl):
    body = (
        'ggd:fact-probe a gg:Responsibility ;\n  rdfs:label "Probe"@de , "probe"@en ;\n'
        "  gg:actor ggd:nobody ; gg:subject ggd:noots ; gg:role ggc:lead ;\n  "
        + evidence("Digitalisierung")
        + " .\n"
    )
    result = govgraph("--data", str(write_ttl("missing.ttl", body)), "validate")
    assert result.code == 1
    assert "ggd:fact-probe: gg:actor points at ggd:nobody, which is not defined" in result.err


def test_many_problems_are_all_reported_and_the_first_located(govgraph, write_ttl, monkeypatch):
    """Locating a problem reads the files line by line; past MAX_LOCATED problems the rest name
    their node only, so that thousands of problems in a large file do not take hours."""
    from govgraph.graph.validation import checks as validation

    monkeypatch.setattr(validation, "MAX_LOCATED", 5)
    body = "".join(
        GOOD_ENTITY.replace("ggd:probe", f"ggd:probe-{n}").replace('"Probe"@de , ', "")
        for n in range(12)
    )
    path = write_ttl("many.ttl", body)
    result = govgraph("--data", str(path), "validate")
    assert result.code == 1
    lines = [line for line in result.err.splitlines() if "German skos:prefLabel" in line]
    assert len(lines) == 12
    assert sum(1 for line in lines if line.startswith(f"{path}:")) == 5
    assert all("ggd:probe-" in line for line in lines)
