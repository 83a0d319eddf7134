"""The single source of truth: layer kinds, fields, enumerations and planning standards.

Everything the plugin shows or writes about its data model comes from here: the planning
database schema, attribute forms and value maps, default styles, validation rules, the OSM
import, presets of the coverage algorithms and the citations shown next to them.

This module is pure Python (no Qt) so the core can use the numbers too. Strings meant for
people are wrapped in ``N_()``: they are extracted into ``i18n/*.ts`` and translated where
they are shown (``resilience_plugin.translation.tr``).

Evidence levels follow ../shared/DOMAIN.md: ``C`` confirmed in a source excerpt,
``P`` partly confirmed, ``R`` recalled only (to be checked against the official text).
"""
from dataclasses import dataclass, field
from typing import Optional, Tuple


def N_(text):
    """Mark ``text`` for translation without translating it here (no Qt in this module)."""
    return text


# ---------------------------------------------------------------------------------------------
# Building blocks
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Source:
    """Where a number comes from."""
    citation: str
    evidence: str  # 'C', 'P' or 'R'
    url: str = ''

    def describe(self):
        return '{} [{}]{}'.format(self.citation, self.evidence, ' ' + self.url if self.url else '')


@dataclass(frozen=True)
class Choice:
    code: object
    label: str
    colour: Optional[str] = None
    cn_code: Optional[str] = None  # code of the Chinese census standard where one exists


@dataclass(frozen=True)
class Enumeration:
    name: str
    choices: Tuple[Choice, ...]

    def codes(self):
        return [c.code for c in self.choices]

    def choice(self, code):
        for c in self.choices:
            if c.code == code:
                return c
        raise KeyError('{} is not a value of {}'.format(code, self.name))


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # 'string', 'int', 'double', 'date', 'bool'
    alias: str
    required: bool = False
    unique: bool = False
    enum: Optional[Enumeration] = None
    minimum: Optional[float] = None
    maximum: Optional[float] = None
    default: Optional[str] = None  # a QGIS expression
    length: int = 0
    census: bool = True  # part of the census export schema


@dataclass(frozen=True)
class LayerKind:
    """A layer (or, with geometry 'NoGeometry', a plain table) of the planning database."""
    name: str
    geometry: str  # 'Point', 'LineString', 'MultiPolygon' or 'NoGeometry' (a table)
    title: str
    theme: str
    fields: Tuple[Field, ...]
    style_field: Optional[str] = None  # categorized by this enumeration field
    description: str = ''
    unique_together: Tuple[Tuple[str, ...], ...] = ()  # each tuple: columns unique as a whole
    indexes: Tuple[Tuple[str, ...], ...] = ()          # each tuple: columns of one index (for queries)

    @property
    def spatial(self):
        return self.geometry != 'NoGeometry'

    def field(self, name):
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError('{} has no field {}'.format(self.name, name))

    def field_names(self):
        return [f.name for f in self.fields]


# ---------------------------------------------------------------------------------------------
# Enumerations
# ---------------------------------------------------------------------------------------------

SOURCE_RISK_COLOURS = Source('Risk grading colours used in Chinese safety risk lists (风险分级管控)', 'C',
                             'hjpbs.com/tag/261153')

RISK_GRADE = Enumeration('risk_grade', (
    Choice('major', N_('Major risk (red)'), '#e31a1c'),
    Choice('significant', N_('Significant risk (orange)'), '#ff7f00'),
    Choice('general', N_('General risk (yellow)'), '#ffd700'),
    Choice('low', N_('Low risk (blue)'), '#1f78b4'),
))
DEFAULT_RISK_GRADE = 'general'

HAZARD_LEVEL = Enumeration('hazard_level', (
    Choice(1, N_('Level 1 (R >= 100)')),
    Choice(2, N_('Level 2 (50 <= R < 100)')),
    Choice(3, N_('Level 3 (10 <= R < 50)')),
    Choice(4, N_('Level 4 (R < 10)')),
))

RISK_SOURCE_KIND = Enumeration('risk_source_kind', (
    Choice('hazardous_chemical', N_('Hazardous-chemical site')),
    Choice('major_hazard', N_('Major hazard installation')),
    Choice('fuel_station', N_('Fuel station')),
    Choice('lpg_station', N_('LPG / CNG station')),
    Choice('gas_facility', N_('Gas facility')),
    Choice('industrial', N_('Industrial site')),
    Choice('other', N_('Other risk source')),
))

# What a target layer of resilience:exposure holds (core.risk.classify_target), in its outputs' target field.
EXPOSURE_TARGET = Enumeration('exposure_target', (
    Choice('lifeline', N_('Lifelines and roads')),
    Choice('shelter', N_('Shelters')),
    Choice('facility', N_('Facilities')),
    Choice('building', N_('Buildings')),
    Choice('population', N_('Population')),
    Choice('other', N_('Other sites')),
))

NETWORK_TYPE = Enumeration('network_type', (
    Choice('water_supply', N_('Water supply'), '#1e90ff', 'JS'),
    Choice('drainage', N_('Drainage'), '#8b4513', 'PS'),
    Choice('gas', N_('Gas'), '#ff1493', 'RQ'),
    Choice('power', N_('Power'), '#e31a1c', 'DL'),
    Choice('heating', N_('Heating'), '#ff8c00', 'RL'),
    Choice('telecom', N_('Telecom'), '#2ca02c', 'TX'),
    Choice('road', N_('Road'), '#7f7f7f', 'DLU'),
    Choice('industrial', N_('Industrial pipeline'), '#000000', 'GY'),
))
SOURCE_NETWORK_COLOURS = Source('Conventional pipeline colours of city pipeline maps (CJJ 61 practice); '
                                'network codes JS/PS/RQ/DL/RL/TX/GY from CJJ 61', 'P',
                                'm.wenke99.com/p-3450855.html')

MATERIAL = Enumeration('material', (
    Choice('concrete', N_('Concrete')),
    Choice('reinforced_concrete', N_('Reinforced concrete')),
    Choice('clay', N_('Clay')),
    Choice('pe', N_('PE')),
    Choice('hdpe', N_('HDPE')),
    Choice('upvc', N_('UPVC')),
    Choice('cast_iron', N_('Cast iron')),
    Choice('ductile_iron', N_('Ductile iron')),
    Choice('steel', N_('Steel')),
    Choice('copper', N_('Copper')),
    Choice('aluminium', N_('Aluminium')),
    Choice('optical_fibre', N_('Optical fibre')),
    Choice('other', N_('Other')),
    Choice('unknown', N_('Unknown')),
))

GAS_PRESSURE_CLASS = Enumeration('pressure_class', (
    Choice('low', N_('Low (P < 0.01 MPa)')),
    Choice('medium_b', N_('Medium B (0.01-0.2 MPa)')),
    Choice('medium_a', N_('Medium A (0.2-0.4 MPa)')),
    Choice('sub_high_b', N_('Sub-high B (0.4-0.8 MPa)')),
    Choice('sub_high_a', N_('Sub-high A (0.8-1.6 MPa)')),
    Choice('high_b', N_('High B (1.6-2.5 MPa)')),
    Choice('high_a', N_('High A (2.5-4.0 MPa)')),
))
SOURCE_GAS_PRESSURE = Source('GB 50028 gas pressure classes', 'C', 'm.06v13.cn')

CONDITION = Enumeration('condition', (
    Choice('good', N_('Good'), '#1a9641'),
    Choice('fair', N_('Fair'), '#a6d96a'),
    Choice('poor', N_('Poor'), '#fdae61'),
    Choice('critical', N_('Critical'), '#d7191c'),
    Choice('unknown', N_('Unknown'), '#bdbdbd'),
))

DATA_SOURCE = Enumeration('data_source', (
    Choice('survey', N_('Field survey')),
    Choice('as_built', N_('As-built drawing')),
    Choice('design', N_('Design drawing')),
    Choice('inferred', N_('Inferred')),
    Choice('osm', N_('OpenStreetMap')),
    Choice('other', N_('Other')),
))

ASSET_STATUS = Enumeration('asset_status', (
    Choice('in_use', N_('In use')),
    Choice('planned', N_('Planned')),
    Choice('under_construction', N_('Under construction')),
    Choice('abandoned', N_('Abandoned')),
    Choice('unknown', N_('Unknown')),
))

BURIAL_TYPE = Enumeration('burial_type', (
    Choice('direct', N_('Directly buried')),
    Choice('duct', N_('Duct / conduit')),
    Choice('tunnel', N_('Utility tunnel')),
    Choice('overhead', N_('Overhead')),
    Choice('surface', N_('On surface')),
    Choice('unknown', N_('Unknown')),
))

NODE_KIND = Enumeration('node_kind', (
    Choice('valve', N_('Valve'), '#1e90ff'),
    Choice('hydrant', N_('Fire hydrant'), '#e31a1c'),
    Choice('manhole', N_('Manhole'), '#8b4513'),
    Choice('pump_station', N_('Pump station'), '#6a3d9a'),
    Choice('substation', N_('Substation'), '#ff7f00'),
    Choice('transformer', N_('Transformer'), '#fdbf6f'),
    Choice('tower_pole', N_('Tower / pole'), '#636363'),
    Choice('regulator', N_('Pressure regulator station'), '#ff1493'),
    Choice('switch', N_('Switch / breaker'), '#b15928'),
    Choice('water_source', N_('Water works / reservoir / tank'), '#08519c'),
    Choice('other', N_('Other node'), '#bdbdbd'),
))

ROAD_CLASS = Enumeration('road_class', (
    Choice('expressway', N_('Expressway'), '#e31a1c'),
    Choice('arterial', N_('Arterial road'), '#ff7f00'),
    Choice('secondary', N_('Secondary road'), '#ffd700'),
    Choice('branch', N_('Branch road'), '#969696'),
    Choice('service', N_('Service / access road'), '#bdbdbd'),
    Choice('pedestrian', N_('Pedestrian way'), '#a6cee3'),
    Choice('cycleway', N_('Cycleway'), '#b2df8a'),
    Choice('other', N_('Other way'), '#d9d9d9'),
))

# Design speeds by road class (CJJ 37-2012 城市道路工程设计规范, middle value) in km/h; walking 5 km/h.
SOURCE_ROAD_SPEED = Source('CJJ 37-2012 design speeds: expressway 60-100, arterial 40-60, secondary 30-50, '
                           'branch 20-40 km/h (middle values taken)', 'R')
ROAD_SPEED_KMH = {
    'expressway': 80.0, 'arterial': 50.0, 'secondary': 40.0, 'branch': 30.0,
    'service': 20.0, 'pedestrian': 5.0, 'cycleway': 15.0, 'other': 20.0,
}
WALK_SPEED_KMH = 5.0
SOURCE_WALK_SPEED = Source('GB 50413-2007: 500 m is about a 10-minute walk (3 km/h); 5 km/h is the usual '
                           'planning walking speed', 'P', 'dybbs8.com/tongji2/4828985.html')

# OpenStreetMap highway=* to road class.
OSM_HIGHWAY_CLASS = {
    'motorway': 'expressway', 'motorway_link': 'expressway', 'trunk': 'expressway', 'trunk_link': 'expressway',
    'primary': 'arterial', 'primary_link': 'arterial',
    'secondary': 'secondary', 'secondary_link': 'secondary', 'tertiary': 'secondary', 'tertiary_link': 'secondary',
    'residential': 'branch', 'unclassified': 'branch', 'living_street': 'branch', 'road': 'branch',
    'service': 'service', 'track': 'service',
    'pedestrian': 'pedestrian', 'footway': 'pedestrian', 'path': 'pedestrian', 'steps': 'pedestrian',
    'bridleway': 'pedestrian', 'corridor': 'pedestrian',
    'cycleway': 'cycleway',
}

