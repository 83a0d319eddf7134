"""Community data of the Helsinki demo (and of the community tests), written into a planning database.

Real data:
- communities: the HSY population-grid cells that lie mostly inside the OpenStreetMap extract's road network,
  each given to the nearest OSM place node (place=suburb / neighbourhood; Siltasaari and Hakaniemi, 110 m
  apart, are one community) and dissolved per place: "communities from the population grid districts";
- assembly points: the named squares of the OSM extract (pedestrian areas named ...tori or ...aukio, Finnish for
  square: Senaatintori, Rautatientori, ...), room for one person per 0.5 m2 of their area (the recalled
  per-capita area of an emergency shelter, definitions).

Sample entries (source_ref 'demo_sample', remarks saying so; replace them with your survey): emergency forces
at real places (the OSM fire station; social forces at community centres and schools), hidden dangers at real
buildings, contacts with placeholder names and numbers, and two user-supplied indicators per community.
"""
import uuid

from qgis.core import QgsCoordinateTransform, QgsFeatureRequest, QgsGeometry, QgsProject, QgsVectorLayer

SAMPLE = 'demo_sample'
SAMPLE_NOTE = 'Demo sample entry: replace with your survey'
PLACE_KINDS = ('suburb', 'neighbourhood', 'quarter')
MERGE_PLACES_M = 250.0       # place nodes closer than this are one community (the first name, from the south)
INSIDE_SHARE = 0.5           # a grid cell belongs to the demo area when this share of it is inside the roads' hull
SQUARE_M2_PER_PERSON = 0.5
SQUARE_ENDINGS = ('tori', 'aukio')   # Finnish: square, plaza (pedestrian streets are no assembly points)

# Sample forces: (name, kind, personnel, vehicles, turnout, from, to, level, anchor: (layer, name) or 'fire_station')
FORCES = (
    ('Erottaja fire station crew (sample strength)', 'fire_brigade', 24, 6, 1.0, None, None, None,
     ('facilities', 'Erottajan paloasema')),
    ('Luckan micro fire station (sample)', 'micro_fire_station', 6, 1, 3.0, None, None, None,
     ('shelter_candidates', 'Luckan')),
    ('Red Cross first-aid group (sample)', 'medical_team', 10, 2, 20.0, 7.0, 23.0, 2,
     ('shelter_candidates', 'Avoin olohuone')),
    ('Security company patrol (sample)', 'security_company', 8, 2, 8.0, None, None, None,
     ('shelter_candidates', 'UniSport, Kluuvi')),
    ('Property management team (sample)', 'property_management', 5, 1, 15.0, 8.0, 17.0, None,
     ('shelter_candidates', 'Kruununhaan yläasteen koulu')),
    ('Volunteer rescue team (sample)', 'rescue_team', 14, 2, 45.0, 18.0, 8.0, 3,
     ('shelter_candidates', 'Ressun lukio')),
)
# Sample hidden dangers: (description, kind, grade, status, remediation, offset of the building from the centre)
DANGERS = (
    ('Blocked stairwell exit (sample)', 'fire_hazard', 'significant', 'open', 'Clear the exit; fire inspection',
     0),
    ('Old gas installation in a restaurant (sample)', 'gas', 'general', 'in_progress', 'Replace the gas line', 1),
    ('Facade elements loose (sample)', 'dangerous_building', 'general', 'open', 'Fence off; repair the facade', 2),
    ('Underpass floods in heavy rain (sample)', 'flooding', 'low', 'open', 'Clean the drains before autumn', 3),
    ('Overloaded electrical room (sample)', 'electrical', 'significant', 'open', 'Renew the switchboard', 4),
)
CONTACT_ROLES = (('director', 'Director'), ('emergency_officer', 'Emergency officer'),
                 ('shelter_manager', 'Shelter manager'), ('volunteer_lead', 'Volunteer leader'))
INDICATOR_SAMPLES = (('elderly_share', (0.21, 0.17, 0.24, 0.12, 0.19)), ('drills_per_year', (2, 1, 0, 3, 1)))


