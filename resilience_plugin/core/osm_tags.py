"""OpenStreetMap tags to rows of the planning database: pure Python, no Qt and no QGIS.

``classify(tags, kind)`` tells which layers of the planning database an OSM object belongs to and
with which attributes. The QGIS side (processing/import_osm.py) reads the objects, turns their
geometries into the shape each layer needs and writes the rows.

Remarks are ``(template, args)`` pairs; the template is marked with ``N_`` and translated where
the row is written.
"""
import math
import re
from collections import namedtuple

from ..definitions import (DEFAULT_RISK_GRADE_BY_KIND, LAYERS_BY_NAME, N_, OSM_HIGHWAY_CLASS,
                           OSM_MIN_PITCH_AREA_M2, ROAD_SPEED_KMH, WALK_SPEED_KMH)

# How an OSM object is drawn: a node, a way of the lines layer (open or closed), an area.
POINT, LINE, AREA = 'point', 'line', 'area'

# Columns of OGR's OSM layers (and of common OSM exports) that are not tags.
NON_TAG_FIELDS = frozenset(('osm_id', 'osm_way_id', 'osm_type', 'other_tags', 'z_order', 'fid', 'ogc_fid',
                            'full_id'))

# One row to write: the target layer, its attributes, remarks and, for some sites, a minimum area.
Target = namedtuple('Target', 'layer values remarks min_area_m2', defaults=((), None))

# ---------------------------------------------------------------------------------------------
# other_tags and values
# ---------------------------------------------------------------------------------------------

_QUOTED = r'"((?:[^"\\]|\\.)*)"'
_PAIR = re.compile(_QUOTED + r'\s*=>\s*(?:' + _QUOTED + r'|NULL)')
_ESCAPE = re.compile(r'\\(.)')
_NUMBER = re.compile(r'[-+]?\d+(?:[.,]\d+)?')


def parse_other_tags(text):
    """The tags of an hstore-like string ``"k"=>"v","k2"=>"v2"`` (escaped quotes and backslashes allowed).

    Pairs that cannot be read are left out; NULL values are dropped.
    """
    tags = {}
    for match in _PAIR.finditer(text or ''):
        key, value = match.group(1), match.group(2)
        if value is not None:
            tags[_ESCAPE.sub(r'\1', key)] = _ESCAPE.sub(r'\1', value)
    return tags


def _number(text):
    """The first number in ``text`` (decimal comma allowed), or None."""
    match = _NUMBER.search(text or '')
    return float(match.group().replace(',', '.')) if match else None


def _field_range(layer, name, value):
    """``value`` if it lies within the range definitions give the field, else None."""
    spec = LAYERS_BY_NAME[layer].field(name)
    low = -math.inf if spec.minimum is None else spec.minimum
    high = math.inf if spec.maximum is None else spec.maximum
    return value if value is not None and low <= value <= high else None


MPH = 1.609344
# Speed limits written as a rule rather than a number (OSM "implicit maxspeed" values), km/h.
IMPLICIT_MAXSPEED_KMH = {
    'walk': WALK_SPEED_KMH, 'walking': WALK_SPEED_KMH, 'living_street': 20.0,
    'gb:nsl_single': 60 * MPH, 'gb:nsl_dual': 70 * MPH, 'gb:motorway': 70 * MPH, 'gb:nsl_restricted': 30 * MPH,
    'fi:urban': 50.0, 'fi:rural': 80.0, 'fi:motorway': 120.0,
    'de:urban': 50.0, 'de:rural': 100.0, 'de:living_street': 7.0,
    'cn:urban': 50.0, 'cn:rural': 70.0, 'cn:motorway': 120.0,
}
_SPEED = re.compile(r'(\d+(?:[.,]\d+)?)\s*(km/h|kmh|kph|mph|knots)?')
_ZONE = re.compile(r'(?:([a-z]{2}):)?zone:?(\d+)')


def _one_speed(text):
    text = text.strip().lower()
    if text in IMPLICIT_MAXSPEED_KMH:
        return IMPLICIT_MAXSPEED_KMH[text]
    zone = _ZONE.fullmatch(text)
    if zone:
        return float(zone.group(2)) * (MPH if zone.group(1) in ('gb', 'us') else 1.0)
    match = _SPEED.fullmatch(text)
    if not match:
        return None
    value = float(match.group(1).replace(',', '.'))
    unit = match.group(2)
    return value * MPH if unit == 'mph' else value * 1.852 if unit == 'knots' else value