SHELTER_CLASS = Enumeration('shelter_class', (
    Choice('emergency', N_('Emergency shelter'), '#b2df8a'),
    Choice('fixed_short', N_('Fixed shelter, short-term'), '#33a02c'),
    Choice('fixed_mid', N_('Fixed shelter, medium-term'), '#1f78b4'),
    Choice('fixed_long', N_('Fixed shelter, long-term'), '#6a3d9a'),
    Choice('central', N_('Central shelter'), '#e31a1c'),
))

SHELTER_STATUS = Enumeration('shelter_status', (
    Choice('existing', N_('Existing')),
    Choice('planned', N_('Planned')),
    Choice('under_construction', N_('Under construction')),
    Choice('closed', N_('Closed')),
))

CANDIDATE_KIND = Enumeration('candidate_kind', (
    Choice('community_centre', N_('Community centre'), '#ff7f00'),
    Choice('school', N_('School'), '#1f78b4'),
    Choice('park', N_('Park / open space'), '#33a02c'),
    Choice('sports', N_('Sports ground'), '#6a3d9a'),
    Choice('other', N_('Other candidate'), '#bdbdbd'),
))

FACILITY_KIND = Enumeration('facility_kind', (
    Choice('fire_station', N_('Fire station'), '#e31a1c'),
    Choice('hospital', N_('Hospital'), '#1f78b4'),
    Choice('ems_station', N_('Ambulance (EMS) station'), '#a6cee3'),
    Choice('supply_depot', N_('Emergency supply depot'), '#ff7f00'),
    Choice('police', N_('Police station'), '#6a3d9a'),
    Choice('other', N_('Other facility'), '#bdbdbd'),
))

BUILDING_USE = Enumeration('building_use', (
    Choice('residential', N_('Residential'), '#fdbf6f'),
    Choice('commercial', N_('Commercial'), '#fb9a99'),
    Choice('industrial', N_('Industrial'), '#cab2d6'),
    Choice('public', N_('Public'), '#a6cee3'),
    Choice('school', N_('School'), '#1f78b4'),
    Choice('hospital', N_('Hospital'), '#e31a1c'),
    Choice('other', N_('Other / unknown'), '#d9d9d9'),
))

SEVERITY = Enumeration('severity', (
    Choice('error', N_('Error'), '#d7191c'),
    Choice('warning', N_('Warning'), '#fdae61'),
    Choice('info', N_('Information'), '#2c7bb6'),
))

# ---------------------------------------------------------------------------------------------
# Fields and layers of the planning database
# ---------------------------------------------------------------------------------------------

UUID_DEFAULT = "uuid('WithoutBraces')"
TODAY_DEFAULT = 'now()'


def _asset_id():
    return Field('asset_id', 'string', N_('Asset ID'), required=True, unique=True, default=UUID_DEFAULT,
                 length=64)


def _common_tail():
    return (
        Field('owner', 'string', N_('Owner'), length=120),
        Field('data_source', 'string', N_('Data source'), enum=DATA_SOURCE, default="'survey'"),
        Field('source_ref', 'string', N_('Source reference'), length=80),
        Field('updated', 'date', N_('Last updated'), default=TODAY_DEFAULT),
        Field('remarks', 'string', N_('Remarks'), length=254),
    )


RISK_SOURCE_FIELDS = (
    _asset_id(),
    Field('name', 'string', N_('Name'), length=120),
    Field('kind', 'string', N_('Kind of risk source'), required=True, enum=RISK_SOURCE_KIND,
          default="'other'"),
    Field('risk_grade', 'string', N_('Risk grade'), required=True, enum=RISK_GRADE,
          default="'{}'".format(DEFAULT_RISK_GRADE)),
    Field('hazard_level', 'int', N_('Hazard-source level (1-4)'), enum=HAZARD_LEVEL),
    Field('substance', 'string', N_('Main hazardous substance'), length=80),
    Field('quantity_t', 'double', N_('Quantity (t)'), minimum=0, maximum=1e7),
    Field('safety_distance_m', 'double', N_('Safety distance (m)'), minimum=0, maximum=100000),
    Field('responsible_unit', 'string', N_('Responsible unit'), length=120),
    Field('contact', 'string', N_('Contact'), length=80),
) + _common_tail()

LIFELINE_FIELDS = (
    _asset_id(),
    Field('network', 'string', N_('Network type'), required=True, enum=NETWORK_TYPE),
    Field('subtype', 'string', N_('Subtype'), length=60),
    Field('name', 'string', N_('Name'), length=120),
    Field('material', 'string', N_('Material'), enum=MATERIAL, default="'unknown'"),
    Field('diameter_mm', 'double', N_('Diameter (mm)'), minimum=0, maximum=10000),
    Field('pressure_class', 'string', N_('Gas pressure class'), enum=GAS_PRESSURE_CLASS),
    Field('voltage_kv', 'double', N_('Voltage (kV)'), minimum=0, maximum=1200),
    Field('install_year', 'int', N_('Installation year'), minimum=1850, maximum=2100),
    Field('depth_m', 'double', N_('Burial depth (m)'), minimum=-100, maximum=100),
    Field('burial_type', 'string', N_('Burial type'), enum=BURIAL_TYPE, default="'unknown'"),
    Field('condition', 'string', N_('Condition'), enum=CONDITION, default="'unknown'"),
    Field('status', 'string', N_('Status'), enum=ASSET_STATUS, default="'in_use'"),
    Field('operator', 'string', N_('Operator'), length=120),
    Field('road_name', 'string', N_('Road name'), length=120),
) + _common_tail()

LIFELINE_NODE_FIELDS = (
    _asset_id(),
    Field('network', 'string', N_('Network type'), required=True, enum=NETWORK_TYPE),
    Field('node_kind', 'string', N_('Node kind'), required=True, enum=NODE_KIND, default="'other'"),
    Field('name', 'string', N_('Name'), length=120),
    Field('ground_elevation_m', 'double', N_('Ground elevation (m)'), minimum=-500, maximum=9000),
    Field('depth_m', 'double', N_('Depth (m)'), minimum=0, maximum=100),
    Field('install_year', 'int', N_('Installation year'), minimum=1850, maximum=2100),
    Field('condition', 'string', N_('Condition'), enum=CONDITION, default="'unknown'"),
    Field('status', 'string', N_('Status'), enum=ASSET_STATUS, default="'in_use'"),
) + _common_tail()

ROAD_FIELDS = (
    _asset_id(),
    Field('name', 'string', N_('Name'), length=120),
    Field('road_class', 'string', N_('Road class'), required=True, enum=ROAD_CLASS, default="'branch'"),
    Field('speed_kmh', 'double', N_('Speed (km/h)'), minimum=1, maximum=150, default='30'),
    Field('one_way', 'int', N_('One-way (0 no, 1 along, -1 against)'), minimum=-1, maximum=1, default='0'),
    Field('passable', 'bool', N_('Passable'), required=True, default='true'),
    Field('width_m', 'double', N_('Width (m)'), minimum=0, maximum=200),
    Field('evacuation_route', 'bool', N_('Evacuation route'), default='false'),
) + _common_tail()

SHELTER_FIELDS = (
    _asset_id(),
    Field('name', 'string', N_('Name'), length=120),
    Field('shelter_class', 'string', N_('Shelter class'), required=True, enum=SHELTER_CLASS,
          default="'emergency'"),
    Field('effective_area_m2', 'double', N_('Effective area (m2)'), minimum=0, maximum=1e8),
    Field('capacity_persons', 'int', N_('Capacity (persons)'), minimum=0, maximum=10000000),
    Field('status', 'string', N_('Status'), required=True, enum=SHELTER_STATUS, default="'existing'"),
    Field('facilities', 'string', N_('Facilities (water, power, toilets, ...)'), length=254),
    Field('entrances', 'int', N_('Number of entrances'), minimum=0, maximum=100),
    Field('manager', 'string', N_('Manager'), length=120),
) + _common_tail()

CANDIDATE_FIELDS = (
    _asset_id(),
    Field('name', 'string', N_('Name'), length=120),
    Field('candidate_kind', 'string', N_('Kind of candidate site'), required=True, enum=CANDIDATE_KIND,
          default="'other'"),
    Field('effective_area_m2', 'double', N_('Effective area (m2)'), minimum=0, maximum=1e8),
    Field('capacity_persons', 'int', N_('Capacity (persons)'), minimum=0, maximum=10000000),
) + _common_tail()

FACILITY_FIELDS = (
    _asset_id(),
    Field('name', 'string', N_('Name'), length=120),
    Field('facility_kind', 'string', N_('Facility kind'), required=True, enum=FACILITY_KIND,
          default="'fire_station'"),
    Field('capacity', 'int', N_('Capacity (beds, vehicles or units)'), minimum=0, maximum=1000000),
    Field('turnout_min', 'double', N_('Turnout / start delay (min)'), minimum=0, maximum=120),
    Field('status', 'string', N_('Status'), enum=ASSET_STATUS, default="'in_use'"),
) + _common_tail()

POPULATION_FIELDS = (
    _asset_id(),
    Field('population', 'double', N_('Population'), required=True, minimum=0, maximum=1e8, default='0'),
    Field('year', 'int', N_('Reference year'), minimum=1900, maximum=2100),
    Field('district', 'string', N_('District'), length=120),
) + _common_tail()

BUILDING_FIELDS = (
    _asset_id(),
    Field('name', 'string', N_('Name'), length=120),
    Field('building_use', 'string', N_('Building use'), enum=BUILDING_USE, default="'other'"),
    Field('floors', 'int', N_('Floors'), minimum=0, maximum=200),
    Field('height_m', 'double', N_('Height (m)'), minimum=0, maximum=1000),
    Field('year_built', 'int', N_('Year built'), minimum=1000, maximum=2100),
    Field('population', 'double', N_('Estimated residents'), minimum=0, maximum=100000),
) + _common_tail()

THEME_RISK = N_('Risk sources')
THEME_LIFELINES = N_('Lifelines')
THEME_SHELTERS = N_('Shelters')
THEME_FACILITIES = N_('Facilities')
THEME_POPULATION = N_('Population')
THEME_BASE = N_('Base data')
THEME_HAZARDS = N_('Hazards')
THEME_FINDINGS = N_('Census findings')
THEME_COMMUNITY = N_('Community')   # community resilience (issue 13): communities, forces, contacts, dangers
# Layer-tree order of the themes, top (drawn last) to bottom.
THEMES = (THEME_FINDINGS, THEME_COMMUNITY, THEME_FACILITIES, THEME_SHELTERS, THEME_RISK, THEME_HAZARDS,
          THEME_LIFELINES, THEME_BASE, THEME_POPULATION)

