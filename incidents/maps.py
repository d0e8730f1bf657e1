"""Folium maps of incidents that work offline: local Leaflet, local basemap, no tile server."""

from __future__ import annotations

import base64
import html
import json
import re

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from incidents.aggregate import MAX_MARKERS, View, for_view
from incidents.assets import Assets, prepare_static
from incidents.basemap import ATTRIBUTION
from incidents.model import Incident, taxonomy

CENTER = (34.0, 41.5)  # between Baghdad and Deir ez-Zor
ZOOM = 6
MAX_ZOOM = 18
POPUP_WIDTH = 460
FOCUS_ZOOM = 10  # the zoom when the map centres on an incident picked in the table
CLUSTER_ABOVE = 300  # markers are clustered when more incidents than this are shown
LABEL_UP_TO = 40  # a still map (``static=True``) names the places when it shows this many incidents or fewer
SOURCE_LINE = f"Incident Atlas · basemap {ATTRIBUTION}"
# a still map has no moving parts: the same input always draws the same picture
STILL_OPTIONS = {"zoomControl": False, "fadeAnimation": False, "zoomAnimation": False,
                 "markerZoomAnimation": False, "inertia": False, "zoomSnap": 0.25}
# Online basemaps offered (off by default) in the layer control; the map never needs them.
ONLINE_TILES = (("OpenStreetMap tiles (online)", "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                 "&copy; OpenStreetMap contributors"),)
PRECISION_NOTE = {1: "", 2: " (within that week)", 3: " (month only)"}
GEO_NOTE = {1: "", 2: " (near / district)", 3: " (governorate only)"}
BASEMAP_STYLE = {
    "countries": {"color": "#555555", "weight": 1.2, "fillColor": "#f2efe9", "fillOpacity": 1.0},
    "admin1": {"color": "#999999", "weight": 0.7, "dashArray": "3 3", "fill": False},
}


class BasemapLayer(MacroElement):
    """A GeoJSON outline layer fetched from a local URL at page load (keeps the page small)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        fetch({{ this.url|tojson }}).then(function (r) { return r.json(); }).then(function (data) {
            var layer = L.geoJSON(data, {style: {{ this.style|tojson }}, interactive: false});
            layer.addTo({{ this._parent.get_name() }});
            layer.bringToBack();
        });
        {% endmacro %}
    """)

    def __init__(self, url: str, style: dict):
        super().__init__()
        self._name = "BasemapLayer"
        self.url = url
        self.style = style


class IncidentLayer(MacroElement):
    """All incidents as circle markers from one data blob (popups escaped server-side),
    clustered when dense, with a heat layer and optional online tiles in a layer control."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = {{ 'L.markerClusterGroup({maxClusterRadius: 45, disableClusteringAtZoom: 11})'
                                      if this.cluster else 'L.featureGroup()' }};
        var {{ this.get_name() }}_points = {{ this.points|tojson }};  {# once: the heat layer reuses them #}
        {{ this.get_name() }}_points.forEach(function (p) {
            L.circleMarker([p.lat, p.lon], {radius: 8, color: "#222222", weight: 1, fillColor: p.color,
                                            fillOpacity: 0.9, className: "atlas-incident atlas-" + p.type})
                .bindPopup(p.popup, {maxWidth: {{ this.popup_width }}})
                .bindTooltip(p.tooltip{{ ', {permanent: true, direction: "right", offset: [9, 0], className: "atlas-label"}'
                                         if this.labels else '' }})
                .addTo({{ this.get_name() }});
        });
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% if this.controls %}
        var {{ this.get_name() }}_heat = L.heatLayer(
            {{ this.get_name() }}_points.map(function (p) { return [p.lat, p.lon, 1]; }), {radius: 22, blur: 18});
        var {{ this.get_name() }}_overlays = {"Incidents": {{ this.get_name() }}, "Heat map": {{ this.get_name() }}_heat};
        {% for name, url, attribution in this.online_tiles %}
        {{ this.get_name() }}_overlays[{{ name|tojson }}] = L.tileLayer({{ url|tojson }},
            {attribution: {{ attribution|tojson }}, maxZoom: 18});
        {% endfor %}
        L.control.layers(null, {{ this.get_name() }}_overlays, {collapsed: true}).addTo({{ this._parent.get_name() }});
        {% endif %}
        {% endmacro %}
    """)

    def __init__(self, incidents: list[Incident], *, controls: bool = True, labels: bool = False):
        super().__init__()
        self._name = "IncidentLayer"
        self.popup_width = POPUP_WIDTH
        self.cluster = len(incidents) > CLUSTER_ABOVE
        self.controls = controls
        self.labels = labels  # permanent place-name labels (English · Arabic) instead of hover tooltips
        self.online_tiles = ONLINE_TILES
        self.points = []
        for inc in incidents:
            info = taxonomy()[inc.incident_type]
            self.points.append({
                "id": inc.incident_id, "lat": inc.latitude, "lon": inc.longitude, "type": inc.incident_type,
                "color": info.color, "popup": popup_html(inc),
                "tooltip": (f'{_e(inc.location)} · <span dir="rtl" lang="ar">{_e(inc.location_ar)}</span>'
                            if labels else _e(f"{info.label} · {inc.location} · {date_text(inc)}")),
            })


