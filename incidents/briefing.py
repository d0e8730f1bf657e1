"""The briefing: one self-contained HTML file (map image, chart, table, sources) and its PDF.

The HTML needs nothing beside it and loads nothing: the map is a PNG in a ``data:`` URI, the
chart is inline SVG drawn here, the styles are inline and there is no script at all (a
Content-Security-Policy forbids any). Everything that comes from the incidents (evidence,
titles, URLs, actors, places) is untrusted news text: it is escaped, and only http(s) URLs
become links (``maps.safe_link``).
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import math
from collections import Counter, defaultdict

from incidents.maps import FONT_STACK, GEO_NOTE, SOURCE_LINE, casualty_text, date_text, safe_link
from incidents.model import Incident, taxonomy
from incidents.screenshot import Browser, date_range_text, map_png, with_own_browser

MAP_SIZE = (1100, 620)  # the map's layout in CSS px (text stays legible on A4), drawn at MAP_SCALE
MAP_SCALE = 2  # device pixels per CSS px: sharp in print
DAILY_UP_TO = 62  # a longer span is charted per week, then per month beyond WEEKLY_UP_TO days
WEEKLY_UP_TO = 730
CHART_W, CHART_H = 900, 300
MARGIN = {"left": 84, "right": 10, "top": 18, "bottom": 84}
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:"

CSS = f"""
@page {{ size: A4; margin: 12mm; }}
body {{ font-family: {FONT_STACK}; font-size: 13px; line-height: 1.45; color: #222; margin: 24px auto;
  max-width: 1100px; padding: 0 16px; }}