LAYERS = (
    LayerKind('risk_sources', 'Point', N_('Risk sources (points)'), THEME_RISK, RISK_SOURCE_FIELDS,
              'risk_grade', N_('Risk points: fuel and LPG stations, gas facilities, chemical storage.')),
    LayerKind('risk_source_areas', 'MultiPolygon', N_('Risk sources (areas)'), THEME_RISK, RISK_SOURCE_FIELDS,
              'risk_grade', N_('Risk sources mapped as site outlines: plants, depots, industrial sites.')),
    LayerKind('lifelines', 'LineString', N_('Lifelines'), THEME_LIFELINES, LIFELINE_FIELDS, 'network',
              N_('Pipelines, cables and lines of the lifeline networks.')),
    LayerKind('lifeline_nodes', 'Point', N_('Lifeline nodes'), THEME_LIFELINES, LIFELINE_NODE_FIELDS,
              'node_kind', N_('Valves, hydrants, manholes, substations, pump stations.')),
    LayerKind('road_network', 'LineString', N_('Road network'), THEME_LIFELINES, ROAD_FIELDS, 'road_class',
              N_('Roads and paths used for access and evacuation.')),
    LayerKind('shelters', 'MultiPolygon', N_('Emergency shelters'), THEME_SHELTERS, SHELTER_FIELDS,
              'shelter_class', N_('Emergency, fixed and central shelters (GB 51143).')),
    LayerKind('shelter_candidates', 'MultiPolygon', N_('Shelter candidate sites'), THEME_SHELTERS,
              CANDIDATE_FIELDS, 'candidate_kind', N_('Community centres, schools and parks that could shelter.')),
    LayerKind('facilities', 'Point', N_('Emergency facilities'), THEME_FACILITIES, FACILITY_FIELDS,
              'facility_kind', N_('Fire stations, hospitals, EMS stations, supply depots.')),
    LayerKind('population', 'MultiPolygon', N_('Population'), THEME_POPULATION, POPULATION_FIELDS, None,
              N_('Population by area unit (grid cells, census units).')),
    LayerKind('population_points', 'Point', N_('Population (points)'), THEME_POPULATION, POPULATION_FIELDS,
              None, N_('Population by point (address points, building centroids).')),
    LayerKind('buildings', 'MultiPolygon', N_('Buildings'), THEME_BASE, BUILDING_FIELDS, 'building_use',
              N_('Building footprints.')),
)
LAYERS_BY_NAME = {k.name: k for k in LAYERS}
# ``LAYERS`` are the layers every planning database has (the first data model). Layers and tables added
# since are listed in DATABASE_KINDS (end of this module): create_planning_database makes them all, and an
# older database gets the ones an algorithm needs when it runs (storage.PlanningStore.ensure).

# Findings written by validate_census (not part of the planning database proper).
FINDING_FIELDS = (
    Field('layer', 'string', N_('Layer'), length=60),
    Field('feature_id', 'int', N_('Feature ID')),
    Field('asset_id', 'string', N_('Asset ID'), length=64),
    Field('rule', 'string', N_('Rule'), length=40),
    Field('severity', 'string', N_('Severity'), enum=SEVERITY),
    Field('message', 'string', N_('Message'), length=254),
)

# ---------------------------------------------------------------------------------------------
# Validation rules (validate_census)
# ---------------------------------------------------------------------------------------------

RULES = {
    'missing_required': ('error', N_('A required attribute is empty')),
    'out_of_domain': ('error', N_('A value is not one of the allowed values')),
    'out_of_range': ('warning', N_('A value is outside its plausible range')),
    'invalid_geometry': ('error', N_('The geometry is invalid')),
    'empty_geometry': ('error', N_('The feature has no geometry')),
    'duplicate_asset_id': ('error', N_('The asset ID is used more than once')),
    'disconnected_segment': ('warning', N_('The segment is not connected to the rest of its network')),
    'far_from_road': ('warning', N_('The site is far from any road')),
}
# Line layers checked for connectivity, with the field that splits them into networks (None: one network).
CONNECTIVITY_LAYERS = (('lifelines', 'network'), ('road_network', None))
# Sites that must be reachable from a passable road.
ROAD_ACCESS_LAYERS = ('shelters', 'shelter_candidates', 'facilities')
# A lifeline endpoint within this distance of another segment of the same network counts as connected.
CONNECT_TOLERANCE_M = 1.0
# Shelters and facilities farther than this from the road network are reported.
MAX_ROAD_ACCESS_M = 100.0
SOURCE_ROAD_ACCESS = Source('Plugin default: a site should be reachable from a road within about 100 m '
                            '(access leg on foot); adjust to the local standard', 'R')

# ---------------------------------------------------------------------------------------------
# Planning standards (presets of the coverage algorithms; ../shared/DOMAIN.md)
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CoveragePreset:
    key: str
    label: str
    facility_layer: str
    max_distance_m: Optional[float] = None
    max_time_min: Optional[float] = None
    speed_kmh: Optional[float] = None
    per_capita_m2: Optional[float] = None
    sources: Tuple[Source, ...] = field(default_factory=tuple)


SRC_GB50413_RADIUS = Source('GB 50413-2007 §8: emergency shelter service radius 500 m (about 10 min walk); '
                            'fixed 2-3 km', 'C', 'dybbs8.com/tongji2/4828985.html')
SRC_GB51143_TABLE = Source('GB 51143-2015 control indicators (evacuation distance per fixed class), '
                           'commonly quoted values, not confirmed', 'R')
SRC_GB51143_PER_CAPITA = Source('GB 51143-2015 per-capita effective area by class, recalled values '
                                '(0.5 / 2.0 / 3.0 / 4.5 m2)', 'R')
SRC_GB21734 = Source('GB 21734-2008 §5.4: per-capita living area > 1.5 m2', 'C',
                     'gf.cabr-fire.com/article-50452.htm')
SRC_FIRE_4MIN = Source('GB 51080-2015 §4.1.3 / 建标152-2017: reach the district edge within 5 min of dispatch '
                       '(1 min turnout + 4 min driving); NFPA 1710 travel <= 240 s', 'C',
                       'jianbiaoku.com/webarbs/book/73741/1635911.shtml')
SRC_FIRE_SPEED = Source('Worked example of the 4-minute rule: 30 km/h gives 2 km driving distance', 'C',
                        '233.com exam notes (2025)')
SRC_EMS_URBAN = Source('NHC 2020 pre-hospital emergency care guidance: urban service radius <= 5 km', 'C',
                       'nanmuxuan.com (2020-09-25 news)')
SRC_LIFE_CIRCLE = Source('GB 50180-2018 community life circles: 5 min 300 m, 10 min 500 m, 15 min 800-1000 m', 'P',
                         'friendpacking.com')

COVERAGE_PRESETS = (
    CoveragePreset('shelter_emergency', N_('Emergency shelter: 500 m walk'), 'shelters',
                   max_distance_m=500.0, per_capita_m2=0.5, sources=(SRC_GB50413_RADIUS, SRC_GB51143_PER_CAPITA)),
    CoveragePreset('shelter_fixed_short', N_('Fixed shelter (short-term): 1,000 m'), 'shelters',
                   max_distance_m=1000.0, per_capita_m2=2.0, sources=(SRC_GB51143_TABLE, SRC_GB51143_PER_CAPITA)),
    CoveragePreset('shelter_fixed_mid', N_('Fixed shelter (medium-term): 1,500 m'), 'shelters',
                   max_distance_m=1500.0, per_capita_m2=3.0, sources=(SRC_GB51143_TABLE, SRC_GB51143_PER_CAPITA)),
    CoveragePreset('shelter_fixed_long', N_('Fixed shelter (long-term): 2,500 m'), 'shelters',
                   max_distance_m=2500.0, per_capita_m2=4.5,
                   sources=(SRC_GB50413_RADIUS, SRC_GB51143_TABLE, SRC_GB51143_PER_CAPITA)),
    CoveragePreset('fire_4min', N_('Fire station: 4-minute drive'), 'facilities',
                   max_time_min=4.0, speed_kmh=30.0, sources=(SRC_FIRE_4MIN, SRC_FIRE_SPEED)),
    CoveragePreset('ems_urban_5km', N_('EMS / hospital: 5 km urban radius'), 'facilities',
                   max_distance_m=5000.0, sources=(SRC_EMS_URBAN,)),
    CoveragePreset('life_circle_15min', N_('15-minute life circle: 1,000 m walk'), 'facilities',
                   max_distance_m=1000.0, sources=(SRC_LIFE_CIRCLE,)),
)
PRESETS_BY_KEY = {p.key: p for p in COVERAGE_PRESETS}

# Shelter capacity from effective area when no capacity is recorded: area / per-capita area of its class.
SHELTER_PER_CAPITA_M2 = {
    'emergency': 0.5, 'fixed_short': 2.0, 'fixed_mid': 3.0, 'fixed_long': 4.5, 'central': 4.5,
}
SOURCE_SHELTER_PER_CAPITA = SRC_GB51143_PER_CAPITA

# Population from building floor area: residential floor area / 36.5 m2 per person (7th census, city households).
M2_PER_PERSON_URBAN_CN = 36.5
SOURCE_M2_PER_PERSON = Source('China 2020 census yearbook: city households 36.52 m2 per person', 'C',
                              '北京日报 2022-06-27')

# --- OSM import defaults ---------------------------------------------------------------------
# Used by resilience:import_osm (core.osm_tags). OSM says what a site is, never how risky it is.

# Risk grade given to a risk source imported from OSM, by kind, until the site is assessed.
SOURCE_DEFAULT_RISK_GRADE = Source(
    'Plugin defaults ordered by ../shared/DOMAIN.md §3: major-hazard installations highest (GB 18218, '
    'SAWS Order 40); LPG/CNG stations, gas facilities and chemical sites next (LPG equipment keeps 100 m '
    'from important public buildings [R] against 50 m for petrol, GB 50156); fuel stations general; '
    'industrial land without a named hazard low. Not a grading: assess each site (LEC or risk matrix)', 'R')
DEFAULT_RISK_GRADE_BY_KIND = {
    'major_hazard': 'major',
    'hazardous_chemical': 'significant',
    'lpg_station': 'significant',
    'gas_facility': 'significant',
    'fuel_station': 'general',
    'industrial': 'low',
    'other': DEFAULT_RISK_GRADE,
}

# Shelters and candidate sites mapped as OSM nodes are written as a circle of this radius around the
# node, so they can sit in the polygon layers; their effective area stays unknown (NULL).
OSM_POINT_SITE_RADIUS_M = 10.0

# A sports pitch counts as a shelter candidate from this area: the smallest emergency evacuation site.
OSM_MIN_PITCH_AREA_M2 = 1000.0
SOURCE_MIN_SITE_AREA = Source('GB 50413-2007: emergency evacuation sites >= 0.1 hm2', 'C',
                              'dybbs8.com/tongji2/4828985.html')

# ---------------------------------------------------------------------------------------------
# Reading layers (issue 9): every reader of the plugin gets points, straight lines and polygons
# ---------------------------------------------------------------------------------------------

# Curved geometries (CircularString, CompoundCurve, CurvePolygon, MultiCurve, MultiSurface) are made
# straight where a layer is read (qgis_io.shapes.linearise): each straight segment spans at most this
# angle of arc. The chord then departs from the arc by at most r (1 - cos(a / 2)), 3.8 mm on a 100 m
# radius, and is shorter than it by a^2 / 24 = 0.0013 %. An angle needs no map unit: the same in metres
# and in degrees.
CURVE_SEGMENT_ANGLE_DEG = 1.0
SOURCE_CURVE_SEGMENT = Source('Plugin default: 1 degree of arc per straight segment keeps a street bend of '
                              '100 m radius within 4 mm of its arc; lengths within 0.002 %', 'R')

# ---------------------------------------------------------------------------------------------
# Coverage engine (issue 3): defaults of the service-area, population-coverage and siting tools
# ---------------------------------------------------------------------------------------------

# Line ends closer than this to another vertex are joined (digitising gaps); OSM shares exact nodes.
NETWORK_SNAP_TOLERANCE_M = 0.5
SOURCE_SNAP_TOLERANCE = Source('Plugin default: half a metre joins digitising gaps without merging '
                               'distinct junctions; set 0 for topologically clean data such as OSM', 'R')
# Service-area polygons: covered network pieces buffered by this distance and dissolved per facility.
SERVICE_AREA_BUFFER_M = 50.0
SOURCE_SERVICE_AREA_BUFFER = Source('Plugin default: about half a street block on each side of a covered '
                                    'street; the polygon is a drawing aid, the lines are the result', 'R')
