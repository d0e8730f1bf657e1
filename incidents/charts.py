"""Incidents per day (week, month for long spans) by type, as inline SVG: drawn by the server
for the dashboard and the briefing alike (no chart library in the browser: the map page's
first render does not wait for one). Labels come from the taxonomy and the dates; everything
is escaped."""

from __future__ import annotations

import datetime as dt
import html
import math
from collections import Counter, defaultdict

from incidents.model import Incident, taxonomy

DAILY_UP_TO = 62  # a longer span is charted per week, then per month beyond WEEKLY_UP_TO days
WEEKLY_UP_TO = 730
CHART_W, CHART_H = 900, 300
CHART_FRAME_HEIGHT = 380  # CSS px of a frame that shows the chart at CHART_H px high, its key and note
MARGIN = {"left": 84, "right": 10, "top": 18, "bottom": 84}
CHART_CSS = """.chart svg { width: 100%; height: auto; } .chart text { font-size: 13px; fill: #444; }
.keys span { display: inline-block; margin-right: 14px; }
.sw { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }"""


def _e(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def bins(incidents: list[Incident]) -> tuple[str, list[tuple[str, list[Incident]]], int]:
    """(unit, [(label, incidents)], undated count). Month-only dates get their own bars per month
    (before the days) unless the chart is monthly anyway."""
    dated = [i for i in incidents if i.event_date]
    exact = [i for i in dated if i.time_precision != 3]
    month_only = [i for i in dated if i.time_precision == 3]
    days = {i.event_date for i in exact}
    span = (dt.date.fromisoformat(max(days)) - dt.date.fromisoformat(min(days))).days + 1 if days else 0
    unit = "day" if span <= DAILY_UP_TO else "week" if span <= WEEKLY_UP_TO else "month"
    if unit == "month":
        exact, month_only = dated, []

    def key(inc: Incident) -> dt.date:
        d = dt.date.fromisoformat(inc.event_date)
        return {"day": d, "week": d - dt.timedelta(days=d.weekday()), "month": d.replace(day=1)}[unit]

    by_day: dict[str, list[Incident]] = defaultdict(list)  # a few hundred days for 100,000 incidents
    for inc in exact:
        by_day[inc.event_date].append(inc)
    groups: dict[dt.date, list[Incident]] = defaultdict(list)
    for members in by_day.values():
        groups[key(members[0])].extend(members)
    out: list[tuple[str, list[Incident]]] = []
    by_month: dict[str, list[Incident]] = defaultdict(list)
    for inc in month_only:
        by_month[inc.event_date[:7]].append(inc)
    out += [(f"{m} (month only)", by_month[m]) for m in sorted(by_month)]
    if groups:
        current, last = min(groups), max(groups)
        while current <= last:  # every day/week/month in the span, empty ones too
            label = current.isoformat()[:7] if unit == "month" else current.isoformat()
            out.append((label, groups.get(current, [])))
            current = (current + dt.timedelta(days=1 if unit == "day" else 7) if unit != "month"
                       else (current.replace(day=28) + dt.timedelta(days=4)).replace(day=1))
    return unit, out, len(incidents) - len(dated)


def chart_svg(incidents: list[Incident], binned: tuple[str, list, int] | None = None) -> str:
    """Stacked bars of incidents per day (week, month for long spans) by type, as inline SVG
    (``binned``: what ``bins(incidents)`` gives, when the caller has it already)."""
    unit, bars, undated = binned or bins(incidents)
    if not bars:
        return '<p class="meta">No dated incidents to chart.</p>'
    types = list(taxonomy())
    top = max(len(members) for _, members in bars) or 1
    step = max(1, math.ceil(top / 5))
    y_max = step * math.ceil(top / step)
    plot_w = CHART_W - MARGIN["left"] - MARGIN["right"]
    plot_h = CHART_H - MARGIN["top"] - MARGIN["bottom"]
    slot = plot_w / len(bars)
    bar_w = min(48.0, slot * 0.72)
    every = max(1, math.ceil(len(bars) / 24))  # at most ~24 axis labels

    def y(v: float) -> float:
        return MARGIN["top"] + plot_h * (1 - v / y_max)

    parts = [f'<svg viewBox="0 0 {CHART_W} {CHART_H}" role="img" aria-label="Incidents per {unit} by type">']
    for v in range(0, y_max + 1, step):
        parts.append(f'<line x1="{MARGIN["left"]}" x2="{CHART_W - MARGIN["right"]}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
                     f'stroke="#e3e3e3"/><text x="{MARGIN["left"] - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v}</text>')
    for n, (label, members) in enumerate(bars):
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
        if members and len(bars) <= 40:
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{y(base) - 4:.1f}" text-anchor="middle">{base}</text>')
        if n % every == 0:
            lx, ly = x + bar_w / 2, CHART_H - MARGIN["bottom"] + 14
            parts.append(f'<text x="{lx:.1f}" y="{ly}" text-anchor="end" transform="rotate(-35 {lx:.1f} {ly})">'
                         f"{_e(label.replace('(month only)', '(month)'))}</text>")
    parts.append(f'<line x1="{MARGIN["left"]}" x2="{CHART_W - MARGIN["right"]}" y1="{y(0):.1f}" y2="{y(0):.1f}" '
                 'stroke="#888"/></svg>')
    present = [t for t in types if any(i.incident_type == t for _, members in bars for i in members)]
    keys = "".join(f'<span><i class="sw" style="background:{_e(taxonomy()[t].color)}"></i>{_e(taxonomy()[t].label)} · '
                   f'<bdi lang="ar">{_e(taxonomy()[t].label_ar)}</bdi></span>' for t in present)
    notes = ["weeks start on Monday"] if unit == "week" else []
    if any(label.endswith("(month only)") for label, _ in bars):
        notes.append("dashed bars: only the month is known")
    if undated:
        notes.append(f"{undated} undated incident(s) not charted")
    note = f'<p class="meta">{_e("; ".join(notes))}.</p>' if notes else ""
    return f'<div class="chart">{"".join(parts)}<div class="keys">{keys}</div>{note}</div>'


# --- table and sources -----------------------------------------------------------------------------
