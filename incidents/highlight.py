"""An extracted incident as an escaped HTML snippet for previews: its fields and evidence."""

from __future__ import annotations

import html

from incidents.model import ExtractedIncident, taxonomy


def highlighted_evidence(inc: ExtractedIncident) -> str:
    """Type, date, place and casualties over the evidence sentence, the place name marked."""
    e = html.escape
    info = taxonomy()[inc.incident_type]
    date = f"{inc.event_date}" + (" (month only)" if inc.time_precision == 3 else "") if inc.event_date else "date unknown"
    casualties = ", ".join(f"{n} {what}" for n, what in ((inc.fatalities, "killed"), (inc.injured, "injured"))
                           if n is not None) or "no casualty figures"
    evidence = e(inc.evidence)
    if inc.mention is not None:
        s, t = inc.mention[0] - inc.start, inc.mention[1] - inc.start
        if 0 <= s < t <= len(inc.evidence):
            ev = inc.evidence
            evidence = f"{e(ev[:s])}<mark>{e(ev[s:t])}</mark>{e(ev[t:])}"
    actors = " → ".join(e(a) for a in (inc.actor1, inc.actor2) if a) or "actors not named"
    return (f"<div style='border-left:4px solid {e(info.color)};padding:4px 10px;margin:8px 0'>"
            f"<b>{e(info.label)}</b> · {e(date)} · {e(inc.place.name)} / <span dir='rtl'>{e(inc.place.name_ar)}</span>"
            f" · {e(casualties)} · {actors}<br><span dir='auto'>{evidence}</span></div>")
