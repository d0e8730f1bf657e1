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
from collections import Counter, defaultdict

from incidents.charts import CHART_CSS, bins, chart_svg
from incidents.maps import FONT_STACK, GEO_NOTE, SOURCE_LINE, casualty_text, date_text, safe_link
from incidents.model import Incident, taxonomy
from incidents.screenshot import Browser, date_range_text, map_png, with_own_browser

MAP_SIZE = (1100, 620)  # the map's layout in CSS px (text stays legible on A4), drawn at MAP_SCALE
MAP_SCALE = 2  # device pixels per CSS px: sharp in print
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:"

CSS = f"""
@page {{ size: A4; margin: 12mm; }}
body {{ font-family: {FONT_STACK}; font-size: 13px; line-height: 1.45; color: #222; margin: 24px auto;
  max-width: 1100px; padding: 0 16px; }}
h1 {{ font-size: 24px; margin: 0 0 4px; }} h2 {{ font-size: 17px; margin: 22px 0 8px; }}
.meta {{ color: #555; margin: 0 0 14px; }}
figure {{ margin: 0; break-inside: avoid; }} figure img {{ width: 100%; border: 1px solid #ccc; }}
.note {{ color: #8a4b00; background: #fff6e5; padding: 6px 10px; border-radius: 4px; }}
{CHART_CSS}
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
            f"<h2>Incidents per {bins(ordered)[0]} by type</h2>{chart_svg(ordered)}"
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