# Travel speed used with MAX_TIME when neither SPEED_KMH, a speed field nor a preset gives one.
DEFAULT_DRIVE_SPEED_KMH = ROAD_SPEED_KMH['other']
# Demand units farther than this from the network are reported (the access leg is still counted).
DEMAND_FAR_FROM_NETWORK_M = MAX_ROAD_ACCESS_M
# Site selection: number of sites chosen when K is not given.
DEFAULT_SITES_K = 5
# Capacity from area: fields read when a facility's CAPACITY_FIELD is empty (capacity = area / area per
# person of the PRESET, else of the shelter class: SHELTER_PER_CAPITA_M2).
CAPACITY_AREA_FIELD = 'effective_area_m2'
SHELTER_CLASS_FIELD = 'shelter_class'

# ---------------------------------------------------------------------------------------------
# Risk and hazard overlay (issue 4): influence distances, hazard classes, scenario rasters.
# Owned by the risk overlay (processing/risk_influence_zones.py, exposure.py, risk_list.py,
# hazard_from_scenario.py). Every number carries its Source and evidence level (../shared/DOMAIN.md).
# ---------------------------------------------------------------------------------------------

# Grades from the highest to the lowest: overlapping zones go to the first of these.
RISK_GRADE_ORDER = tuple(RISK_GRADE.codes())  # ('major', 'significant', 'general', 'low')

SRC_DIST_SHELTER_MAJOR_HAZARD = Source(
    'GB 50413-2007: shelter to major fire/explosion hazard >= 1,000 m (DOMAIN.md §3.5)', 'C')
SRC_DIST_POPULATION_500 = Source(
    'SAWS Order 40 (2011) Annex 1: the alpha factor counts residents within 500 m of the plant boundary '
    '(DOMAIN.md §3.2); used as the zone of a significant-risk source', 'C', 'm.163wenku.com/p-1105879.html')
SRC_DIST_FIRE_HAZMAT_300 = Source(
    '建标152-2017: fire station to hazmat unit >= 300 m (DOMAIN.md §3.5); used as the zone of a '
    'general-risk source', 'C')
SRC_DIST_SECONDARY_FIRE_30 = Source(
    'GB 50413-2007: shelter to ordinary secondary-fire source >= 30 m (DOMAIN.md §3.5); used as the zone '
    'of a low-risk source', 'C')
SRC_DIST_FUEL_50 = Source(
    'GB 50156 Table 4.0.4 and notes: fuel-station equipment to important public buildings >= 50 m, all '
    'station grades (DOMAIN.md §3.4)', 'C', 'm.bluu.cn')
SRC_DIST_LPG_100 = Source(
    'GB 50156-2021 Tables 4.0.5-4.0.8: LPG equipment to important public buildings 100 m (DOMAIN.md §3.4, '
    'recalled); also used for CNG and gas facilities', 'R')

# Influence distance (m) by risk-source kind and risk grade: {kind: {grade: (distance_m, Source)}}.
# Kinds with a kind-specific code distance (fuel, LPG/CNG, gas) keep it for every grade; the other
# kinds take the distance of their grade. Editable per run (DISTANCE_TABLE) and per feature.
_BY_GRADE = {
    'major': (1000.0, SRC_DIST_SHELTER_MAJOR_HAZARD),
    'significant': (500.0, SRC_DIST_POPULATION_500),
    'general': (300.0, SRC_DIST_FIRE_HAZMAT_300),
    'low': (30.0, SRC_DIST_SECONDARY_FIRE_30),
}
_BY_KIND = {
    'fuel_station': (50.0, SRC_DIST_FUEL_50),
    'lpg_station': (100.0, SRC_DIST_LPG_100),
    'gas_facility': (100.0, SRC_DIST_LPG_100),
}
RISK_DISTANCE_TABLE = {
    kind: {grade: (_BY_KIND[kind] if kind in _BY_KIND else _BY_GRADE[grade]) for grade in RISK_GRADE_ORDER}
    for kind in RISK_SOURCE_KIND.codes()
}
# Distance for a kind that is not in the table (a value outside the enumeration): that of its grade.
RISK_DISTANCE_BY_GRADE = {grade: value for grade, (value, _) in _BY_GRADE.items()}

# Hazard class breaks (HAZARD_BREAKS): flood depth in metres. Values below the first break are not
# exposed; class 1 is [b1, b2), class n is >= bn.
DEFAULT_HAZARD_BREAKS = (0.15, 0.5, 1.5)
SRC_HAZARD_BREAKS = Source(
    'Plugin default flood-depth classes 0.15 / 0.5 / 1.5 m (issue 4 example: ankle depth, knee-to-waist '
    'depth where walking and cars fail, above 1.5 m life-threatening); set them from the local flood-risk '
    'map legend', 'R')
# A hazard class is shown in the colour of the risk grade of the same rank from the top
# (highest class red); with fewer than four classes the lowest grades are left out.

# Release footprint (hazard_from_scenario): number of distance-decay classes when not given.
# Class values: n in the innermost ring down to 1 in the outermost; 0 outside.
DEFAULT_RELEASE_CLASSES = 3
DEFAULT_RELEASE_CELL_M = 10.0
SRC_RELEASE_CLASSES = Source(
    'Plugin default: equal-width distance rings around the source (no dispersion model); use a '
    'consequence model (GB/T 37243-2019, DOMAIN.md §3.3) for a real footprint', 'R')

# Raster reading: square windows of this many cells a side (memory ~ 8 bytes x WINDOW^2 per read).
RASTER_WINDOW_CELLS = 1024
# Line sampling on a raster: samples per cell size along the line.
RASTER_SAMPLES_PER_CELL = 2

# ---------------------------------------------------------------------------------------------
# Census export (issue 6): the census package written by resilience:export_census.
# Owned by processing/export_census.py and core/census_stats.py.
# ---------------------------------------------------------------------------------------------

# Layers of the census package: the infrastructure classes of the census (DOMAIN.md §4.2: pipelines,
# roads, above-ground plants and sites). Population and buildings are base data, not census objects.
CENSUS_LAYERS = ('risk_sources', 'risk_source_areas', 'lifelines', 'lifeline_nodes', 'road_network',
                 'shelters', 'shelter_candidates', 'facilities')
# Name of the layer listing what was left out of the package and why (fields: FINDING_FIELDS).
CENSUS_FINDINGS_LAYER = 'findings'
# Features with a finding of this severity (definitions.RULES) are left out of the package.
CENSUS_EXCLUDE_SEVERITY = 'error'

# Lifeline diameter classes (mm): lower bounds; a class runs up to the next bound (the last is open).
SOURCE_DIAMETER_CLASSES = Source(
    'Plugin default diameter classes DN < 100 / 100-299 / 300-499 / 500-999 / >= 1000 mm, following the usual '
    'small / medium / large split of municipal pipeline statistics; census fields name diameter (DOMAIN.md '
    '§4.1-4.3) but no class bounds were found in a source', 'R')
DIAMETER_CLASS_BOUNDS_MM = (0.0, 100.0, 300.0, 500.0, 1000.0)

# Installation decades: years before the first decade are grouped ("before 1950").
SOURCE_INSTALL_DECADES = Source(
    'Plugin default: construction time is a required census field (国办发〔2014〕27号, DOMAIN.md §4.1); '
    'decades from 1950, earlier years grouped', 'R')
INSTALL_DECADE_FIRST = 1950

# Code used in the statistics for a missing value (shown as "(not set)").
CENSUS_NOT_SET = '(not set)'
# Marker written into provenance.json: an existing OUTPUT folder is only replaced when it holds it
# (or is empty), so a wrongly chosen folder with other files in it is never deleted.
CENSUS_PACKAGE_MARKER = 'resilience_plugin census package'

# ---------------------------------------------------------------------------------------------
# Planning-review report (issue 6): resilience:planning_report.
# Owned by processing/planning_report.py and the report/ package.
# ---------------------------------------------------------------------------------------------

# Report languages (LANGUAGE parameter, in this order) and the font of each: the CJK font must have the
# Chinese glyphs (Debian: fonts-noto-cjk); the first installed family of each tuple is used.
REPORT_LANGUAGES = ('en', 'zh_CN')
REPORT_FONTS = {'en': ('DejaVu Sans', 'Noto Sans', 'Liberation Sans', 'Arial'),
                'zh_CN': ('Noto Sans CJK SC', 'Noto Sans CJK', 'WenQuanYi Zen Hei', 'Source Han Sans SC')}
# The print-layout template in resources/templates (editable in the layout designer; items found by id).
REPORT_TEMPLATE = 'planning_report.qpt'
# Long lists (uncovered units, overloaded facilities, risk list rows) are cut after this many rows; the
# totals always count every row.
REPORT_MAX_ROWS = 200
# Resolution of the overview map in the PDF and of the map image in the HTML version.
REPORT_MAP_DPI = 200
REPORT_HTML_MAP_DPI = 110

# What the evidence letters of a Source mean (../shared/DOMAIN.md).
EVIDENCE_LEVELS = {'C': N_('confirmed in a source excerpt'), 'P': N_('partly confirmed'),
                   'R': N_('recalled only, to be checked against the official text')}


@dataclass(frozen=True)
class DataLicence:
    """A data set whose licence asks for attribution, recognised from the planning database's provenance:
    a layer's ``data_source`` code, or a ``source_ref`` starting with one of the prefixes (case-insensitive)."""
    key: str
    attribution: str
    data_source: Optional[str] = None
    source_ref_prefixes: Tuple[str, ...] = ()


REPORT_DATA_LICENCES = (
    DataLicence('osm', N_('Map data (c) OpenStreetMap contributors, licensed under the Open Database '
                          'Licence (ODbL 1.0), openstreetmap.org/copyright'), data_source='osm'),
    DataLicence('hsy', N_('Population grid (c) Helsinki Region Environmental Services HSY, licensed under '
                          'CC BY 4.0'), source_ref_prefixes=('helsinki_population_grid', 'hsy')),
)

# ---------------------------------------------------------------------------------------------
# Output schemas: the fields the algorithms write into their result layers, in order. The algorithms
# build their outputs from these; the report (and the dock) read the fields by these names and check a
# layer given to them against the schema. A field with ``when`` is written only in runs with that option
# (``OutputSchema.spec(timed=True)``); the others are always written.
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class OutputField:
    name: str
    type: str  # 'string', 'int', 'int64', 'double', 'bool'
    when: Optional[str] = None


@dataclass(frozen=True)
class OutputSchema:
    algorithm: str  # the algorithm's name in the provider, e.g. 'population_coverage'
    output: str     # its output parameter, e.g. 'OUTPUT_SUMMARY'
    fields: Tuple[OutputField, ...]
    note: str = ''  # what follows the fields or how the rows are ordered

    def spec(self, **options):
        """[(name, type)] of the fields written in a run with ``options`` (e.g. ``timed=True``), in order."""
        return [(f.name, f.type) for f in self.fields if f.when is None or options.get(f.when)]

    def required(self):
        """The names of the fields every run writes."""
        return [f.name for f in self.fields if f.when is None]


_F = OutputField

COVERAGE_DEMAND_SCHEMA = OutputSchema('population_coverage', 'OUTPUT_DEMAND', (
    _F('facility_id', 'int64'), _F('distance_m', 'double'), _F('time_min', 'double', 'timed'),
    _F('access_m', 'double'), _F('covered', 'bool'), _F('population_used', 'double'), _F('fca_access', 'double'),
    _F('covered_open', 'bool', 'barriers'), _F('lost_coverage', 'bool', 'barriers'),
), 'followed by the fields of the demand layer (prefixed d_ where a name is taken)')
COVERAGE_FACILITIES_SCHEMA = OutputSchema('population_coverage', 'OUTPUT_FACILITIES', (
    _F('facility_id', 'int64'), _F('population', 'double'), _F('capacity', 'double'), _F('load_ratio', 'double'),
    _F('overloaded', 'bool'), _F('fca_ratio', 'double'), _F('fca_demand', 'double'), _F('reachable', 'bool'),
), 'followed by the fields of the facility layer (prefixed fac_ where a name is taken)')
COVERAGE_SUMMARY_SCHEMA = OutputSchema('population_coverage', 'OUTPUT_SUMMARY', (
    _F('district', 'string'), _F('population', 'double'), _F('covered', 'double'), _F('uncovered', 'double'),
    _F('share_covered', 'double'), _F('units', 'int'), _F('units_unreachable', 'int'),
    _F('units_unlocated', 'int'), _F('population_unlocated', 'double'),
    _F('covered_open', 'double', 'barriers'), _F('lost', 'double', 'barriers'),
), 'the first row is the total, then one row per district; units without geometry (units_unlocated, '
   'population_unlocated, on the total row) are in no other figure')