def parse_maxspeed(text):
    """km/h of an OSM maxspeed ('50', '30 mph', 'walk', 'GB:nsl_single', 'DE:zone30'); the lowest of
    ';'-separated values; None when no speed can be read ('none', 'signals', garbage)."""
    speeds = [s for s in (_one_speed(part) for part in (text or '').split(';')) if s]
    return min(speeds) if speeds else None


def parse_voltage_kv(text):
    """Highest voltage in kV of an OSM voltage (volts, ';'-separated), or None."""
    volts = [_number(part) for part in (text or '').split(';')]
    volts = [v for v in volts if v is not None and v > 0]
    return max(volts) / 1000.0 if volts else None


_FEET = re.compile(r"(\d+(?:\.\d+)?)\s*'\s*(?:(\d+(?:\.\d+)?)\s*\")?")


def parse_length_m(text):
    """Metres of an OSM length ('7', '7 m', '18 meters', '12 ft', "6'3\""), or None."""
    text = (text or '').strip().lower()
    feet = _FEET.fullmatch(text)
    if feet:
        return float(feet.group(1)) * 0.3048 + float(feet.group(2) or 0) * 0.0254
    value = _number(text)
    if value is None:
        return None
    if text.endswith(('ft', 'feet', 'foot')):
        return value * 0.3048
    if text.endswith('km'):
        return value * 1000.0
    return value


def parse_diameter_mm(text):
    """Millimetres of an OSM diameter (mm by default; '4"' and '4 in' are inches, '0.3 m' metres)."""
    text = (text or '').strip().lower()
    value = _number(text)
    if value is None:
        return None
    if text.endswith(('"', 'in', 'inch', 'inches')):
        return value * 25.4
    if text.endswith('cm'):
        return value * 10.0
    if text.endswith('m') and not text.endswith('mm'):
        return value * 1000.0
    return value


_PRESSURE_TO_MPA = (('mpa', 1.0), ('kpa', 0.001), ('mbar', 0.0001), ('psi', 0.00689476), ('bar', 0.1))


def parse_pressure_mpa(text):
    """MPa of an OSM pressure (bar by default; 'MPa', 'kPa', 'mbar', 'psi' understood), or None."""
    text = (text or '').strip().lower()
    value = _number(text)
    if value is None:
        return None
    factor = next((f for unit, f in _PRESSURE_TO_MPA if text.endswith(unit)), 0.1)
    return value * factor


# GB 50028 gas pressure classes: (upper bound in MPa, class); the lower bound is the previous row's.
GAS_PRESSURE_LIMITS_MPA = ((0.01, 'low'), (0.2, 'medium_b'), (0.4, 'medium_a'), (0.8, 'sub_high_b'),
                           (1.6, 'sub_high_a'), (2.5, 'high_b'), (4.0, 'high_a'))


def gas_pressure_class(mpa):
    """The GB 50028 class of a gas pressure in MPa; None above 4.0 MPa (outside town gas) or unknown."""
    if mpa is None or mpa < 0:
        return None
    if mpa < GAS_PRESSURE_LIMITS_MPA[0][0]:
        return 'low'
    for limit, name in GAS_PRESSURE_LIMITS_MPA[1:]:
        if mpa <= limit:
            return name
    return None


def parse_count(text):
    """A non-negative whole number (capacity, beds), or None."""
    value = _number(text)
    return int(value) if value is not None and value >= 0 else None


def parse_levels(text):
    """Floors from building:levels; a partial level ('4.5') counts as a floor."""
    value = _number(text)
    return int(math.ceil(value)) if value is not None and value >= 0 else None


_YEAR = re.compile(r'\b(1\d{3}|20\d{2})\b')


def parse_year(text):
    """The first four-digit year in an OSM date ('1928', '1928-05-01', '~1930'), or None."""
    match = _YEAR.search(text or '')
    return int(match.group(1)) if match else None


# ---------------------------------------------------------------------------------------------
# Vocabularies
# ---------------------------------------------------------------------------------------------

# highway=* values that are not a usable way: lifecycle values and things drawn as ways by mistake.
SKIPPED_HIGHWAYS = frozenset(('proposed', 'planned', 'abandoned', 'disused', 'dismantled', 'razed', 'demolished',
                              'removed', 'platform', 'bus_stop', 'rest_area', 'services', 'no'))