def _layer(db, name):
    layer = QgsVectorLayer('{}|layername={}'.format(db, name), name, 'ogr')
    if not layer.isValid():
        raise SystemExit('Cannot read {} of {}'.format(name, db))
    return layer


def place_nodes(pbf, crs):
    """[(name, QgsPointXY in crs)] of the OSM place nodes of PLACE_KINDS, south to north, close ones merged."""
    layer = QgsVectorLayer(pbf + '|layername=points', 'places', 'ogr')
    transform = QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance().transformContext())
    request = QgsFeatureRequest().setFilterExpression('"place" IN ({})'.format(
        ', '.join("'{}'".format(k) for k in PLACE_KINDS)))
    nodes = []
    for feature in layer.getFeatures(request):
        point = transform.transform(feature.geometry().asPoint())
        nodes.append((feature['name'], point))
    nodes.sort(key=lambda node: node[1].y())
    merged = []
    for name, point in nodes:
        if all(point.distance(other) > MERGE_PLACES_M for _, other in merged):
            merged.append((name, point))
    return merged


def community_polygons(db, pbf):
    """[(name, QgsGeometry, population)] of the demo's communities (see the module's docstring)."""
    population = _layer(db, 'population')
    roads = _layer(db, 'road_network')
    hull = QgsGeometry.unaryUnion([f.geometry() for f in roads.getFeatures()]).convexHull()
    places = place_nodes(pbf, population.crs())
    cells = {}
    for feature in population.getFeatures():
        geometry = feature.geometry()
        if geometry.intersection(hull).area() < INSIDE_SHARE * geometry.area():
            continue
        centre = geometry.centroid().asPoint()
        name = min(places, key=lambda place: centre.distance(place[1]))[0]
        cells.setdefault(name, []).append((geometry, feature['population'] or 0.0))
    out = []
    for name, _ in places:
        if name in cells:
            shape = QgsGeometry.unaryUnion([g for g, _ in cells[name]])
            shape.convertToMultiType()
            out.append((name, shape, float(sum(p for _, p in cells[name]))))
    return out


def anchor_point(db, layer_name, name):
    layer = _layer(db, layer_name)
    for feature in layer.getFeatures():
        if feature['name'] == name:
            return feature.geometry().pointOnSurface()
    raise SystemExit('No {} named {} in {}'.format(layer_name, name, db))


def _row(**values):
    values.setdefault('asset_id', uuid.uuid4().hex)
    return values