SERVICE_AREA_POLYGONS_SCHEMA = OutputSchema('service_areas', 'OUTPUT_POLYGONS', (
    _F('facility_id', 'int64'), _F('area_m2', 'double'),
), 'followed by the fields of the facility layer (prefixed fac_ where a name is taken)')
RISK_ZONES_SCHEMA = OutputSchema('risk_influence_zones', 'OUTPUT', (
    _F('risk_grade', 'string'), _F('grade_label', 'string'), _F('grade_rank', 'int'), _F('source_count', 'int'),
    _F('area_m2', 'double'),
))
EXPOSURE_SEGMENTS_SCHEMA = OutputSchema('exposure', 'OUTPUT', (
    _F('layer', 'string'), _F('feature_id', 'int64'), _F('network', 'string'), _F('hazard_class', 'string'),
    _F('class_rank', 'double'), _F('risk_grade', 'string'), _F('exposed_length_m', 'double'),
    _F('length_m', 'double'), _F('max_value', 'double'), _F('mean_value', 'double'),
))
EXPOSURE_SITES_SCHEMA = OutputSchema('exposure', 'OUTPUT_SITES', (
    _F('layer', 'string'), _F('feature_id', 'int64'), _F('name', 'string'), _F('target', 'string'),
    _F('hazard_class', 'string'), _F('class_rank', 'double'), _F('risk_grade', 'string'),
    _F('exposed_share', 'double'), _F('max_value', 'double'), _F('unusable', 'bool'), _F('population', 'double'),
))
EXPOSURE_SUMMARY_SCHEMA = OutputSchema('exposure', 'OUTPUT_SUMMARY', (
    _F('layer', 'string'), _F('target', 'string'), _F('network', 'string'), _F('hazard_class', 'string'),
    _F('class_rank', 'double'), _F('exposed_length_m', 'double'), _F('count', 'int'), _F('unusable', 'int'),
    _F('population', 'double'),
), 'target is a code of EXPOSURE_TARGET, network a code of NETWORK_TYPE (or the layer name)')
# Lifeline length in each risk source's zone per network type, then of other networks.
RISK_LIST_NETWORK_FIELDS = tuple('len_{}_m'.format(code) for code in NETWORK_TYPE.codes()) + ('len_other_m',)
RISK_LIST_SCHEMA = OutputSchema('risk_list', 'OUTPUT', (
    _F('rank', 'int'), _F('source_layer', 'string'), _F('feature_id', 'int64'), _F('asset_id', 'string'),
    _F('name', 'string'), _F('kind', 'string'), _F('risk_grade', 'string'), _F('grade_label', 'string'),
    _F('grade_defaulted', 'bool'), _F('distance_m', 'double'), _F('distance_from', 'string'), _F('x', 'double'),
    _F('y', 'double'), _F('lon', 'double'), _F('lat', 'double'), _F('responsible_unit', 'string'),
    _F('people', 'double'), _F('shelters', 'int'), _F('facilities', 'int'), _F('buildings', 'int'),
    _F('other_sites', 'int'), _F('lifeline_m', 'double'),
) + tuple(_F(name, 'double') for name in RISK_LIST_NETWORK_FIELDS), 'one row per risk source, ordered by rank')
FINDINGS_SCHEMA = OutputSchema('validate_census', 'OUTPUT', tuple(_F(f.name, f.type) for f in FINDING_FIELDS))
OUTPUT_SCHEMAS = (COVERAGE_DEMAND_SCHEMA, COVERAGE_FACILITIES_SCHEMA, COVERAGE_SUMMARY_SCHEMA,
                  SERVICE_AREA_POLYGONS_SCHEMA, RISK_ZONES_SCHEMA, EXPOSURE_SEGMENTS_SCHEMA, EXPOSURE_SITES_SCHEMA,
                  EXPOSURE_SUMMARY_SCHEMA, RISK_LIST_SCHEMA, FINDINGS_SCHEMA)

# ---------------------------------------------------------------------------------------------
# Lifeline systems (issue 12): isolation segments, supply from sources, dependencies between
# assets of different networks, failure chains and N-1 criticality.
# Owned by core/lifelines.py, core/lifeline_chain.py, core/epanet_inp.py, qgis_io/lifeline_layers.py
# and processing/lifeline_*.py, disaster_chain.py, import_epanet.py (docs/lifelines.md).
# ---------------------------------------------------------------------------------------------

# What a dependent asset gets from its provider. Each kind is delivered by one network type.
DEPENDENCY_KIND = Enumeration('dependency_kind', (
    Choice('power_supply', N_('Power supply'), '#e31a1c'),
    Choice('water_supply', N_('Water supply'), '#1e90ff'),
    Choice('gas_supply', N_('Gas supply'), '#ff1493'),
    Choice('heat_supply', N_('Heat supply'), '#ff8c00'),
    Choice('telecom', N_('Telecom'), '#2ca02c'),
    Choice('other', N_('Other dependency'), '#bdbdbd'),
))
SERVICE_NETWORK = {'power_supply': 'power', 'water_supply': 'water_supply', 'gas_supply': 'gas',
                   'heat_supply': 'heating', 'telecom': 'telecom'}
NETWORK_SERVICE = {network: service for service, network in SERVICE_NETWORK.items()}

DEPENDENCY_FIELDS = (
    Field('provider_asset_id', 'string', N_('Provider asset ID'), required=True, length=64),
    Field('dependent_asset_id', 'string', N_('Dependent asset ID'), required=True, length=64),
    Field('kind', 'string', N_('Kind of dependency'), required=True, enum=DEPENDENCY_KIND,
          default="'power_supply'"),
    Field('backup_hours', 'double', N_('Backup time (h; empty = 0)'), minimum=0, maximum=8760),
    Field('confirmed', 'bool', N_('Confirmed'), default='true'),
    Field('rule', 'string', N_('Default rule that proposed it'), length=40),
    Field('data_source', 'string', N_('Data source'), enum=DATA_SOURCE, default="'survey'"),
    Field('updated', 'date', N_('Last updated'), default=TODAY_DEFAULT),
    Field('remarks', 'string', N_('Remarks'), length=254),
)
DEPENDENCIES = LayerKind(
    'dependencies', 'NoGeometry', N_('Dependencies between assets'), THEME_LIFELINES, DEPENDENCY_FIELDS, None,
    N_('Which asset needs which (a pump station needs power from a substation), with the backup time of the '
       'dependent asset. Rows proposed by default rules are unconfirmed until the user confirms them.'),
    unique_together=(('provider_asset_id', 'dependent_asset_id', 'kind'),),
    indexes=(('provider_asset_id',), ('dependent_asset_id',)))

# Assets taking part in lifeline analyses: the tables searched for asset_id (providers, dependents, FAILED).
LIFELINE_ASSET_TABLES = ('lifelines', 'lifeline_nodes', 'facilities', 'shelters')

# Sources of each network: a part of the network is supplied while it is connected to a working source.
SOURCE_NETWORK_SOURCES = Source(
    'Issue 12: water from pump stations, power from substations, gas from pressure regulator stations; water works, '
    'reservoirs and tanks added as water sources (EPANET reservoirs and tanks, Giswater mincut inlets)', 'R')
NETWORK_SOURCE_KINDS = {'water_supply': ('pump_station', 'water_source'), 'power': ('substation',),
                        'gas': ('regulator',)}
# Isolation devices: closing them separates the pipe or cable pieces that meet at them. Substations and regulator
# stations switch or shut their own lines too (breakers, inlet and outlet valves).
SOURCE_ISOLATION_DEVICES = Source(
    'Valves isolate water, gas, heating and drainage mains; switches isolate power cables; a substation opens the '
    'breakers of its feeders and a regulator station closes its inlet and outlet valves (plugin default)', 'R')
ISOLATION_DEVICE_KINDS = {'water_supply': ('valve',), 'gas': ('valve', 'regulator'), 'heating': ('valve',),
                          'drainage': ('valve',), 'industrial': ('valve',), 'power': ('switch', 'substation'),
                          'telecom': ('switch',)}
# Line status and node status values that are not in service (left out of the networks).
OUT_OF_SERVICE_STATUS = ('planned', 'under_construction', 'abandoned')

# A node asset (valve, hydrant, transformer) counts as on its network within this distance of a line;
# a source (pump station, substation) within the larger distance: stations stand beside their mains and
# OSM substations are the centre of a fenced area the lines end at.
SOURCE_ATTACH_DISTANCE = Source(
    'Plugin default: a station on a line feeds it there; a station beside its lines (up to 150 m) feeds the nearest '
    'point and every line end within that distance (OSM substations are the middle of a fenced area the lines end '
    'at)', 'R')
NODE_ON_NETWORK_M = CONNECT_TOLERANCE_M
SOURCE_ATTACH_M = 150.0

# Population of a unit is served by a network when the unit's representative point is within this distance
# of one of the network's lines (service connections, low-voltage and distribution mains are not mapped).
SOURCE_SERVICE_DISTANCE = Source(
    'Plugin default: people within 300 m of a water or gas main, or 1,000 m of a power line, are served from it '
    '(service connections and low-voltage networks are rarely in a planning database)', 'R')
SERVICE_DISTANCE_M = {'water_supply': 300.0, 'gas': 300.0, 'heating': 300.0, 'power': 1000.0, 'telecom': 300.0}

# Findings of the criticality scan: isolation segments that are too large (too few valves).
SOURCE_SEGMENT_HYDRANTS = Source(
    'GB 50974-2014 §8.1.5 (earlier GB 50016-2006 §8.2.7): fire-water mains are divided by valves into independent '
    'sections with at most 5 outdoor hydrants each', 'P', 'tiku818.com/tiku/1274137.html; aq8.net/483792810.html')
SOURCE_HYDRANT_SPACING = Source('GB 50974-2014: outdoor hydrants at most 120 m apart (protection radius 150 m)', 'P',
                                'aflg.cn/zhishi/xiaohuoshuanjudi')
MAX_SEGMENT_HYDRANTS = 5
# Where hydrants are not mapped: 5 hydrant spacings of main in one section.
MAX_SEGMENT_LENGTH_M = {'water_supply': 5 * 120.0}
SOURCE_SEGMENT_LENGTH = Source('Derived: 5 hydrants x 120 m spacing = 600 m of water main per isolation segment '
                               '(GB 50974, see above); no section length was found for other networks', 'R')
LIFELINE_FINDINGS = {
    'large_isolation_segment': ('warning', N_('The isolation segment is too large: too few isolation devices')),
    'unsupplied_segment': ('warning', N_('The part of the network is connected to no source')),
    'device_off_network': ('warning', N_('The isolation device is not on a line of its network')),
    'source_off_network': ('warning', N_('The source is not near a line of its network')),
    'no_isolation_devices': ('info', N_('The network has no isolation devices: a failure shuts the whole '
                                         'connected network')),
    'no_sources': ('info', N_('The network has no sources: supply is not analysed')),
}