# Tag words (substance=*, pumping_station=*, manhole=* ...) to network types.
NETWORK_WORDS = {
    'water': 'water_supply', 'drinking_water': 'water_supply', 'water_supply': 'water_supply',
    'sewage': 'drainage', 'sewer': 'drainage', 'wastewater': 'drainage', 'rainwater': 'drainage',
    'storm_water': 'drainage', 'stormwater': 'drainage', 'drain': 'drainage', 'drainage': 'drainage',
    'gas': 'gas', 'natural_gas': 'gas', 'lpg': 'gas', 'cng': 'gas', 'biogas': 'gas',
    'heat': 'heating', 'heating': 'heating', 'hot_water': 'heating', 'steam': 'heating',
    'oil': 'industrial', 'fuel': 'industrial', 'petroleum': 'industrial', 'diesel': 'industrial',
    'chemicals': 'industrial', 'other': 'industrial',
    'telecom': 'telecom', 'telecommunication': 'telecom', 'telephone': 'telecom',
    'power': 'power', 'electricity': 'power',
}

MATERIALS = {
    'steel': 'steel', 'concrete': 'concrete', 'reinforced_concrete': 'reinforced_concrete', 'clay': 'clay',
    'pe': 'pe', 'polyethylene': 'pe', 'hdpe': 'hdpe', 'pvc': 'upvc', 'upvc': 'upvc', 'cast_iron': 'cast_iron',
    'ductile_iron': 'ductile_iron', 'copper': 'copper', 'aluminium': 'aluminium', 'aluminum': 'aluminium',
    'optical_fibre': 'optical_fibre', 'fibre': 'optical_fibre',
}

BURIAL_BY_LOCATION = {'underground': 'direct', 'underwater': 'direct', 'overground': 'surface',
                      'surface': 'surface', 'ground': 'surface', 'overhead': 'overhead'}

POWER_NODES = {'substation': 'substation', 'transformer': 'transformer', 'tower': 'tower_pole',
               'pole': 'tower_pole'}

FACILITY_BY_AMENITY = {'fire_station': 'fire_station', 'hospital': 'hospital', 'police': 'police'}

SHELTER_TYPES = frozenset(('bomb_shelter', 'bomb', 'emergency', 'evacuation', 'civil_protection'))
EMERGENCY_SHELTER_VALUES = frozenset(('assembly_point', 'shelter', 'shelter_area', 'waiting_area'))

CANDIDATE_BY_AMENITY = {'community_centre': 'community_centre', 'school': 'school', 'college': 'school',
                        'university': 'school'}
CANDIDATE_BY_LEISURE = {'park': 'park', 'recreation_ground': 'park', 'common': 'park', 'village_green': 'park',
                        'sports_centre': 'sports', 'stadium': 'sports', 'pitch': 'sports'}
CANDIDATE_BY_LANDUSE = {'recreation_ground': 'park', 'village_green': 'park'}

GAS_CONTENTS = frozenset(('gas', 'natural_gas', 'lpg', 'cng', 'lng', 'biogas', 'propane', 'butane',
                          'hydrogen'))
CHEMICAL_CONTENTS = frozenset(('oil', 'fuel', 'petroleum', 'diesel', 'gasoline', 'petrol', 'kerosene',
                               'chemicals', 'chemical', 'ammonia', 'chlorine', 'acid'))
CHEMICAL_INDUSTRIES = frozenset(('chemical', 'oil', 'refinery', 'petroleum_terminal', 'fuel_depot',
                                 'oil_storage', 'fertiliser', 'fertilizer'))
CHEMICAL_HAZARDS = frozenset(('chemical', 'explosive', 'explosives', 'toxic', 'flammable', 'contamination'))
OTHER_HAZARDS = frozenset(('nuclear', 'radiation', 'biohazard'))

