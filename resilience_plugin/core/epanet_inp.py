"""Read an EPANET input file (.inp) into plain arrays: nodes, links with their drawn shape, demands.

Only what the lifeline layers need is read: junctions (elevation, base demand), reservoirs and tanks (the
sources), pipes, pumps and valves (links between two nodes), coordinates and vertices, and the flow units
(US customary or SI). Patterns, curves, controls and the hydraulic options stay in the EPANET model.
"""
from dataclasses import dataclass, field

import numpy as np

# Flow units of [OPTIONS] Units: US customary units measure lengths in feet and diameters in inches,
# SI units in metres and millimetres (EPANET 2.2 manual, table "Units of measurement").
US_FLOW_UNITS = ('CFS', 'GPM', 'MGD', 'IMGD', 'AFD')
FOOT_M = 0.3048
INCH_MM = 25.4


class InpError(ValueError):
    """The file is not a readable EPANET input file."""


@dataclass
class InpNetwork:
    title: str
    units: str                     # flow units code of [OPTIONS]
    node_id: list                  # every node: junctions, reservoirs, tanks
    node_type: list                # 'junction', 'reservoir', 'tank'
    node_xy: np.ndarray            # (n, 2), NaN where no coordinates are given
    elevation_m: np.ndarray        # junction and tank elevation, reservoir head (m)
    demand: np.ndarray             # base demand of junctions (flow units), 0 elsewhere
    link_id: list
    link_type: list                # 'pipe', 'pump', 'valve'
    link_node1: np.ndarray         # node index
    link_node2: np.ndarray
    length_m: np.ndarray           # pipe length (NaN for pumps and valves)
    diameter_mm: np.ndarray        # NaN where not given
    link_status: list              # 'open', 'closed', 'cv' (pipes), '' elsewhere
    valve_type: list               # PRV, PSV ... for valves, '' elsewhere
    vertices: dict = field(default_factory=dict)  # link index -> (k, 2) intermediate points

    @property
    def us_units(self):
        return self.units.upper() in US_FLOW_UNITS

    def link_coords(self):
        """(coords, offsets) of every link drawn from its first node through its vertices to its second node."""
        parts, offsets = [], [0]
        for k in range(len(self.link_id)):
            pts = [self.node_xy[self.link_node1[k]]]
            if k in self.vertices:
                pts.extend(self.vertices[k])
            pts.append(self.node_xy[self.link_node2[k]])
            arr = np.asarray(pts, np.float64).reshape(-1, 2)
            parts.append(arr)
            offsets.append(offsets[-1] + len(arr))
        coords = np.concatenate(parts) if parts else np.zeros((0, 2))
        return coords, np.asarray(offsets, np.int64)


def _sections(text):
    current, out = None, {}
    for raw in text.splitlines():
        line = raw.split(';', 1)[0].strip()
        if not line:
            continue
        if line.startswith('['):
            current = line.strip('[]').strip().upper()
            out.setdefault(current, [])
            continue
        if current is not None:
            out[current].append(line)
    return out


def _float(value, default=np.nan):
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def read_inp(path_or_text):
    """An InpNetwork from a file path or the text of an .inp file. Raises InpError on a file without links."""
    text = path_or_text
    if '\n' not in str(path_or_text):
        with open(path_or_text, encoding='utf-8', errors='replace') as handle:
            text = handle.read()
    sections = _sections(text)
    if not any(sections.get(name) for name in ('PIPES', 'PUMPS', 'VALVES')):
        raise InpError('no [PIPES], [PUMPS] or [VALVES] section with links')
    units = 'GPM'
    for line in sections.get('OPTIONS', ()):
        words = line.split()
        if words[0].upper() == 'UNITS' and len(words) > 1:
            units = words[1].upper()
    length_factor = FOOT_M if units in US_FLOW_UNITS else 1.0
    diameter_factor = INCH_MM if units in US_FLOW_UNITS else 1.0
    node_id, node_type, elevation, demand = [], [], [], []
    for line in sections.get('JUNCTIONS', ()):
        w = line.split()
        node_id.append(w[0])
        node_type.append('junction')
        elevation.append(_float(w[1] if len(w) > 1 else None, 0.0) * length_factor)
        demand.append(_float(w[2] if len(w) > 2 else None, 0.0))
    for line in sections.get('RESERVOIRS', ()):
        w = line.split()
        node_id.append(w[0])
        node_type.append('reservoir')
        elevation.append(_float(w[1] if len(w) > 1 else None, 0.0) * length_factor)
        demand.append(0.0)
    for line in sections.get('TANKS', ()):
        w = line.split()
        node_id.append(w[0])
        node_type.append('tank')
        elevation.append(_float(w[1] if len(w) > 1 else None, 0.0) * length_factor)
        demand.append(0.0)
    index = {n: i for i, n in enumerate(node_id)}
    # [DEMANDS] replaces a junction's demand from [JUNCTIONS] with the sum of its categories (EPANET 2).
    categories = {}
    for line in sections.get('DEMANDS', ()):
        w = line.split()
        if len(w) >= 2 and w[0] in index:
            categories[w[0]] = categories.get(w[0], 0.0) + _float(w[1], 0.0)
    for name, value in categories.items():
        demand[index[name]] = value
    xy = np.full((len(node_id), 2), np.nan)
    for line in sections.get('COORDINATES', ()):
        w = line.split()
        if len(w) >= 3 and w[0] in index:
            xy[index[w[0]]] = (_float(w[1]), _float(w[2]))
    link_id, link_type, n1, n2, length, diameter, status, vtype = [], [], [], [], [], [], [], []
    for section, kind in (('PIPES', 'pipe'), ('PUMPS', 'pump'), ('VALVES', 'valve')):
        for line in sections.get(section, ()):
            w = line.split()
            if len(w) < 3:
                raise InpError('[{}] line without two nodes: {}'.format(section, line))
            for node in w[1:3]:
                if node not in index:
                    raise InpError('link {} uses the unknown node {}'.format(w[0], node))
            link_id.append(w[0])
            link_type.append(kind)
            n1.append(index[w[1]])
            n2.append(index[w[2]])
            if kind == 'pipe':
                length.append(_float(w[3] if len(w) > 3 else None) * length_factor)
                diameter.append(_float(w[4] if len(w) > 4 else None) * diameter_factor)
                status.append(w[7].lower() if len(w) > 7 else 'open')
                vtype.append('')
            elif kind == 'valve':
                length.append(np.nan)
                diameter.append(_float(w[3] if len(w) > 3 else None) * diameter_factor)
                status.append('')
                vtype.append(w[4].upper() if len(w) > 4 else '')
            else:
                length.append(np.nan)
                diameter.append(np.nan)
                status.append('')
                vtype.append('')
    link_index = {name: k for k, name in enumerate(link_id)}
    vertices = {}
    for line in sections.get('VERTICES', ()):
        w = line.split()
        if len(w) >= 3 and w[0] in link_index:
            vertices.setdefault(link_index[w[0]], []).append((_float(w[1]), _float(w[2])))
    title = ' '.join(sections.get('TITLE', [])[:1])
    return InpNetwork(title, units, node_id, node_type, xy, np.asarray(elevation), np.asarray(demand), link_id,
                      link_type, np.asarray(n1, np.int64), np.asarray(n2, np.int64), np.asarray(length),
                      np.asarray(diameter), status, vtype, {k: np.asarray(v) for k, v in vertices.items()})