# What happened to an asset in a failure or a disaster chain (the ``cause`` field).
LIFELINE_CAUSE = Enumeration('lifeline_cause', (
    Choice('failed', N_('Failed'), '#000000'),
    Choice('isolated', N_('Isolated (devices closed)'), '#7b3294'),
    Choice('cut_off', N_('Cut off from every source'), '#d7191c'),
    Choice('lost_provider', N_('Lost its provider'), '#fdae61'),
    Choice('on_backup', N_('On backup'), '#2c7bb6'),
))

# Default rules for dependencies (resilience:lifeline_dependencies; lifeline_failure uses them where the table has
# no row of that kind for the dependent). Each proposes the nearest provider within the distance.
@dataclass(frozen=True)
class DependencyRule:
    key: str
    label: str
    dependent_table: str
    dependent_field: str
    dependent_values: Tuple[str, ...]
    kind: str
    provider_table: str
    provider_network: str
    provider_node_kinds: Tuple[str, ...]   # empty: the provider is a line of the network
    max_distance_m: float
    backup_hours: float
    sources: Tuple[Source, ...] = ()


SRC_BACKUP_PUMPS = Source('DOMAIN.md §9.4: pumping stations 0 h without a generator, 4-8 h with one (suggested '
                          'default)', 'R')
SRC_BACKUP_HOSPITAL = Source('JGJ 312-2013: grade-III hospitals > 24 h of generator fuel, grade-II > 12 h', 'C',
                             'fdjkljd.com')
SRC_BACKUP_NONE = Source('Plugin default: no backup recorded, 0 h (set the real generator or tank time)', 'R')
SRC_NEAREST_FEED = Source('Plugin default: a pump station is fed from the busbar of the nearest substation or '
                          'transformer within 3 km (issue 12); facilities and shelters from the nearest power line '
                          'within 1 km and the nearest water main within 300 m (the service distances of the '
                          'population)', 'R')
DEPENDENCY_RULES = (
    DependencyRule('pump_power', N_('Pump station needs power from the nearest substation'), 'lifeline_nodes',
                   'node_kind', ('pump_station', 'water_source'), 'power_supply', 'lifeline_nodes', 'power',
                   ('substation', 'transformer'), 3000.0, 0.0, (SRC_NEAREST_FEED, SRC_BACKUP_PUMPS)),
    DependencyRule('hospital_power', N_('Hospital needs power from the nearest power line'), 'facilities',
                   'facility_kind', ('hospital',), 'power_supply', 'lifelines', 'power', (), 1000.0, 24.0,
                   (SRC_NEAREST_FEED, SRC_BACKUP_HOSPITAL)),
    DependencyRule('facility_power', N_('Fire, EMS and police stations and depots need power'), 'facilities',
                   'facility_kind', ('fire_station', 'ems_station', 'police', 'supply_depot'), 'power_supply',
                   'lifelines', 'power', (), 1000.0, 0.0, (SRC_NEAREST_FEED, SRC_BACKUP_NONE)),
    DependencyRule('shelter_power', N_('Shelters need power'), 'shelters', '', (), 'power_supply', 'lifelines',
                   'power', (), 1000.0, 0.0, (SRC_NEAREST_FEED, SRC_BACKUP_NONE)),
    DependencyRule('facility_water', N_('Hospitals, fire and EMS stations need water from the nearest main'),
                   'facilities', 'facility_kind', ('hospital', 'fire_station', 'ems_station'), 'water_supply',
                   'lifelines', 'water_supply', (), 300.0, 0.0, (SRC_NEAREST_FEED, SRC_BACKUP_NONE)),
    DependencyRule('shelter_water', N_('Shelters need water from the nearest main'), 'shelters', '', (),
                   'water_supply', 'lifelines', 'water_supply', (), 300.0, 0.0, (SRC_NEAREST_FEED, SRC_BACKUP_NONE)),
)
DEPENDENCY_RULES_BY_KEY = {rule.key: rule for rule in DEPENDENCY_RULES}

# Disaster chain: which assets fail when the hazard reaches them. Flood water stops electrical and pumping
# equipment; buried pipes and cables survive a flood (set DIRECT_LINES for earthquakes or landslides).
SOURCE_HAZARD_FAILURE = Source(
    'Plugin default: above-ground electrical and pumping equipment (substations, transformers, switches, pump '
    'stations, regulator stations) fails from hazard class 2 (0.5 m of water with the default breaks, where '
    'ground-level switchgear is flooded); facilities and shelters are reported as exposed, not failed', 'R')
HAZARD_FAILING_NODE_KINDS = ('substation', 'transformer', 'switch', 'pump_station', 'water_source', 'regulator')
DEFAULT_FAILURE_CLASS = 2
# The Temporal Controller plays a chain one step per this many minutes of animation time.
CHAIN_FRAME_MINUTES = 60

# Output schemas of the lifeline algorithms (the report and the Lifelines tab read these fields by name).
LIFELINE_EVENTS_SCHEMA = OutputSchema('lifeline_failure', 'OUTPUT', (
    _F('asset_id', 'string'), _F('layer', 'string'), _F('name', 'string'), _F('network', 'string'),
    _F('kind', 'string'), _F('cause', 'string'), _F('step', 'int'), _F('via', 'string'), _F('time_h', 'double'),
    _F('service', 'string'), _F('fails_at_h', 'double'), _F('length_m', 'double'),
    _F('frame_time', 'datetime', 'chain'),
), 'one row per affected asset in the order it happened; cause a code of LIFELINE_CAUSE; also OUTPUT_LINES '
   '(the lost pieces of lines) and the OUTPUT and OUTPUT_LINES of disaster_chain (with frame_time)')
LIFELINE_ISOLATION_SCHEMA = OutputSchema('lifeline_failure', 'OUTPUT_ISOLATION', (
    _F('asset_id', 'string'), _F('network', 'string'), _F('name', 'string'), _F('kind', 'string'),
    _F('operation', 'string'), _F('for_asset', 'string'),
), 'the isolation devices to close (also of disaster_chain)')
LIFELINE_CONSEQUENCES_SCHEMA = OutputSchema('lifeline_failure', 'OUTPUT_CONSEQUENCES', (
    _F('service', 'string'), _F('network', 'string'), _F('population_served', 'double'),
    _F('population_without', 'double'), _F('share_without', 'double'), _F('length_lost_m', 'double'),
    _F('assets_lost', 'int'), _F('hospitals', 'int'), _F('fire_stations', 'int'), _F('shelters', 'int'),
    _F('other_facilities', 'int'),
), 'one row per network with sources (service a code of DEPENDENCY_KIND), then "any" for any service')
DISASTER_CHAIN_SCHEMA = OutputSchema('disaster_chain', 'OUTPUT_TABLE', (
    _F('step', 'int'), _F('time_h', 'double'), _F('asset_id', 'string'), _F('layer', 'string'),
    _F('name', 'string'), _F('kind', 'string'), _F('network', 'string'), _F('cause', 'string'), _F('via', 'string'),
    _F('via_name', 'string'), _F('service', 'string'), _F('fails_at_h', 'double'),
), 'the chain ordered by step and time')
LIFELINE_SEGMENTS_SCHEMA = OutputSchema('lifeline_criticality', 'OUTPUT', (
    _F('network', 'string'), _F('segment', 'int'), _F('rank', 'int'), _F('pipes', 'int'), _F('pipe_ids', 'string'),
    _F('length_m', 'double'), _F('devices', 'int'), _F('device_ids', 'string'), _F('hydrants', 'int'),
    _F('lost_length_m', 'double'), _F('population', 'double'), _F('population_any', 'double'),
    _F('facilities', 'int'), _F('facility_names', 'string'), _F('supplied', 'bool'), _F('too_large', 'bool'),
), 'one row per isolation segment, rank 1 the most critical')
LIFELINE_NODES_SCHEMA = OutputSchema('lifeline_criticality', 'OUTPUT_NODES', (
    _F('asset_id', 'string'), _F('name', 'string'), _F('network', 'string'), _F('kind', 'string'), _F('rank', 'int'),
    _F('lost_length_m', 'double'), _F('population', 'double'), _F('population_any', 'double'),
    _F('facilities', 'int'), _F('facility_names', 'string'), _F('assets_lost', 'int'),
), 'one row per node asset scanned, rank 1 the most critical')
LIFELINE_FINDINGS_SCHEMA = OutputSchema('lifeline_criticality', 'OUTPUT_FINDINGS', (
    _F('layer', 'string'), _F('feature_id', 'int'), _F('asset_id', 'string'), _F('rule', 'string'),
    _F('severity', 'string'), _F('message', 'string'), _F('network', 'string'),
), 'rule a key of LIFELINE_FINDINGS')
DEPENDENCY_PROPOSALS_SCHEMA = OutputSchema('lifeline_dependencies', 'OUTPUT', (
    _F('rule', 'string'), _F('rule_label', 'string'), _F('provider_asset_id', 'string'), _F('provider_name', 'string'),
    _F('dependent_asset_id', 'string'), _F('dependent_name', 'string'), _F('kind', 'string'),
    _F('backup_hours', 'double'), _F('distance_m', 'double'), _F('sources', 'string'),
), 'one row per proposed dependency (rule a key of DEPENDENCY_RULES)')
OUTPUT_SCHEMAS = OUTPUT_SCHEMAS + (LIFELINE_EVENTS_SCHEMA, LIFELINE_ISOLATION_SCHEMA, LIFELINE_CONSEQUENCES_SCHEMA,
                                   DISASTER_CHAIN_SCHEMA, LIFELINE_SEGMENTS_SCHEMA, LIFELINE_NODES_SCHEMA,
                                   LIFELINE_FINDINGS_SCHEMA, DEPENDENCY_PROPOSALS_SCHEMA)

# ---------------------------------------------------------------------------------------------
# Community resilience (issue 13): communities, assembly points, hidden dangers, emergency forces,
# contacts, indicators; evacuation plans, community risk maps, dispatch and the resilience index.
# Owned by processing/evacuation_plan.py, community_risk_map.py, dispatch.py, resilience_index.py, the
# core modules evacuation.py, dispatch.py, resilience_index.py and report/community.py.
# Every number carries its Source and evidence level (../shared/DOMAIN.md §5, §9.5, §9.6).
# ---------------------------------------------------------------------------------------------

SRC_DEMONSTRATION_COMMUNITY = Source(
    '全国综合减灾示范社区 standard: community hazard list, vulnerable-population list, dangerous-housing and '
    'public-facility hazard list with remediation plan and timetable, community disaster risk map with risk '
    'points and areas, emergency plan with drills (DOMAIN.md §5)', 'C', 'ask.fsou.com 17384277_3')
SRC_WUHAN_EVACUATION_MAP = Source(
    'Wuhan community evacuation maps: hazard points, shelter locations, safe evacuation routes, fire and '
    'medical facilities, command post; shelter records hold capacity and manager (DOMAIN.md §5)', 'C',
    'news.cnhan.com 2017-05-15')
SRC_SOCIAL_FORCES = Source(
    'YJ/T 1.1-1.6-2022 社会应急力量建设基础规范 and 应急〔2024〕83号 classification: levels 1 (highest) to 3; '
    'building-collapse level 1 assembles in 4-6 h, level 3 in 4 h (DOMAIN.md §9.6)', 'C', 'm.xinb2b.cn; hzjpw.com')
SRC_MICRO_FIRE_STATION = Source('Micro fire stations: 3 min on scene; a community station has 1 head and at '
                                'least 5 members (DOMAIN.md §9.6)', 'C', 'jianbiaoku 105958')