class CellLayer(MacroElement):
    """Grid cells (count per cell, circle area by count) for views with too many incidents."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.featureGroup().addTo({{ this._parent.get_name() }});
        {{ this.cells|tojson }}.forEach(function (c) {
            L.circleMarker([c.lat, c.lon], {radius: c.r, color: "#333333", weight: 1, fillColor: "#d62728",
                                            fillOpacity: 0.55, className: "atlas-cell"})
                .bindTooltip(c.tip).addTo({{ this.get_name() }});
        });
        {% endmacro %}
    """)

    def __init__(self, cells: list):
        super().__init__()
        self._name = "CellLayer"
        top = max((c.count for c in cells), default=1)
        self.cells = [{
            "lat": round(c.latitude, 4), "lon": round(c.longitude, 4), "r": round(5 + 20 * (c.count / top) ** 0.5, 1),
            "tip": _e(f"{c.count} incidents · " + ", ".join(f"{n} {taxonomy()[t].label.lower()}" for t, n in c.by_type)
                      + (f" · {c.fatalities} killed" if c.fatalities else "") + " · zoom in for details"),
        } for c in cells]


class AcledLayer(MacroElement):
    """ACLED's events as hollow squares-ish markers in their own layer-control entry."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.featureGroup().addTo({{ this._parent.get_name() }});
        {{ this.points|tojson }}.forEach(function (p) {
            L.circleMarker([p.lat, p.lon], {radius: 6, color: "#000000", weight: 2, fill: false,
                                            dashArray: "2 2", className: "atlas-acled"})
                .bindPopup(p.popup, {maxWidth: 420}).bindTooltip(p.tooltip).addTo({{ this.get_name() }});
        });
        L.control.layers(null, {"ACLED events": {{ this.get_name() }}}, {collapsed: false})
            .addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, events: list):
        super().__init__()
        self._name = "AcledLayer"
        self.points = [{
            "lat": e.latitude, "lon": e.longitude,
            "tooltip": _e(f"ACLED · {e.sub_event_type or e.event_type} · {e.location} · {e.event_date}"),
            "popup": (f"<div class='atlas-popup'><b>ACLED {_e(e.event_id)}</b><br>{_e(e.event_type)} / "
                      f"{_e(e.sub_event_type)}<br><b>Date:</b> {_e(e.event_date)}<br><b>Place:</b> {_e(e.location)}"
                      f", {_e(e.admin1)}<br><b>Actors:</b> {_e(e.actor1)} → {_e(e.actor2)}<br><b>Fatalities:</b> "
                      f"{_e(e.fatalities)}<blockquote dir='auto'>{_e(e.notes)}</blockquote></div>"),
        } for e in events]


class Legend(MacroElement):
    """Incident types with their colours, as a Leaflet control (our own markup, escaped)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var legend = L.control({position: "bottomright"});
        legend.onAdd = function () {
            var div = L.DomUtil.create("div", "atlas-legend");
            div.innerHTML = {{ this.markup|tojson }};
            return div;
        };
        legend.addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, types: list[str], *, arabic: bool = False):
        super().__init__()
        self._name = "Legend"
        rows = "".join(
            f'<div><span class="atlas-swatch" style="background:{html.escape(taxonomy()[t].color)}"></span>'
            f"{html.escape(taxonomy()[t].label)}"
            + (f' · <span dir="rtl" lang="ar">{html.escape(taxonomy()[t].label_ar)}</span>' if arabic else "")
            + "</div>" for t in types)
        self.markup = f"<b>Incident type</b>{rows}"


class Caption(MacroElement):
    """A title box (top left) and the source line in the attribution corner; both our own, escaped."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {% if this.title %}
        var atlas_title = L.control({position: "topleft"});
        atlas_title.onAdd = function () {
            var div = L.DomUtil.create("div", "atlas-title");
            div.innerHTML = {{ this.title|tojson }};
            return div;
        };
        atlas_title.addTo({{ this._parent.get_name() }});
        {% endif %}
        {% if this.source %}
        {{ this._parent.get_name() }}.attributionControl.setPrefix({{ this.source|tojson }});
        {% endif %}
        {% endmacro %}
    """)

    def __init__(self, title: str | None, source: str | None):
        super().__init__()
        self._name = "Caption"
        self.title = _e(title) if title else ""
        self.source = _e(source) if source else ""