BUILDING_USE = {
    'residential': ('residential', 'house', 'apartments', 'detached', 'semidetached_house', 'terrace',
                    'bungalow', 'dormitory', 'farm', 'cabin', 'houseboat', 'static_caravan', 'block'),
    'commercial': ('commercial', 'retail', 'office', 'supermarket', 'hotel', 'kiosk', 'shop'),
    'industrial': ('industrial', 'warehouse', 'factory', 'manufacture', 'storage_tank'),
    'school': ('school', 'kindergarten', 'college', 'university'),
    'hospital': ('hospital',),
    'public': ('public', 'civic', 'government', 'townhall', 'fire_station', 'police', 'train_station',
               'transportation', 'church', 'chapel', 'cathedral', 'mosque', 'temple', 'synagogue',
               'religious', 'museum', 'library', 'sports_hall', 'stadium', 'community_centre'),
}
USE_BY_BUILDING = {value: use for use, values in BUILDING_USE.items() for value in values}
USE_BY_AMENITY = {'school': 'school', 'kindergarten': 'school', 'college': 'school', 'university': 'school',
                  'hospital': 'hospital', 'townhall': 'public', 'library': 'public', 'courthouse': 'public',
                  'fire_station': 'public', 'police': 'public', 'community_centre': 'public',
                  'place_of_worship': 'public'}

YES = frozenset(('yes', 'true', '1', 'designated'))

# ---------------------------------------------------------------------------------------------
# Remarks written with the rows
# ---------------------------------------------------------------------------------------------

REMARK_NETWORK_ASSUMED = N_('Network not tagged in OpenStreetMap; assumed: {}.')
REMARK_DEFAULT_GRADE = N_('Risk grade is the default of its kind; assess the site.')
REMARK_NO_ACCESS = N_('Closed to traffic (access=no).')
REMARK_UNDER_CONSTRUCTION = N_('Under construction.')


def _network(words, default):
    """Network type named by the first word of ``words`` that is known; else ``default``, flagged as assumed.

    Values like 'gas_topology' or 'suspected_gas' are understood by their parts.
    """
    for word in words:
        word = (word or '').strip().lower()
        if not word:
            continue
        for part in (word, *re.split(r'[_;:\s]+', word)):
            if part in NETWORK_WORDS:
                return NETWORK_WORDS[part], ()
    return default, ((REMARK_NETWORK_ASSUMED, (default,)),)


# ---------------------------------------------------------------------------------------------
# Themes: theme(tags, kind) returns one Target or None
# ---------------------------------------------------------------------------------------------

def _one_way(tags, highway):
    value = tags.get('oneway', '').lower()
    if value in ('yes', 'true', '1'):
        return 1
    if value in ('-1', 'reverse'):
        return -1
    if value in ('no', 'false', '0'):
        return 0
    return 1 if tags.get('junction') in ('roundabout', 'circular') or highway == 'motorway' else 0


def _closed_to_all(tags):
    """access=no without any mode (foot, vehicles, emergency services) let through."""
    if tags.get('access') != 'no':
        return False
    modes = ('foot', 'bicycle', 'vehicle', 'motor_vehicle', 'motorcar', 'psv', 'bus', 'emergency')
    return not any(tags.get(mode) in YES | {'permissive', 'destination'} for mode in modes)


def road(tags, kind):
    """highway=* ways to road_network."""
    highway = tags.get('highway')
    if not highway or highway in SKIPPED_HIGHWAYS:
        return None
    under_construction = highway == 'construction'
    road_class = OSM_HIGHWAY_CLASS.get(tags.get('construction') if under_construction else highway, 'other')
    speed = _field_range('road_network', 'speed_kmh', parse_maxspeed(tags.get('maxspeed')))
    remarks = ((REMARK_UNDER_CONSTRUCTION, ()),) if under_construction else ()
    closed = _closed_to_all(tags)
    if closed:
        remarks += ((REMARK_NO_ACCESS, ()),)
    return Target('road_network', {
        'name': tags.get('name'), 'road_class': road_class,
        'speed_kmh': speed or ROAD_SPEED_KMH[road_class], 'one_way': _one_way(tags, highway),
        'passable': not (under_construction or closed),
        'width_m': _field_range('road_network', 'width_m', parse_length_m(tags.get('width'))),
    }, remarks)


def _material(tags):
    value = tags.get('material')
    return MATERIALS.get(value.lower(), 'other') if value else 'unknown'


def _line_common(tags, burial_default):
    return {
        'name': tags.get('name'), 'operator': tags.get('operator'), 'material': _material(tags),
        'burial_type': BURIAL_BY_LOCATION.get(tags.get('location'), burial_default),
    }