FORCE_KIND = Enumeration('force_kind', (
    Choice('fire_brigade', N_('Fire brigade'), '#e31a1c'),
    Choice('micro_fire_station', N_('Micro fire station'), '#fb6a4a'),
    Choice('medical_team', N_('Medical team'), '#1f78b4'),
    Choice('rescue_team', N_('Social rescue team'), '#ff7f00'),
    Choice('security_company', N_('Security company'), '#6a3d9a'),
    Choice('property_management', N_('Property management team'), '#b15928'),
    Choice('volunteer_team', N_('Volunteer team'), '#33a02c'),
    Choice('militia', N_('Militia'), '#636363'),
    Choice('other', N_('Other force'), '#bdbdbd'),
))

FORCE_STATUS = Enumeration('force_status', (
    Choice('ready', N_('Ready')),
    Choice('deployed', N_('Deployed')),
    Choice('unavailable', N_('Unavailable')),
))
# Forces with these status codes (or none) can be dispatched.
FORCE_READY_CODES = ('ready',)

FORCE_LEVEL = Enumeration('force_level', (
    Choice(1, N_('Level 1 (highest)')),
    Choice(2, N_('Level 2')),
    Choice(3, N_('Level 3')),
))

CONTACT_ROLE = Enumeration('contact_role', (
    Choice('director', N_('Community director')),
    Choice('emergency_officer', N_('Emergency officer')),
    Choice('grid_worker', N_('Grid worker')),
    Choice('shelter_manager', N_('Shelter manager')),
    Choice('medical', N_('Medical contact')),
    Choice('fire', N_('Fire contact')),
    Choice('police', N_('Police contact')),
    Choice('property_management', N_('Property management')),
    Choice('volunteer_lead', N_('Volunteer leader')),
    Choice('other', N_('Other contact')),
))

DANGER_KIND = Enumeration('danger_kind', (
    Choice('dangerous_building', N_('Dangerous building')),
    Choice('fire_hazard', N_('Fire hazard (blocked exits, stored fuel)')),
    Choice('gas', N_('Gas installation')),
    Choice('electrical', N_('Electrical installation')),
    Choice('flooding', N_('Flooding point')),
    Choice('geological', N_('Slope or ground hazard')),
    Choice('traffic', N_('Traffic hazard')),
    Choice('public_facility', N_('Public facility defect')),
    Choice('other', N_('Other hidden danger')),
))

DANGER_STATUS = Enumeration('danger_status', (
    Choice('open', N_('Open'), '#e31a1c'),
    Choice('in_progress', N_('Remediation in progress'), '#ff7f00'),
    Choice('remediated', N_('Remediated'), '#33a02c'),
))

COMMUNITY_FIELDS = (
    _asset_id(),
    Field('name', 'string', N_('Community name'), required=True, unique=True, length=120),
    Field('code', 'string', N_('Community code'), length=40),
    Field('district', 'string', N_('Sub-district or district'), length=120),
    Field('population', 'double', N_('Registered population'), minimum=0, maximum=1e7),
    Field('households', 'int', N_('Households'), minimum=0, maximum=10000000),
    Field('command_post', 'string', N_('Command post'), length=160),
) + _common_tail()

ASSEMBLY_POINT_FIELDS = (
    _asset_id(),
    Field('name', 'string', N_('Name'), length=120),
    Field('community', 'string', N_('Community'), length=120),
    Field('capacity_persons', 'int', N_('Capacity (persons)'), minimum=0, maximum=1000000),
) + _common_tail()

HIDDEN_DANGER_FIELDS = (
    _asset_id(),
    Field('name', 'string', N_('Description'), required=True, length=160),
    Field('danger_kind', 'string', N_('Kind of hidden danger'), required=True, enum=DANGER_KIND,
          default="'other'"),
    Field('risk_grade', 'string', N_('Risk grade'), required=True, enum=RISK_GRADE,
          default="'{}'".format(DEFAULT_RISK_GRADE)),
    Field('status', 'string', N_('Status'), required=True, enum=DANGER_STATUS, default="'open'"),
    Field('community', 'string', N_('Community'), length=120),
    Field('found', 'date', N_('Found on'), default=TODAY_DEFAULT),
    Field('remediation', 'string', N_('Remediation measure'), length=254),
    Field('deadline', 'date', N_('Remediation deadline')),
    Field('responsible_unit', 'string', N_('Responsible unit'), length=120),
) + _common_tail()

EMERGENCY_FORCE_FIELDS = (
    _asset_id(),
    Field('name', 'string', N_('Name'), required=True, length=120),
    Field('force_kind', 'string', N_('Kind of force'), required=True, enum=FORCE_KIND, default="'volunteer_team'"),
    Field('personnel', 'int', N_('Personnel'), required=True, minimum=0, maximum=100000, default='0'),
    Field('vehicles', 'int', N_('Vehicles'), minimum=0, maximum=10000),
    Field('equipment', 'string', N_('Equipment'), length=254),
    Field('level', 'int', N_('Level (social forces, 1 highest)'), enum=FORCE_LEVEL),
    Field('turnout_min', 'double', N_('Turnout / assembly time (min)'), minimum=0, maximum=2880, default='0'),
    Field('available_from_h', 'double', N_('Available from (hour of day)'), minimum=0, maximum=24),
    Field('available_to_h', 'double', N_('Available until (hour of day)'), minimum=0, maximum=24),
    Field('status', 'string', N_('Status'), required=True, enum=FORCE_STATUS, default="'ready'"),
    Field('community', 'string', N_('Community'), length=120),
    Field('contact_person', 'string', N_('Contact person'), length=80),
    Field('phone', 'string', N_('Phone'), length=40),
) + _common_tail()

COMMUNITY_CONTACT_FIELDS = (
    Field('community', 'string', N_('Community'), required=True, length=120),
    Field('role', 'string', N_('Role'), required=True, enum=CONTACT_ROLE, default="'other'"),
    Field('name', 'string', N_('Name'), required=True, length=80),
    Field('phone', 'string', N_('Phone'), required=True, length=40),
    Field('organisation', 'string', N_('Organisation'), length=120),
    Field('sort_order', 'int', N_('Order on the map'), minimum=0, maximum=1000, default='0'),
    Field('updated', 'date', N_('Last updated'), default=TODAY_DEFAULT),
)

COMMUNITY_INDICATOR_FIELDS = (
    Field('community', 'string', N_('Community'), required=True, length=120),
    Field('indicator', 'string', N_('Indicator key'), required=True, length=60),
    Field('value', 'double', N_('Value'), required=True),
    Field('year', 'int', N_('Reference year'), minimum=1900, maximum=2100),
    Field('source', 'string', N_('Source of the value'), length=254),
)

COMMUNITIES = LayerKind('communities', 'MultiPolygon', N_('Communities'), THEME_COMMUNITY, COMMUNITY_FIELDS, None,
                        N_('Communities (neighbourhood committees): the units of community plans and maps.'))
ASSEMBLY_POINTS = LayerKind('assembly_points', 'Point', N_('Assembly points'), THEME_COMMUNITY,
                            ASSEMBLY_POINT_FIELDS, None,
                            N_('Where residents gather before they go on to a shelter.'))
HIDDEN_DANGERS = LayerKind('hidden_dangers', 'Point', N_('Hidden dangers'), THEME_COMMUNITY, HIDDEN_DANGER_FIELDS,
                           'risk_grade', N_('Hidden dangers found in the community, with remediation and '
                                            'deadline (dangerous buildings, blocked exits, gas, flooding).'))
EMERGENCY_FORCES = LayerKind('emergency_forces', 'Point', N_('Emergency forces'), THEME_COMMUNITY,
                             EMERGENCY_FORCE_FIELDS, 'force_kind',
                             N_('Professional and social emergency forces: fire brigades, medical teams, security '
                                'companies, property management, volunteers, militia.'))
COMMUNITY_CONTACTS = LayerKind('community_contacts', 'NoGeometry', N_('Community contacts'), THEME_COMMUNITY,
                               COMMUNITY_CONTACT_FIELDS, None,
                               N_('Who to call in each community: role, name and phone (shown on the community '
                                  'risk map).'), indexes=(('community',),))
COMMUNITY_INDICATORS = LayerKind('community_indicators', 'NoGeometry', N_('Community indicators'),
                                 THEME_COMMUNITY, COMMUNITY_INDICATOR_FIELDS, None,
                                 N_('Social, economic and institutional indicator values per community for the '
                                    'resilience index (keys of definitions.RESILIENCE_INDICATORS or your own).'),
                                 unique_together=(('community', 'indicator', 'year'),))

# Evacuation plan -----------------------------------------------------------------------------
# People left unplaced: the reason codes of core.evacuation.REASON_CODES, as users read them.
EVACUATION_REASONS = {'placed': N_('Placed'), 'no_capacity_left': N_('No capacity left in the shelters within reach'),
                      'unreachable': N_('No shelter within the limit'),
                      'unknown_capacity': N_('Only shelters with an unknown capacity within reach')}

# How the plan is computed, as the summary's ``method`` field says it (translated where it is shown).
EVACUATION_METHOD = N_('transportation problem, HiGHS linear programming (exact)')

# Output schemas of the community algorithms (see OutputSchema above).
EVACUATION_ASSIGNMENTS_SCHEMA = OutputSchema('evacuation_plan', 'OUTPUT', (
    _F('demand_id', 'int64'), _F('shelter_id', 'int64'), _F('shelter', 'string'), _F('people', 'double'),
    _F('distance_m', 'double'), _F('time_min', 'double', 'timed'), _F('status', 'string'), _F('reason', 'string'),
    _F('nearest_shelter', 'string'), _F('nearest_distance_m', 'double'),
), 'one row per (demand unit, shelter) assignment and one per demand unit with people left unplaced (status one of '
   'EVACUATION_REASONS, no shelter); followed by the fields of the demand layer (prefixed d_ where a name is taken)')
EVACUATION_ROUTES_SCHEMA = OutputSchema('evacuation_plan', 'OUTPUT_ROUTES', (
    _F('demand_id', 'int64'), _F('shelter_id', 'int64'), _F('shelter', 'string'), _F('people', 'double'),
    _F('distance_m', 'double'), _F('time_min', 'double', 'timed'), _F('length_m', 'double'),
), 'one line per assignment, drawn from the demand unit to the shelter\'s entrance')
EVACUATION_SHELTERS_SCHEMA = OutputSchema('evacuation_plan', 'OUTPUT_SHELTERS', (
    _F('shelter_id', 'int64'), _F('shelter', 'string'), _F('capacity', 'double'), _F('people', 'double'),
    _F('load_ratio', 'double'), _F('spare', 'double'), _F('units', 'int'), _F('mean_distance_m', 'double'),
    _F('nearest_people', 'double'), _F('nearest_over', 'double'),
), 'followed by the fields of the shelter layer (prefixed fac_ where a name is taken)')
EVACUATION_ROADS_SCHEMA = OutputSchema('evacuation_plan', 'OUTPUT_ROADS', (
    _F('edge', 'int'), _F('people', 'double'), _F('routes', 'int'), _F('length_m', 'double'),
), 'one line per road segment (between junctions) that routes travel, the busiest first')
EVACUATION_SUMMARY_SCHEMA = OutputSchema('evacuation_plan', 'OUTPUT_SUMMARY', (
    _F('population', 'double'), _F('placed', 'double'), _F('unplaced_no_capacity', 'double'),
    _F('unplaced_unreachable', 'double'), _F('unplaced_unknown_capacity', 'double'),
    _F('person_distance_km', 'double'), _F('mean_distance_m', 'double'), _F('nearest_people', 'double'),
    _F('nearest_person_distance_km', 'double'), _F('nearest_mean_distance_m', 'double'),
    _F('nearest_overloaded', 'int'), _F('nearest_people_over_capacity', 'double'), _F('shelters', 'int'),
    _F('shelters_used', 'int'), _F('shelters_unknown_capacity', 'int'), _F('capacity', 'double'),
    _F('limit', 'double'), _F('limit_unit', 'string'), _F('solve_s', 'double'), _F('variables', 'int'),
    _F('method', 'string'),
), 'one row: the optimum against sending everyone to the nearest shelter regardless of capacity')
DISPATCH_SCHEMA = OutputSchema('dispatch', 'OUTPUT', (
    _F('incident_id', 'int64'), _F('order', 'int'), _F('force_id', 'int64'), _F('force', 'string'),
    _F('force_kind', 'string'), _F('personnel', 'double'), _F('turnout_min', 'double'), _F('travel_min', 'double'),
    _F('arrival_min', 'double'), _F('on_scene', 'double'), _F('length_m', 'double'),
), 'one line per dispatched force, drawn from the force to its incident, in order of arrival')
DISPATCH_INCIDENTS_SCHEMA = OutputSchema('dispatch', 'OUTPUT_INCIDENTS', (
    _F('incident_id', 'int64'), _F('served', 'int'), _F('required', 'double'), _F('sent', 'double'),
    _F('forces', 'int'), _F('met', 'bool'), _F('time_met_min', 'double'), _F('first_arrival_min', 'double'),
    _F('shortfall', 'double'),
), 'followed by the fields of the incident layer (prefixed i_ where a name is taken)')
FORCE_COVERAGE_SCHEMA = OutputSchema('dispatch', 'OUTPUT_COVERAGE', (
    _F('community', 'string'), _F('population', 'double'), _F('covered', 'double'), _F('share_covered', 'double'),
    _F('first_arrival_min', 'double'), _F('worst_first_arrival_min', 'double'), _F('personnel_within', 'double'),
    _F('forces_within', 'int'), _F('limit_min', 'double'),
), 'followed by the fields of the community layer (prefixed c_ where a name is taken)')