def write_community_data(db, pbf):
    """Write the communities, assembly points, sample forces, dangers, contacts and indicators into ``db``.

    Returns {table: rows written}."""
    from resilience_plugin.definitions import COMMUNITY_KINDS
    from resilience_plugin.qgis_io.storage import open_store
    store = open_store(db)
    store.ensure(COMMUNITY_KINDS)
    communities = community_polygons(db, pbf)
    squares = squares_of(pbf, _layer(db, 'population').crs())
    with store.edit() as writer:
        counts = {'communities': writer.write('communities', [
            (bytes(shape.asWkb()), _row(name=name, code='HEL-{:02d}'.format(k + 1), district='Helsinki centre',
                                        population=population, data_source='other',
                                        source_ref='helsinki_population_grid_2020 + OSM place nodes',
                                        remarks='Population-grid cells nearest to the OSM place node {}'.format(name)))
            for k, (name, shape, population) in enumerate(communities)])}
        counts['assembly_points'] = writer.write('assembly_points', [
            (bytes(point.asWkb()), _row(name=name, community=community_of(point, communities),
                                        capacity_persons=int(area / SQUARE_M2_PER_PERSON), data_source='osm',
                                        source_ref=ref))
            for name, point, area, ref in squares if community_of(point, communities)])
        forces = []
        for name, kind, personnel, vehicles, turnout, start, end, level, (layer_name, anchor) in FORCES:
            point = anchor_point(db, layer_name, anchor)
            forces.append((bytes(point.asWkb()), _row(
                name=name, force_kind=kind, personnel=personnel, vehicles=vehicles, turnout_min=turnout,
                available_from_h=start, available_to_h=end, level=level, status='ready',
                community=community_of(point, communities), contact_person='(sample) duty officer',
                phone='+358 40 000 {:04d}'.format(len(forces) + 1), data_source='other', source_ref=SAMPLE,
                remarks=SAMPLE_NOTE)))
        counts['emergency_forces'] = writer.write('emergency_forces', forces)
        buildings = danger_buildings(db, communities)
        counts['hidden_dangers'] = writer.write('hidden_dangers', [
            (bytes(buildings[offset % len(buildings)].asWkb()), _row(
                name=name, danger_kind=kind, risk_grade=grade, status=status, remediation=remedy,
                community=community_of(buildings[offset % len(buildings)], communities),
                responsible_unit='(sample) building owner', data_source='other', source_ref=SAMPLE,
                remarks=SAMPLE_NOTE))
            for name, kind, grade, status, remedy, offset in DANGERS])
    contacts = []
    for name, _, _ in communities:
        for order, (role, title) in enumerate(CONTACT_ROLES):
            contacts.append((name, role, '(sample) {}'.format(title.lower()),
                             '+358 9 000 {:02d}{:02d}'.format(len(contacts) // 4 + 1, order + 1), 'Community office',
                             order))
    counts['community_contacts'] = store.insert_rows(
        'community_contacts', ('community', 'role', 'name', 'phone', 'organisation', 'sort_order'), contacts)
    indicators = [(name, key, float(values[k % len(values)]), 2024, 'Demo sample value, not a statistic')
                  for key, values in INDICATOR_SAMPLES for k, (name, _, _) in enumerate(communities)]
    counts['community_indicators'] = store.insert_rows(
        'community_indicators', ('community', 'indicator', 'value', 'year', 'source'), indicators)
    return counts


def community_of(point, communities):
    for name, shape, _ in communities:
        if shape.contains(point):
            return name
    return None


def squares_of(pbf, crs):
    """[(name, point on surface, area m2, osm reference)] of the named squares of the extract."""
    layer = QgsVectorLayer(pbf + '|layername=multipolygons', 'squares', 'ogr')
    transform = QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance().transformContext())
    request = QgsFeatureRequest().setFilterExpression(
        "\"name\" IS NOT NULL AND (\"other_tags\" LIKE '%\"place\"=>\"square\"%' OR "
        "\"other_tags\" LIKE '%\"highway\"=>\"pedestrian\"%')")   # pedestrian areas: the squares
    out = []
    for feature in layer.getFeatures(request):
        geometry = QgsGeometry(feature.geometry())
        geometry.transform(transform)
        if geometry.area() < 500 or not str(feature['name']).endswith(SQUARE_ENDINGS):
            continue
        ref = 'osm:way/{}'.format(feature['osm_way_id']) if feature['osm_way_id'] else \
            'osm:relation/{}'.format(feature['osm_id'])
        out.append((feature['name'], geometry.pointOnSurface(), geometry.area(), ref))
    return out


def danger_buildings(db, communities):
    """Points on the largest buildings of each community in turn (where the sample dangers are placed)."""
    buildings = _layer(db, 'buildings')
    by_community = {name: [] for name, _, _ in communities}
    for feature in buildings.getFeatures():
        point = feature.geometry().pointOnSurface()
        name = community_of(point, communities)
        if name is not None:
            by_community[name].append((feature.geometry().area(), point))
    ranked = [sorted(items, key=lambda item: -item[0]) for items in by_community.values() if items]
    points = []
    for depth in range(3):
        points += [items[depth][1] for items in ranked if len(items) > depth]
    return points


def incident_point(db):
    """A sample incident: the centre of the most populous community's largest building."""
    communities = [(f['name'], f.geometry(), f['population'] or 0) for f in _layer(db, 'communities').getFeatures()]
    name, shape, _ = max(communities, key=lambda c: c[2])
    return name, danger_buildings(db, [(name, shape, 0)])[0]