def lifeline(tags, kind):
    """Power lines and cables, pipelines, telecom lines to lifelines."""
    power = tags.get('power')
    if power in ('line', 'minor_line', 'cable'):
        values = _line_common(tags, 'unknown' if power == 'cable' else 'overhead')
        values.update(network='power', subtype=power,
                      voltage_kv=_field_range('lifelines', 'voltage_kv', parse_voltage_kv(tags.get('voltage'))))
        return Target('lifelines', values)
    if tags.get('man_made') == 'pipeline':
        network, remarks = _network((tags.get('substance'),), 'industrial')
        values = _line_common(tags, 'unknown')
        pressure = gas_pressure_class(parse_pressure_mpa(tags.get('pressure'))) if network == 'gas' else None
        values.update(network=network, subtype='pipeline', pressure_class=pressure,
                      diameter_mm=_field_range('lifelines', 'diameter_mm', parse_diameter_mm(tags.get('diameter'))))
        return Target('lifelines', values, remarks)
    if tags.get('telecom') in ('line', 'cable') or tags.get('communication') == 'line':
        values = _line_common(tags, 'unknown')
        values.update(network='telecom', subtype=tags.get('telecom') or 'line')
        return Target('lifelines', values)
    return None


def _node_kind(tags):
    """(node kind, network, remarks) of a lifeline node, or None."""
    if tags.get('power') in POWER_NODES:
        return POWER_NODES[tags['power']], 'power', ()
    if tags.get('emergency') == 'fire_hydrant':
        return 'hydrant', 'water_supply', ()
    if tags.get('pipeline') == 'substation':
        return ('regulator',) + _network((tags.get('substance'), tags.get('utility')), 'gas')
    if tags.get('pipeline') == 'valve' or 'valve' in tags:
        return ('valve',) + _network((tags.get('substance'),), 'water_supply')
    if tags.get('man_made') == 'pumping_station' or 'pumping_station' in tags:
        return ('pump_station',) + _network((tags.get('substance'), tags.get('pumping_station')), 'water_supply')
    if tags.get('manhole') not in (None, 'no'):
        return ('manhole',) + _network((tags.get('manhole'), tags.get('substance')), 'drainage')
    return None


def lifeline_node(tags, kind):
    """Substations, transformers, towers and poles, hydrants, valves, pump stations, manholes."""
    found = _node_kind(tags)
    if found is None:
        return None
    node_kind, network, remarks = found
    return Target('lifeline_nodes', {'node_kind': node_kind, 'network': network, 'name': tags.get('name')},
                  remarks)


def facility(tags, kind):
    """Fire stations, hospitals, ambulance stations and police stations."""
    found = FACILITY_BY_AMENITY.get(tags.get('amenity'))
    if found is None and tags.get('healthcare') == 'hospital':
        found = 'hospital'
    if found is None and tags.get('emergency') == 'ambulance_station':
        found = 'ems_station'
    if found is None:
        return None
    capacity = parse_count(tags.get('beds')) if found == 'hospital' else None
    return Target('facilities', {'facility_kind': found, 'name': tags.get('name'),
                                 'capacity': _field_range('facilities', 'capacity', capacity)})


def is_emergency_shelter(tags):
    """Assembly points, shelters for emergencies and sites tagged to become one (``emergency:*``).

    A plain amenity=shelter is a bus or weather shelter and does not count.
    """
    if tags.get('emergency') in EMERGENCY_SHELTER_VALUES:
        return True
    if tags.get('amenity') == 'shelter' and tags.get('shelter_type') in SHELTER_TYPES:
        return True
    if tags.get('emergency:social_facility') == 'shelter' or tags.get('emergency:amenity') in ('shelter',
                                                                                               'social_facility'):
        return True
    if any(tags.get(key, 'no') != 'no' for key in ('emergency:shelter_area', 'emergency:waiting_area')):
        return True
    emergency_tagged = tags.get('emergency') in YES or any(key.startswith('emergency:') for key in tags)
    return tags.get('social_facility') == 'shelter' and emergency_tagged


def shelter(tags, kind):
    """Emergency shelters and assembly points to shelters (class 'emergency': OSM has no GB 51143 class)."""
    if not is_emergency_shelter(tags):
        return None
    capacity = _field_range('shelters', 'capacity_persons', parse_count(tags.get('capacity')))
    return Target('shelters', {'name': tags.get('name'), 'shelter_class': 'emergency', 'status': 'existing',
                               'capacity_persons': capacity})