# Dispatch ------------------------------------------------------------------------------------
SRC_REQUIRED_PERSONNEL = Source(
    'NFPA 1710: at least 4 firefighters per engine company; the full first-alarm assignment on scene within '
    '8 min (the original proposal required 13 members) (DOMAIN.md §2.2)', 'C', 'nfpa.org; fireengineering.com')
DEFAULT_REQUIRED_PERSONNEL = 13

# Community risk map (atlas) ------------------------------------------------------------------
COMMUNITY_MAP_TEMPLATE = 'community_risk_map.qpt'   # in resources/templates (editable in the layout designer)
COMMUNITY_MAP_PNG_DPI = 150
COMMUNITY_MAP_PDF_DPI = 200
COMMUNITY_MAP_TABLE_ROWS = 6        # rows of each table on a page (the layers hold them all)
COMMUNITY_MAP_MARGIN = 0.12          # map margin around the community (share of its extent)
# Marker written into the map folder's manifest: an existing OUTPUT folder is only replaced when it holds it
# (or is empty), so a folder with other files in it is never deleted.
COMMUNITY_MAP_MARKER = 'resilience_plugin community risk maps'

# Resilience index ----------------------------------------------------------------------------
SRC_BRIC = Source('BRIC (Cutter et al., USC HVRI): variables min-max scaled to 0-1 and averaged within each '
                  'capital; the capitals summed with equal weight (DOMAIN.md §5, §9.5)', 'C',
                  'sc.edu HVRI BRIC page; hazardaware.org')
SRC_UNDRR_SCORECARD = Source('UNDRR Disaster Resilience Scorecard for Cities (2017), Ten Essentials: 2 risk '
                             'scenarios, 3 financial capacity, 7 societal capacity, 8 infrastructure, 9 effective '
                             'response (DOMAIN.md §5)', 'C', 'mcr2030.undrr.org')
SRC_GB40947 = Source('GB/T 40947-2021 安全韧性城市评价指南: its dimensions and indicators were not confirmed '
                     '(summaries list people, facilities, management, environment) (DOMAIN.md §9.5)', 'P',
                     'chinesestandards.org')
SRC_SHELTER_AREA = Source('GB 50413-2007 §8.2: emergency shelter >= 1 m2 per person within 500 m; fixed >= 2 m2 '
                          'within 2-3 km (DOMAIN.md §9.5): every resident should have a place', 'C', 'jikaoti.com')
SRC_LINK_REDUNDANCY = Source(
    'Plugin definition: a road whose loss splits the network (a bridge of the road graph, Tarjan 1974) has no '
    'detour; BRIC counts evacuation routes as infrastructure capital. Share of road length with a detour, and '
    'share of residents whose access depends on a single road link', 'R')
SRC_EXPOSED_SHARE = Source('Share of residents inside the risk influence zones (risk points and areas of the '
                           'community risk map, 综合减灾示范社区; UNDRR Essential 2)', 'P')
SRC_FORCES_PER_RESIDENT = Source('Emergency-force personnel per 10,000 residents: capacity for effective response '
                                 '(UNDRR Essential 9); a community micro fire station has >= 5 members', 'P')

RESILIENCE_DIMENSIONS = (
    Choice('infrastructure', N_('Infrastructure'), '#1f78b4'),
    Choice('social', N_('Social'), '#33a02c'),
    Choice('economic', N_('Economic'), '#ff7f00'),
    Choice('institutional', N_('Institutional'), '#6a3d9a'),
    Choice('environmental', N_('Environmental'), '#b15928'),
)
# Weight of each dimension in the index (equal, as BRIC sums its capitals); editable per run.
RESILIENCE_DIMENSION_WEIGHTS = {d.code: 1.0 for d in RESILIENCE_DIMENSIONS}


@dataclass(frozen=True)
class Indicator:
    """An indicator of the resilience index. ``computed`` ones come from the database and the result layers;
    the others from the community_indicators table (values entered per community)."""
    key: str
    label: str
    dimension: str
    higher_is_better: bool
    weight: float
    unit: str
    computed: bool
    source: Source


RESILIENCE_INDICATORS = (
    Indicator('shelter_places_per_resident', N_('Shelter places per resident'), 'infrastructure', True, 1.0,
              N_('places per resident'), True, SRC_SHELTER_AREA),
    Indicator('shelter_coverage', N_('Residents within reach of a shelter'), 'infrastructure', True, 1.0,
              N_('share'), True, SRC_GB50413_RADIUS),
    Indicator('fire_coverage', N_('Residents within the fire-station response time'), 'infrastructure', True, 1.0,
              N_('share'), True, SRC_FIRE_4MIN),
    Indicator('ems_coverage', N_('Residents within reach of emergency medical services'), 'infrastructure', True,
              1.0, N_('share'), True, SRC_EMS_URBAN),
    Indicator('road_redundancy', N_('Road length with a detour (lifeline redundancy)'), 'infrastructure', True,
              1.0, N_('share'), True, SRC_LINK_REDUNDANCY),
    Indicator('single_link_share', N_('Residents depending on a single road link (lifeline criticality)'),
              'infrastructure', False, 1.0, N_('share'), True, SRC_LINK_REDUNDANCY),
    Indicator('exposed_share', N_('Residents in risk influence zones'), 'environmental', False, 1.0, N_('share'),
              True, SRC_EXPOSED_SHARE),
    Indicator('forces_per_10k', N_('Emergency-force personnel per 10,000 residents'), 'institutional', True, 1.0,
              N_('per 10,000'), True, SRC_FORCES_PER_RESIDENT),
    Indicator('elderly_share', N_('Residents aged 65 and over'), 'social', False, 1.0, N_('share'), False,
              SRC_DEMONSTRATION_COMMUNITY),
    Indicator('vulnerable_share', N_('Vulnerable residents (disabled, sick, left-behind)'), 'social', False, 1.0,
              N_('share'), False, SRC_DEMONSTRATION_COMMUNITY),
    Indicator('volunteers_per_1000', N_('Registered volunteers per 1,000 residents'), 'social', True, 1.0,
              N_('per 1,000'), False, SRC_BRIC),
    Indicator('income_index', N_('Household income (index or median)'), 'economic', True, 1.0, N_('index'), False,
              SRC_BRIC),
    Indicator('insured_share', N_('Households with disaster insurance'), 'economic', True, 1.0, N_('share'), False,
              SRC_UNDRR_SCORECARD),
    Indicator('drills_per_year', N_('Emergency drills per year'), 'institutional', True, 1.0, N_('per year'), False,
              SRC_DEMONSTRATION_COMMUNITY),
    Indicator('emergency_plan', N_('Community emergency plan in force (1 yes, 0 no)'), 'institutional', True, 1.0,
              N_('yes/no'), False, SRC_DEMONSTRATION_COMMUNITY),
)
INDICATORS_BY_KEY = {i.key: i for i in RESILIENCE_INDICATORS}
RESILIENCE_INDEX_SCHEMA = OutputSchema('resilience_index', 'OUTPUT', (
    (_F('community', 'string'), _F('residents', 'double')) +
    tuple(_F(i.key, 'double', 'indicators') for i in RESILIENCE_INDICATORS) +
    tuple(_F('dim_' + d.code, 'double') for d in RESILIENCE_DIMENSIONS) +
    (_F('resilience_index', 'double'), _F('rank', 'int'), _F('rank_min', 'int'), _F('rank_max', 'int'),
     _F('rank_stability', 'double'), _F('rank_shift_one', 'int'), _F('missing_values', 'int'))),
    'the indicator fields are those of INDICATOR_WEIGHTS (by default these); followed by the fields of the community '
    'layer (prefixed c_ where a name is taken)')
RESILIENCE_TABLE_SCHEMA = OutputSchema('resilience_index', 'OUTPUT_TABLE', (
    _F('community', 'string'), _F('indicator', 'string'), _F('label', 'string'), _F('dimension', 'string'),
    _F('value', 'double'), _F('scaled', 'double'), _F('weight', 'double'), _F('higher_is_better', 'bool'),
    _F('used', 'bool'), _F('data', 'string'), _F('standard', 'string'), _F('evidence', 'string'),
), 'one row per community and indicator')
OUTPUT_SCHEMAS = OUTPUT_SCHEMAS + (
    EVACUATION_ASSIGNMENTS_SCHEMA, EVACUATION_ROUTES_SCHEMA, EVACUATION_SHELTERS_SCHEMA, EVACUATION_ROADS_SCHEMA,
    EVACUATION_SUMMARY_SCHEMA, DISPATCH_SCHEMA, DISPATCH_INCIDENTS_SCHEMA, FORCE_COVERAGE_SCHEMA,
    RESILIENCE_INDEX_SCHEMA, RESILIENCE_TABLE_SCHEMA)
# Sensitivity of the ranks: every dimension weight multiplied by a factor in [1 - spread, 1 + spread].
RESILIENCE_SENSITIVITY_SPREAD = 0.5
RESILIENCE_SENSITIVITY_DRAWS = 1000
SRC_SENSITIVITY = Source('Plugin default: dimension weights moved by up to +/-50 %, 1,000 random draws (fixed '
                         'seed) and each weight alone; composite indicators are usually checked this way', 'R')


# ---------------------------------------------------------------------------------------------
# Every layer and table of the planning database. Later capabilities add their kinds here: a database
# created before them gets them when an algorithm that needs them runs (storage.PlanningStore.ensure).
# ---------------------------------------------------------------------------------------------
MONITORING_KINDS = ()        # lifeline monitoring and early warning (issue 11)
LIFELINE_SYSTEM_KINDS = (DEPENDENCIES,)   # lifeline systems: dependencies, isolation (issue 12)
COMMUNITY_KINDS = (COMMUNITIES, ASSEMBLY_POINTS, HIDDEN_DANGERS, EMERGENCY_FORCES, COMMUNITY_CONTACTS,
                   COMMUNITY_INDICATORS)   # community resilience (issue 13)
DATABASE_KINDS = LAYERS + MONITORING_KINDS + LIFELINE_SYSTEM_KINDS + COMMUNITY_KINDS
KINDS_BY_NAME = {k.name: k for k in DATABASE_KINDS}
