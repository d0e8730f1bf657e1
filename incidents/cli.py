"""``python -m incidents`` — ingest, export, geocode, evaluate (contract in DESIGN.md)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from incidents.dates import parse_iso
from incidents.errors import AtlasError
from incidents.store import DEFAULT_DB, Store

EXPORT_FORMATS = ("csv", "geojson", "kml", "png", "html", "pdf")


def _date(value: str) -> dt.date:
    try:
        return parse_iso(value)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from e


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m incidents", description="Incident Atlas command line")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="read reports (.txt, .html, .jsonl or folders) into the database")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--db", type=Path, default=DEFAULT_DB, help=f"SQLite file (default {DEFAULT_DB})")
    p.add_argument("--published", type=_date, help="publication date YYYY-MM-DD of the report(s)")
    p.add_argument("--url", default="", help="source URL of the report")
    p.add_argument("--title", default="", help="title of the report")

    p = sub.add_parser("export", help="write the incidents as csv, geojson, kml, png, html or pdf")
    p.add_argument("--db", type=Path, default=DEFAULT_DB)
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    p.add_argument("--out", type=Path, help="output file (default: standard output for text formats)")
    p.add_argument("--since", type=_date, help="first event date to include, YYYY-MM-DD")
    p.add_argument("--until", type=_date, help="last event date to include, YYYY-MM-DD")

    p = sub.add_parser("geocode", help="ranked gazetteer candidates for place names, one JSON line each")
    p.add_argument("names", nargs="+", metavar="NAME")
    p.add_argument("--db", type=Path, default=DEFAULT_DB, help="the user gazetteer layer beside it is included")

    p = sub.add_parser("evaluate", help="score extraction against a labelled set")
    p.add_argument("gold", type=Path, metavar="GOLD.jsonl")
    p.add_argument("texts", type=Path, metavar="TEXTS_DIR")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return {"ingest": cmd_ingest, "export": cmd_export, "geocode": cmd_geocode,
                "evaluate": cmd_evaluate}[args.command](args)
    except AtlasError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


def _progress(n: int, total: int, name: str) -> None:
    if total > 1 and sys.stderr.isatty():
        width = 30
        done = int(width * n / total)
        print(f"\r[{'#' * done}{'.' * (width - done)}] {n}/{total} {name[-40:]:<40}", end="", file=sys.stderr)
        if n == total:
            print(file=sys.stderr)


def cmd_ingest(args) -> int:
    from gazetteer import default_gazetteer
    from incidents.ingest import ingest

    with Store(args.db) as store:
        report = ingest(args.paths, store, default_gazetteer(args.db.parent), today=dt.date.today(), published=args.published,
                        title=args.title, url=args.url, progress=_progress)
    for o in report.outcomes:
        if o.status == "failed":
            print(f"error: {o.message}", file=sys.stderr)
        elif o.status == "ingested":
            when = f"published {o.published} ({o.published_source})" if o.published else "publication date unknown"
            print(f"{o.where}: {o.incidents} incident(s), {when}")
            if o.message:
                print(f"warning: {o.where}: {o.message}", file=sys.stderr)
        else:
            print(f"{o.where}: {o.message}")
    print(report.summary())
    nothing = report.count("ingested") == 0 and report.count("skipped") == 0
    return 1 if nothing else 0


def cmd_export(args) -> int:
    from incidents import export

    if args.since and args.until and args.since > args.until:
        print(f"error: --since {args.since} is after --until {args.until}", file=sys.stderr)
        return 2
    if not args.db.exists():
        print(f"error: no database at {args.db}: ingest reports first (python -m incidents ingest PATH)",
              file=sys.stderr)
        return 2
    from incidents.filters import Filters, apply

    with Store(args.db) as store:
        dated_only = args.since is not None or args.until is not None
        incidents = apply(store.incidents(), Filters(args.since, args.until, include_undated=not dated_only))
    writers = {"geojson": export.geojson_text, "csv": export.csv_text, "kml": export.kml_text}
    if args.format in ("png", "pdf"):
        if not args.out:
            print(f"error: --format {args.format} writes a binary file: give --out FILE.{args.format}", file=sys.stderr)
            return 2
        from incidents.briefing import briefing_pdf
        from incidents.screenshot import chromium_problem, map_png

        problem = chromium_problem()
        if problem:
            print(f"error: cannot write {args.format}: {problem}", file=sys.stderr)
            return 2
        what = "the map" if args.format == "png" else "the briefing"
        print(f"rendering {what} of {len(incidents)} incident(s) in headless Chromium…", file=sys.stderr)
        data = map_png(incidents) if args.format == "png" else briefing_pdf(incidents)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(data)
        print(f"wrote {len(incidents)} incident(s) to {args.out} ({len(data):,} bytes)", file=sys.stderr)
        return 0
    if args.format == "html":
        from incidents.briefing import briefing_html
        from incidents.screenshot import chromium_problem

        problem = chromium_problem()
        if problem:
            print(f"warning: the briefing has no map image: {problem}", file=sys.stderr)
        else:
            print(f"rendering the map of {len(incidents)} incident(s) in headless Chromium…", file=sys.stderr)
        text = briefing_html(incidents, include_map=problem is None)
    else:
        text = writers[args.format](incidents)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {len(incidents)} incident(s) to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def cmd_geocode(args) -> int:
    from gazetteer import LocalGazetteer
    from gazetteer.geocoder import GazetteerQueryError

    from gazetteer import default_gazetteer

    geocoder = LocalGazetteer(default_gazetteer(args.db.parent))
    status = 0
    for name in args.names:
        try:
            found = geocoder.geocode(name, exactly_one=False) or []
        except GazetteerQueryError as e:
            print(f"error: {e}", file=sys.stderr)
            status = 2
            continue
        candidates = [{k: loc.raw[k] for k in ("name", "name_ar", "latitude", "longitude", "feature", "admin1",
                                                "country", "precision", "score", "id", "source")} for loc in found]
        print(json.dumps({"query": name, "candidates": candidates}, ensure_ascii=False))
    return status


def cmd_evaluate(args) -> int:
    from incidents.evaluate import evaluate

    result = evaluate(args.gold, args.texts)
    print(result.report())
    return 0