def candidate(tags, kind):
    """Community centres, schools, parks and sports grounds that could shelter people.

    Pitches count only as areas of at least OSM_MIN_PITCH_AREA_M2 (the area is checked when written).
    """
    found = (CANDIDATE_BY_AMENITY.get(tags.get('amenity')) or CANDIDATE_BY_LEISURE.get(tags.get('leisure'))
             or CANDIDATE_BY_LANDUSE.get(tags.get('landuse')))
    if found is None:
        return None
    pitch = tags.get('leisure') == 'pitch' and found == 'sports'
    if pitch and kind == POINT:
        return None
    return Target('shelter_candidates', {'name': tags.get('name'), 'candidate_kind': found}, (),
                  OSM_MIN_PITCH_AREA_M2 if pitch else None)


def risk_kind(tags, kind):
    """The risk-source kind of an OSM object, or None."""
    if tags.get('amenity') == 'fuel':
        alternative = any(tags.get(key) in YES for key in ('fuel:lpg', 'fuel:cng', 'fuel:lng'))
        return 'lpg_station' if alternative else 'fuel_station'
    content = (tags.get('content') or tags.get('substance') or '').lower()
    if tags.get('man_made') == 'gasometer' or (tags.get('man_made') == 'storage_tank' and content in GAS_CONTENTS):
        return 'gas_facility'
    industrial = tags.get('industrial')
    if industrial == 'gas':
        return 'gas_facility'
    if (industrial in CHEMICAL_INDUSTRIES or tags.get('hazard') in CHEMICAL_HAZARDS
            or (tags.get('man_made') == 'storage_tank' and content in CHEMICAL_CONTENTS)):
        return 'hazardous_chemical'
    if tags.get('hazard') in OTHER_HAZARDS:
        return 'other'
    if tags.get('landuse') == 'industrial' and kind != POINT:
        return 'industrial'
    return None


def risk(tags, kind):
    """Fuel and LPG stations, gas facilities, chemical sites, industrial land; graded by kind by default."""
    found = risk_kind(tags, kind)
    if found is None:
        return None
    layer = 'risk_sources' if kind == POINT else 'risk_source_areas'
    substance = tags.get('substance') or tags.get('content')
    return Target(layer, {'name': tags.get('name'), 'kind': found, 'risk_grade': DEFAULT_RISK_GRADE_BY_KIND[found],
                          'substance': substance, 'responsible_unit': tags.get('operator')},
                  ((REMARK_DEFAULT_GRADE, ()),))


def building_use(tags):
    """Building use from building=* and, for building=yes, the amenity, shop or office on it."""
    use = USE_BY_BUILDING.get(tags.get('building'))
    if use is None:
        use = USE_BY_AMENITY.get(tags.get('amenity'))
    if use is None and (tags.get('shop') or tags.get('office')):
        use = 'commercial'
    return use or 'other'


def building(tags, kind):
    """building=* areas to buildings."""
    if tags.get('building') in (None, 'no'):
        return None
    return Target('buildings', {
        'name': tags.get('name'), 'building_use': building_use(tags),
        'floors': _field_range('buildings', 'floors', parse_levels(tags.get('building:levels'))),
        'height_m': _field_range('buildings', 'height_m', parse_length_m(tags.get('height'))),
        'year_built': _field_range('buildings', 'year_built', parse_year(tags.get('start_date'))),
    })


# Themes by how the object is drawn. Ways of the lines layer also get the area themes: a closed way
# tagged power=substation, man_made=gasometer or emergency=assembly_point outlines an area.
THEMES = {
    POINT: (lifeline_node, facility, shelter, candidate, risk),
    LINE: (road, lifeline, lifeline_node, facility, shelter, candidate, risk),
    AREA: (lifeline_node, facility, shelter, candidate, risk, building),
}


def classify(tags, kind):
    """Targets of an OSM object with ``tags`` drawn as ``kind`` (POINT, LINE or AREA), at most one per layer."""
    targets = (theme(tags, kind) for theme in THEMES[kind])
    return [target for target in targets if target is not None]


def literal_defaults(layer):
    """Field defaults of ``layer`` that are plain literals ('text', numbers, true/false), by field name.

    Expression defaults (uuid(), now()) are left to QGIS forms.
    """
    defaults = {}
    for spec in LAYERS_BY_NAME[layer].fields:
        text = spec.default
        if text is None:
            continue
        if len(text) >= 2 and text[0] == text[-1] == "'":
            defaults[spec.name] = text[1:-1]
        elif text in ('true', 'false'):
            defaults[spec.name] = text == 'true'
        elif _NUMBER.fullmatch(text):
            defaults[spec.name] = int(text) if spec.type == 'int' else float(text)
    return defaults
