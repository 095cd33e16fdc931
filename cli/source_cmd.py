"""`govgraph source add|list|remove`: the user's library of new source documents."""

from __future__ import annotations

from pathlib import Path

import click

from govgraph.graph.i18n import bilingual


@click.group()
def source() -> None:
    """Quellen der eigenen Bibliothek hinzufügen, auflisten, entfernen.

    Add, list and remove sources of your own library (in GOVGRAPH_DATA_DIR or
    ~/.local/share/govgraph). Text, Markdown, PDF (text layer) and gesetze-im-internet.de XML.
    """


@source.command("add")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--title", help=bilingual("cli.help.source.add.title"))
@click.option("--publisher", help=bilingual("cli.help.source.add.publisher"))
@click.option("--issued", help=bilingual("cli.help.source.add.issued"))
@click.option(
    "--kind",
    type=click.Choice(["primary", "official", "secondary"]),
    help="primary: Gesetz/Vertrag · official: amtlich · secondary: Bericht, Presse.",
)
@click.option("--url", help=bilingual("cli.help.source.add.url"))
@click.option(
    "--version-of",
    metavar="ID",
    help=bilingual("curation.help.version_of"),
)
@click.option("--id", "new_id", metavar="ID", help=bilingual("curation.help.id"))
def add(
    file: Path,
    title: str | None,
    publisher: str | None,
    issued: str | None,
    kind: str | None,
    url: str | None,
    version_of: str | None,
    new_id: str | None,
) -> None:
    """Eine Datei byte-genau mit SHA-256 und Quellenbeschreibung ablegen.

    Store FILE byte-identical with its SHA-256 and a source record. The same file again changes
    nothing. A new version (that keeps the old one) is made of the source named by --version-of,
    or of the source with the same title; ids are never given twice.
    """
    from govgraph.graph.errors import UsageError
    from govgraph.graph.sources import library as lib

    if issued:
        lib.check_issued(issued)
    if url and not url.startswith(("http://", "https://")):
        raise UsageError(f"--url: {url!r} {bilingual('cli.source.not_http')}")
    if url:
        lib.check_url(url)
    given = dict(title=title, publisher=publisher, issued=issued, kind=kind, url=url)
    meta = {k: v for k, v in given.items() if v}
    library = lib.Library()
    result = library.add(
        file,
        meta,
        lib.shipped_hashes(),
        version_of=version_of,
        new_id=new_id,
        shipped=lib.shipped_sources(),
    )
    info = result.info
    if not result.added:
        click.echo(f"{file}: {bilingual('cli.source.already_as')} {info.id} (unverändert)")
        return
    revision = (
        f", {bilingual('cli.source.new_version_of')} {result.previous.id}"
        if result.previous
        else ""
    )
    click.echo(
        f"{file}: {bilingual('cli.source.added_as')} {info.id} "
        f"(sha256 {info.sha256[:12]}…{revision})"
    )


@source.command("list", help=bilingual("cli.help.source.list"))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
def list_sources(fmt: str) -> None:
    """The sources in your library."""
    import json

    from govgraph.graph.sources.library import Library

    from .output import table

    library = Library()
    rows = []
    yes = bilingual("cli.source.yes", sep="/")
    for info in library.sources():
        rows.append(
            {
                "id": info.id,
                "title": info.title,
                "kind": info.kind,
                "file": info.original_file or info.local_file,
                "sha256": info.original_sha256 or info.sha256,
                "revision_of": info.revision_of,
                "drafts": yes if library.draft_path(info.id).exists() else "",
                "facts": yes if library.facts_path(info.id).exists() else "",
            }
        )
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo(f"{bilingual('cli.source.none_in')} {library.root}")
        return
    columns = [("id", "Id"), ("title", "Titel"), ("kind", "Art"), ("file", "Datei")]
    click.echo(table(rows, columns + [("drafts", "Entwürfe"), ("facts", "Fakten")]))


@source.command("remove")
@click.argument("name")
def remove(name: str) -> None:
    """Eine Quelle mit Entwürfen und angenommenen Fakten entfernen.

    Remove a source with its drafts and accepted facts; the answers are as before it was added.
    """
    from govgraph.graph.sources.library import Library

    info, removed = Library().remove(name)
    removed_word, files = bilingual("cli.source.removed"), bilingual("cli.source.files")
    click.echo(f"{info.id}: {removed_word} ({len(removed)} {files})")


COMMANDS = [source]