# Fonts with Arabic coverage first (Debian: fonts-noto-core), so Arabic shapes in screenshots
FONT_STACK = '"Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans", sans-serif'
STILL_CSS = f"""<style>
.leaflet-container, .atlas-legend, .atlas-title, .atlas-label, .leaflet-control-attribution {{
  font-family: {FONT_STACK};}}
.atlas-title {{background: rgba(255,255,255,.94); padding: 8px 14px; font-size: 22px; font-weight: 600;
  border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,.3);}}
.atlas-legend {{font-size: 14px;}}
.atlas-label {{font-size: 13px; padding: 1px 6px;}}
.leaflet-control-attribution {{font-size: 12px;}}
</style>"""

LEGEND_CSS = """<style>
.atlas-legend {background: rgba(255,255,255,.92); padding: 6px 9px; font: 12px/1.5 sans-serif;
  border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,.3);}
.atlas-swatch {display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 6px;
  vertical-align: -1px;}
.atlas-popup {font: 13px/1.45 sans-serif;}
.atlas-popup .ar {font-size: 14px;}
.atlas-popup blockquote {margin: 6px 0; padding: 4px 8px; border-left: 3px solid #ccc; background: #fafafa;}
</style>"""


def _e(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def safe_link(url: str, label: str) -> str:
    """A clickable link only for http(s) URLs; anything else is shown as inert text."""
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{_e(url)}" target="_blank" rel="noopener noreferrer">{_e(label or url)}</a>'
    return _e(label or url)


def casualty_text(inc: Incident) -> str:
    parts = []
    if inc.fatalities is not None:
        parts.append(f"{inc.fatalities} killed")
    if inc.injured is not None:
        parts.append(f"{inc.injured} injured")
    return ", ".join(parts) or "not reported"


def date_text(inc: Incident) -> str:
    if not inc.event_date:
        return "date unknown"
    if inc.time_precision == 3:
        return inc.event_date[:7] + PRECISION_NOTE[3]
    return inc.event_date + PRECISION_NOTE.get(inc.time_precision or 1, "")


def popup_html(inc: Incident) -> str:
    """The popup of one incident; every value from the store is escaped."""
    info = taxonomy()[inc.incident_type]
    actors = " → ".join(_e(a) for a in (inc.actor1, inc.actor2) if a) or "not named"
    sources = "".join(
        f'<blockquote dir="auto">{_e(s.evidence)}</blockquote>'
        f"<div>Source: {safe_link(s.url, s.title or f'article {s.article_id}')}"
        f"{' — ' + _e(s.published) if s.published else ''}</div>" for s in inc.sources)
    return (
        f'<div class="atlas-popup"><b>{_e(info.label)}</b> · <span dir="rtl" lang="ar">{_e(info.label_ar)}</span><br>'
        f"<b>Date:</b> {_e(date_text(inc))}<br>"
        f"<b>Place:</b> {_e(inc.location)}{_e(GEO_NOTE.get(inc.geo_precision or 1, ''))} · "
        f'<span class="ar" dir="rtl" lang="ar">{_e(inc.location_ar)}</span>'
        f"{' · ' + _e(inc.admin1) if inc.admin1 else ''}<br>"
        f"<b>Casualties:</b> {_e(casualty_text(inc))}<br><b>Actors:</b> {actors}{sources}</div>")


def _base_map(assets: Assets, **kwargs) -> folium.Map:
    """A folium map on local assets with no tile layer (the basemap is our own GeoJSON)."""
    m = folium.Map(location=CENTER, zoom_start=ZOOM, tiles=None, **kwargs)
    # with no tile layer folium sets no zoom bounds on the map; Leaflet plugins need them
    m.options.update(maxZoom=MAX_ZOOM, minZoom=3)
    m.default_js = assets.js
    m.default_css = assets.css
    return m


def build_map(incidents: list[Incident], assets: Assets, *, inline_basemap: dict[str, dict] | None = None,
              fit: bool = True, focus: Incident | None = None, title: str | None = None,
              static: bool = False, view: View | None = None, max_markers: int = MAX_MARKERS,
              acled: list | None = None) -> folium.Map:
    """A map of ``incidents`` drawing on local assets only (``assets`` gives their URLs).

    ``title`` adds a title box; ``static=True`` makes a still picture for exports: no animations and
    no zoom or layer controls, place names beside the markers (when few), an English · Arabic legend,
    fonts with Arabic coverage and the source line in the attribution corner.
    """
    m = _base_map(assets, control_scale=True)
    m.get_root().header.add_child(Element(LEGEND_CSS))
    if static:
        m.options.update(STILL_OPTIONS)
        m.get_root().header.add_child(Element(STILL_CSS))
    if title or static:
        m.add_child(Caption(title, SOURCE_LINE if static else None))
    for layer, style in BASEMAP_STYLE.items():
        if inline_basemap is not None:
            folium.GeoJson(inline_basemap[layer], style_function=lambda _f, s=style: s,
                           interactive=False, control=False).add_to(m)
        else:
            m.add_child(BasemapLayer(assets.url(f"basemap/{layer}.geojson"), style))
    placed = [i for i in incidents if i.latitude is not None and i.longitude is not None]
    markers, cells = for_view(placed, view, max_markers)
    if cells:
        m.add_child(CellLayer(cells))
    else:
        m.add_child(IncidentLayer(markers, controls=not static, labels=static and len(markers) <= LABEL_UP_TO))
    if acled:
        m.add_child(AcledLayer(acled))
    types = sorted({i.incident_type for i in placed}, key=list(taxonomy()).index) or list(taxonomy())
    m.add_child(Legend(types, arabic=static))
    if focus is not None and focus.latitude is not None:
        m.location = [focus.latitude, focus.longitude]
        m.options["zoom"] = FOCUS_ZOOM
    elif view is not None:  # keep the analyst's view when the map is redrawn
        m.location = list(view.center)
        m.options["zoom"] = view.zoom
    elif fit and placed:
        lats = [i.latitude for i in placed]
        lons = [i.longitude for i in placed]
        pad = 0.6
        # a still map keeps the markers clear of the title (top left) and the legend (bottom right)
        room = {"padding_top_left": (20, 70), "padding_bottom_right": (200, 20)} if static else {}
        m.fit_bounds([(min(lats) - pad, min(lons) - pad), (max(lats) + pad, max(lons) + pad)], max_zoom=9, **room)
    return m


def _inline_images(css: str, folder) -> str:
    """``url(images/x.png)`` in a stylesheet → a data: URI, so the file needs nothing beside it."""
    def data_uri(m):
        path = folder / m.group(1)
        if not path.is_file():
            return m.group(0)
        return f"url(data:image/png;base64,{base64.b64encode(path.read_bytes()).decode()})"

    return re.sub(r"url\(([\w./-]+\.png)\)", data_uri, css)


def standalone_map_html(incidents: list[Incident], *, title: str | None = None, static: bool = False) -> str:
    """One HTML file with Leaflet, the basemap and the incidents inlined: opens from disk offline.
    ``title`` and ``static`` as in :func:`build_map`."""
    assets = prepare_static()
    inline = {layer: json.loads(assets.path(f"basemap/{layer}.geojson").read_text(encoding="utf-8"))
              for layer in BASEMAP_STYLE}
    page = build_map(incidents, assets, inline_basemap=inline, title=title, static=static).get_root().render()
    for _, url in assets.js:
        code = assets.path(url.removeprefix(assets.base_url + "/")).read_text(encoding="utf-8")
        page = page.replace(f'<script src="{url}"></script>', f"<script>{code}</script>")
    for _, url in assets.css:
        css_file = assets.path(url.removeprefix(assets.base_url + "/"))
        css = _inline_images(css_file.read_text(encoding="utf-8"), css_file.parent)
        page = page.replace(f'<link rel="stylesheet" href="{url}"/>', f"<style>{css}</style>")
    return page


def places_map(places: list, assets: Assets) -> folium.Map:
    """Gazetteer candidates as numbered points (best first), for the gazetteer page."""
    m = _base_map(assets)
    for layer, style in BASEMAP_STYLE.items():
        m.add_child(BasemapLayer(assets.url(f"basemap/{layer}.geojson"), style))
    for n, p in enumerate(places, start=1):
        folium.CircleMarker((p.latitude, p.longitude), radius=9 if n == 1 else 6, color="#222222", weight=1,
                            fill=True, fill_color="#d62728" if n == 1 else "#1f77b4", fill_opacity=0.9,
                            tooltip=_e(f"{n}. {p.name} · {p.name_ar} · {p.feature}")).add_to(m)
    if places:
        lats, lons = [p.latitude for p in places], [p.longitude for p in places]
        m.fit_bounds([(min(lats) - 0.3, min(lons) - 0.3), (max(lats) + 0.3, max(lons) + 0.3)], max_zoom=10)
    return m