h1 {{ font-size: 24px; margin: 0 0 4px; }} h2 {{ font-size: 17px; margin: 22px 0 8px; }}
.meta {{ color: #555; margin: 0 0 14px; }}
figure {{ margin: 0; break-inside: avoid; }} figure img {{ width: 100%; border: 1px solid #ccc; }}
.note {{ color: #8a4b00; background: #fff6e5; padding: 6px 10px; border-radius: 4px; }}
.chart svg {{ width: 100%; height: auto; }} .chart text {{ font-size: 13px; fill: #444; }}
.keys span {{ display: inline-block; margin-right: 14px; }}
.sw {{ display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }}
table {{ border-collapse: collapse; width: 100%; }} thead {{ display: table-header-group; }}
th, td {{ border-bottom: 1px solid #ddd; padding: 4px 6px; text-align: left; vertical-align: top; }}
th {{ background: #f3f3f3; }} tr {{ break-inside: avoid; }}
[dir=rtl] {{ text-align: right; }} .ar {{ font-size: 14px; }}
ol.sources li {{ margin-bottom: 10px; break-inside: avoid; }} .url {{ color: #555; word-break: break-all; }}
blockquote {{ margin: 4px 0; padding: 4px 10px; border-inline-start: 3px solid #ccc; background: #fafafa; }}
"""


def _e(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _ordered(incidents: list[Incident]) -> list[Incident]:
    """By date (undated last), then by id: the order of the table, the numbers in the sources."""
    return sorted(incidents, key=lambda i: (i.event_date is None, i.event_date or "", i.incident_id))


# --- chart -----------------------------------------------------------------------------------------

def _bins(incidents: list[Incident]) -> tuple[str, list[tuple[str, list[Incident]]], int]:
    """(unit, [(label, incidents)], undated count). Month-only dates get their own bars per month
    (before the days) unless the chart is monthly anyway."""
    dated = [i for i in incidents if i.event_date]
    exact = [i for i in dated if i.time_precision != 3]
    month_only = [i for i in dated if i.time_precision == 3]
    days = [dt.date.fromisoformat(i.event_date) for i in exact]
    span = (max(days) - min(days)).days + 1 if days else 0
    unit = "day" if span <= DAILY_UP_TO else "week" if span <= WEEKLY_UP_TO else "month"
    if unit == "month":
        exact, month_only = dated, []

    def key(inc: Incident) -> dt.date:
        d = dt.date.fromisoformat(inc.event_date)
        return {"day": d, "week": d - dt.timedelta(days=d.weekday()), "month": d.replace(day=1)}[unit]

    groups: dict[dt.date, list[Incident]] = defaultdict(list)
    for inc in exact:
        groups[key(inc)].append(inc)
    bins: list[tuple[str, list[Incident]]] = []
    by_month: dict[str, list[Incident]] = defaultdict(list)
    for inc in month_only:
        by_month[inc.event_date[:7]].append(inc)
    bins += [(f"{m} (month only)", by_month[m]) for m in sorted(by_month)]
    if groups:
        current, last = min(groups), max(groups)
        while current <= last:  # every day/week/month in the span, empty ones too
            label = current.isoformat()[:7] if unit == "month" else current.isoformat()
            bins.append((label, groups.get(current, [])))
            current = (current + dt.timedelta(days=1 if unit == "day" else 7) if unit != "month"
                       else (current.replace(day=28) + dt.timedelta(days=4)).replace(day=1))
    return unit, bins, len(incidents) - len(dated)


def chart_svg(incidents: list[Incident]) -> str:
    """Stacked bars of incidents per day (week, month for long spans) by type, as inline SVG."""
    unit, bins, undated = _bins(incidents)
    if not bins:
        return '<p class="meta">No dated incidents to chart.</p>'
    types = list(taxonomy())
    top = max(len(members) for _, members in bins) or 1
    step = max(1, math.ceil(top / 5))
    y_max = step * math.ceil(top / step)
    plot_w = CHART_W - MARGIN["left"] - MARGIN["right"]
    plot_h = CHART_H - MARGIN["top"] - MARGIN["bottom"]
    slot = plot_w / len(bins)
    bar_w = min(48.0, slot * 0.72)
    every = max(1, math.ceil(len(bins) / 24))  # at most ~24 axis labels

    def y(v: float) -> float:
        return MARGIN["top"] + plot_h * (1 - v / y_max)

    parts = [f'<svg viewBox="0 0 {CHART_W} {CHART_H}" role="img" aria-label="Incidents per {unit} by type">']
    for v in range(0, y_max + 1, step):
        parts.append(f'<line x1="{MARGIN["left"]}" x2="{CHART_W - MARGIN["right"]}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
                     f'stroke="#e3e3e3"/><text x="{MARGIN["left"] - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v}</text>')
    for n, (label, members) in enumerate(bins):
        x = MARGIN["left"] + slot * n + (slot - bar_w) / 2
        counts = Counter(i.incident_type for i in members)
        base = 0
        month_only = label.endswith("(month only)")
        for t in types:
            if not counts[t]:
                continue
            info = taxonomy()[t]
            parts.append(
                f'<rect class="bar" data-type="{_e(t)}" x="{x:.1f}" y="{y(base + counts[t]):.1f}" width="{bar_w:.1f}" '
                f'height="{y(base) - y(base + counts[t]):.1f}" fill="{_e(info.color)}"'
                + (' fill-opacity="0.55" stroke="#333" stroke-dasharray="3 2"' if month_only else "")
                + f"><title>{'week of ' if unit == 'week' and not month_only else ''}{_e(label)} · "
                  f"{_e(info.label)}: {counts[t]}</title></rect>")
            base += counts[t]
        if members and len(bins) <= 40:
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{y(base) - 4:.1f}" text-anchor="middle">{base}</text>')
        if n % every == 0:
            lx, ly = x + bar_w / 2, CHART_H - MARGIN["bottom"] + 14
            parts.append(f'<text x="{lx:.1f}" y="{ly}" text-anchor="end" transform="rotate(-35 {lx:.1f} {ly})">'
                         f"{_e(label.replace('(month only)', '(month)'))}</text>")
    parts.append(f'<line x1="{MARGIN["left"]}" x2="{CHART_W - MARGIN["right"]}" y1="{y(0):.1f}" y2="{y(0):.1f}" '
                 'stroke="#888"/></svg>')
    present = [t for t in types if any(i.incident_type == t for _, members in bins for i in members)]
    keys = "".join(f'<span><i class="sw" style="background:{_e(taxonomy()[t].color)}"></i>{_e(taxonomy()[t].label)} · '
                   f'<bdi lang="ar">{_e(taxonomy()[t].label_ar)}</bdi></span>' for t in present)
    notes = ["weeks start on Monday"] if unit == "week" else []
    if any(label.endswith("(month only)") for label, _ in bins):
        notes.append("dashed bars: only the month is known")
    if undated:
        notes.append(f"{undated} undated incident(s) not charted")
    note = f'<p class="meta">{_e("; ".join(notes))}.</p>' if notes else ""
    return f'<div class="chart">{"".join(parts)}<div class="keys">{keys}</div>{note}</div>'


# --- table and sources -----------------------------------------------------------------------------

def _source_numbers(ordered: list[Incident]) -> dict[int, int]:
    """Article id → its number in the source list, in order of first citation."""
    numbers: dict[int, int] = {}
    for inc in ordered:
        for s in inc.sources:
            numbers.setdefault(s.article_id, len(numbers) + 1)
    return numbers


def _table(ordered: list[Incident], numbers: dict[int, int]) -> str:
    rows = []
    for n, inc in enumerate(ordered, start=1):
        info = taxonomy()[inc.incident_type]
        actors = " → ".join(_e(a) for a in (inc.actor1, inc.actor2) if a) or "not named"
        refs = ", ".join(f"[{numbers[a]}]" for a in dict.fromkeys(s.article_id for s in inc.sources)) or "—"
        rows.append(
            f'<tr id="incident-{n}"><td>{n}</td><td>{_e(date_text(inc))}</td>'
            f'<td><i class="sw" style="background:{_e(info.color)}"></i>{_e(info.label)}<br>'
            f'<bdi class="ar" lang="ar">{_e(info.label_ar)}</bdi></td>'
            f"<td>{_e(inc.location)}{_e(GEO_NOTE.get(inc.geo_precision or 1, ''))}"
            f"{'<br>' + _e(inc.admin1) if inc.admin1 else ''}{' · ' + _e(inc.country) if inc.country else ''}</td>"
            f'<td class="ar" dir="rtl" lang="ar">{_e(inc.location_ar)}</td><td dir="auto">{actors}</td>'
            f"<td>{_e(casualty_text(inc))}</td><td>{refs}</td></tr>")
    head = ("<tr><th>#</th><th>Date</th><th>Type</th><th>Place</th><th dir='rtl' lang='ar'>المكان</th><th>Actors</th>"
            "<th>Casualties</th><th>Sources</th></tr>")
    return f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"


def _sources(ordered: list[Incident], numbers: dict[int, int]) -> str:
    by_article: dict[int, list] = defaultdict(list)
    for n, inc in enumerate(ordered, start=1):
        for s in inc.sources:
            by_article[s.article_id].append((n, s))
    items = []
    for article_id in sorted(numbers, key=numbers.get):
        cited = by_article[article_id]
        first = cited[0][1]
        url = f'<div class="url">{_e(first.url)}</div>' if first.url else ""
        sentences: dict[str, list[int]] = defaultdict(list)  # one quote per sentence, naming its incidents
        for n, s in cited:
            sentences[s.evidence].append(n)
        quotes = "".join(f'<blockquote dir="auto">{_e(text)}<br><small dir="ltr">incident'
                         f"{'s' if len(ns) > 1 else ''} {', '.join(map(str, ns))}</small></blockquote>"
                         for text, ns in sentences.items())
        published = f" · published {_e(first.published)}" if first.published else ""
        items.append(f'<li id="source-{numbers[article_id]}"><b dir="auto">'
                     f"{safe_link(first.url, first.title or f'article {article_id}')}</b>{published}{url}{quotes}</li>")
    if not items:
        return '<p class="meta">No sources.</p>'
    return f'<ol class="sources">{"".join(items)}</ol>'


# --- the briefing ----------------------------------------------------------------------------------

def _summary(incidents: list[Incident]) -> str:
    killed = sum(i.fatalities or 0 for i in incidents)
    injured = sum(i.injured or 0 for i in incidents)
    countries = Counter(i.country for i in incidents if i.country)
    where = ", ".join(f"{_e(c)}: {n}" for c, n in sorted(countries.items()))
    return (f"{len(incidents)} incident(s){' (' + where + ')' if where else ''} · "
            f"at least {killed} killed, {injured} injured (as reported)")


def briefing_html(incidents: list[Incident], *, title: str | None = None, map_image: bytes | None = None,
                  include_map: bool = True, browser: Browser | None = None) -> str:
    """The briefing as one HTML document that opens from disk with no network.

    The map is ``map_image`` (PNG bytes) when given, else rendered with :func:`map_png` (needs
    Chromium; raises ``ExportError`` without it). ``include_map=False`` leaves it out with a note.
    """
    ordered = _ordered(incidents)
    numbers = _source_numbers(ordered)
    span = date_range_text(ordered)
    heading = title or "Incident briefing"
    if include_map and map_image is None:
        map_image = map_png(ordered, width=MAP_SIZE[0], height=MAP_SIZE[1], scale=MAP_SCALE, browser=browser)
    if include_map:
        encoded = base64.b64encode(map_image).decode("ascii")
        figure = (f'<figure><img src="data:image/png;base64,{encoded}" alt="Map of the {len(ordered)} incidents, '
                  f'{_e(span)}"></figure>')
    else:
        figure = '<p class="note">Map image not included: Chromium is not available on this machine.</p>'
    body = (f'<h1 dir="auto">{_e(heading)}</h1>'
            f'<p class="meta">{_e(span)} · {_summary(ordered)}</p>'
            f"<h2>Map</h2>{figure}"
            f"<h2>Incidents per {_bins(ordered)[0]} by type</h2>{chart_svg(ordered)}"
            f"<h2>Incidents</h2>{_table(ordered, numbers) if ordered else '<p>No incidents match.</p>'}"
            f"<h2>Sources</h2>{_sources(ordered, numbers)}"
            f'<p class="meta">{_e(SOURCE_LINE)} · casualty figures as reported by the sources</p>')
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            '<meta name="referrer" content="no-referrer">'
            f"<title>{_e(heading)} · {_e(span)}</title><style>{CSS}</style></head>"
            f"<body>{body}</body></html>\n")


def briefing_pdf(incidents: list[Incident], *, title: str | None = None, browser: Browser | None = None) -> bytes:
    """The briefing printed to an A4 PDF by Chromium (backgrounds printed). Raises ``ExportError``
    when Chromium is missing."""
    if browser is None:
        return with_own_browser(lambda own: briefing_pdf(incidents, title=title, browser=own))
    page = briefing_html(incidents, title=title, browser=browser)
    return browser.pdf(page)
