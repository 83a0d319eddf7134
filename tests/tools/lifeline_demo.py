"""Generated lifelines for the Helsinki demo and tests: OpenStreetMap has almost no water mains or cables there.

Every feature written here says it is generated (data_source 'inferred', source_ref 'demo: generated', a remark):
- water mains along the streets (arterial, secondary, branch and service roads), fed by two generated pump
  stations at the west and east ends of the network;
- power cables along the arterial and secondary streets, fed by the substation mapped in OpenStreetMap through a
  generated feeder cable from it to the nearest cable vertex.
Valves, switches and dependencies are added with the plugin's own algorithms (generate_isolation_devices,
lifeline_dependencies) by the callers.
"""
import numpy as np

SOURCE_REF = 'demo: generated'
WATER_ROADS = ('arterial', 'secondary', 'branch', 'service')
POWER_ROADS = ('arterial', 'secondary')
PUMP_IDS = ('gen-pump-west', 'gen-pump-east')


def add_generated_lifelines(db):
    """Write the generated mains, cables, pump stations and feeder into the planning database ``db``.

    Returns {'water': [asset ids], 'power': [...], 'pumps': [...], 'substation': asset id or None}."""
    from qgis.core import QgsGeometry, QgsPointXY
    from resilience_plugin.qgis_io.storage import open_store
    store = open_store(db)
    roads = store.layer('road_network')
    water, power, rows = [], [], []
    remark_water = 'Generated for the demo: a water main along this street (no real pipe data)'
    remark_power = 'Generated for the demo: a 10 kV cable along this street (no real cable data)'
    ends = []
    for feature in roads.getFeatures():
        road_class = feature['road_class']
        if road_class not in WATER_ROADS or not feature.hasGeometry():
            continue
        wkb = bytes(feature.geometry().asWkb())
        line = feature.geometry().asPolyline() if not feature.geometry().isMultipart() else \
            feature.geometry().asMultiPolyline()[0]
        ends += [(line[0].x(), line[0].y()), (line[-1].x(), line[-1].y())]
        name = feature['name'] or None
        asset = 'gen-water-{}'.format(feature.id())
        water.append(asset)
        rows.append(('lifelines', wkb, {
            'asset_id': asset, 'network': 'water_supply', 'subtype': 'main', 'name': name,
            'material': 'ductile_iron', 'diameter_mm': 300.0 if road_class == 'arterial' else 150.0,
            'status': 'in_use', 'data_source': 'inferred', 'source_ref': SOURCE_REF, 'remarks': remark_water,
            'road_name': name}))
        if road_class in POWER_ROADS:
            asset = 'gen-power-{}'.format(feature.id())
            power.append(asset)
            rows.append(('lifelines', wkb, {
                'asset_id': asset, 'network': 'power', 'subtype': 'cable', 'name': name, 'voltage_kv': 10.0,
                'burial_type': 'direct', 'status': 'in_use', 'data_source': 'inferred', 'source_ref': SOURCE_REF,
                'remarks': remark_power, 'road_name': name}))
    ends = np.asarray(ends)
    west, east = ends[np.argmin(ends[:, 0])], ends[np.argmax(ends[:, 0])]
    for asset, (x, y), name in zip(PUMP_IDS, (west, east), ('Generated pump station (west)',
                                                           'Generated pump station (east)')):
        rows.append(('lifeline_nodes', bytes(QgsGeometry.fromPointXY(QgsPointXY(x, y)).asWkb()), {
            'asset_id': asset, 'network': 'water_supply', 'node_kind': 'pump_station', 'name': name,
            'status': 'in_use', 'data_source': 'inferred', 'source_ref': SOURCE_REF,
            'remarks': 'Generated for the demo: no pump station is mapped in the extract'}))
    substation = store.read_rows('lifeline_nodes', ('asset_id',), where=(('node_kind', '=', 'substation'),
                                                                          ('network', '=', 'power')))
    substation_id = substation[0][0] if substation else None
    if substation_id is not None:
        layer = store.layer('lifeline_nodes')
        point = next(f for f in layer.getFeatures() if f['asset_id'] == substation_id).geometry().asPoint()
        cable_vertices = np.array([(p.x(), p.y()) for table, wkb, values in rows
                                   if values.get('network') == 'power' and table == 'lifelines'
                                   for p in _polyline(wkb)])
        nearest = cable_vertices[np.argmin(np.hypot(*(cable_vertices - (point.x(), point.y())).T))]
        feeder = QgsGeometry.fromPolylineXY([point, QgsPointXY(*nearest)])
        power.append('gen-power-feeder')
        rows.append(('lifelines', bytes(feeder.asWkb()), {
            'asset_id': 'gen-power-feeder', 'network': 'power', 'subtype': 'cable', 'name': 'Generated feeder',
            'voltage_kv': 10.0, 'status': 'in_use', 'data_source': 'inferred', 'source_ref': SOURCE_REF,
            'remarks': 'Generated for the demo: feeder from the mapped substation to the generated cables'}))
    with store.edit() as writer:
        for table in ('lifelines', 'lifeline_nodes'):
            writer.write(table, [(wkb, values) for t, wkb, values in rows if t == table])
    return {'water': water, 'power': power, 'pumps': list(PUMP_IDS), 'substation': substation_id}


def _polyline(wkb):
    from qgis.core import QgsGeometry
    geometry = QgsGeometry()
    geometry.fromWkb(wkb)
    return geometry.asPolyline() if not geometry.isMultipart() else geometry.asMultiPolyline()[0]


def write_flood_raster(path, centre, crs_wkt, depth_m=1.2, radius_m=600.0, cell_m=10.0):
    """A generated flood: water ``depth_m`` deep at ``centre`` falling to 0 at ``radius_m`` (GeoTIFF)."""
    import rasterio
    from rasterio.transform import from_origin
    half = int(np.ceil(radius_m / cell_m)) + 2
    x0, y0 = centre[0] - half * cell_m, centre[1] + half * cell_m
    cols = np.arange(2 * half) * cell_m + x0 + cell_m / 2
    rows = y0 - np.arange(2 * half) * cell_m - cell_m / 2
    xx, yy = np.meshgrid(cols, rows)
    depth = np.clip(depth_m * (1.0 - np.hypot(xx - centre[0], yy - centre[1]) / radius_m), 0.0, None)
    profile = dict(driver='GTiff', width=2 * half, height=2 * half, count=1, dtype='float32', crs=crs_wkt,
                   transform=from_origin(x0, y0, cell_m, cell_m), nodata=-9999.0)
    with rasterio.open(path, 'w', **profile) as dst:
        dst.write(depth.astype('float32'), 1)
    return path
