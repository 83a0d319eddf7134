"""resilience:create_planning_database: every layer of the data model, ready to edit in QGIS."""
import hashlib
import re

import pytest
from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsFieldConstraints,
                       QgsProcessingException, QgsVectorLayerUtils, QgsWkbTypes)

from resilience_plugin import compat
from resilience_plugin.definitions import DATABASE_KINDS, LAYERS, LAYERS_BY_NAME, NETWORK_TYPE, RISK_GRADE
from resilience_plugin.qgis_io.database import open_layer

WKB_NAMES = {'Point': 'Point', 'LineString': 'LineString', 'MultiPolygon': 'MultiPolygon'}


@pytest.fixture(scope='module')
def database(tmp_path_factory):
    import processing
    path = str(tmp_path_factory.mktemp('db') / 'planning.gpkg')
    processing.run('resilience:create_planning_database', {'OUTPUT': path, 'CRS': 'EPSG:3067'})
    return path


def test_every_layer_kind_is_there_with_its_geometry_fields_and_crs(database):
    for kind in LAYERS:
        layer = open_layer(database, kind.name)
        assert QgsWkbTypes.displayString(layer.wkbType()) == WKB_NAMES[kind.geometry], kind.name
        assert layer.crs().authid() == 'EPSG:3067'
        names = [f.name() for f in layer.fields()]
        assert names[1:] == kind.field_names(), kind.name  # fid first
        for name in names[1:]:
            assert re.fullmatch(r'[a-z][a-z0-9_]*', name)


def test_asset_id_is_required_unique_and_defaults_to_a_uuid(database):
    layer = open_layer(database, 'shelters')
    idx = layer.fields().indexOf('asset_id')
    constraints = layer.fields().at(idx).constraints()
    assert constraints.constraints() & QgsFieldConstraints.Constraint.ConstraintNotNull
    assert constraints.constraints() & QgsFieldConstraints.Constraint.ConstraintUnique
    assert (constraints.constraintStrength(QgsFieldConstraints.Constraint.ConstraintNotNull)
            == QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard)
    feature = QgsVectorLayerUtils.createFeature(layer)
    assert re.fullmatch(r'[0-9a-f-]{36}', feature['asset_id'])
    assert feature['shelter_class'] == 'emergency' and feature['status'] == 'existing'
    feature['asset_id'] = None
    ok, errors = QgsVectorLayerUtils.validateAttribute(layer, feature, idx)
    assert not ok and errors


def test_enumerations_have_value_maps_and_numbers_have_ranges(database):
    layer = open_layer(database, 'lifelines')
    setup = layer.editorWidgetSetup(layer.fields().indexOf('network'))
    assert setup.type() == 'ValueMap'
    codes = [list(entry.values())[0] for entry in setup.config()['map']]
    assert codes == NETWORK_TYPE.codes()  # required: no "not set" entry
    material = layer.editorWidgetSetup(layer.fields().indexOf('material'))
    assert len(material.config()['map']) == len(LAYERS_BY_NAME['lifelines'].field('material').enum.choices) + 1
    diameter = layer.editorWidgetSetup(layer.fields().indexOf('diameter_mm'))
    assert diameter.type() == 'Range' and diameter.config()['Min'] == 0
    assert layer.attributeAlias(layer.fields().indexOf('diameter_mm')) == 'Diameter (mm)'
    feature = QgsVectorLayerUtils.createFeature(layer)
    feature['diameter_mm'] = -5
    ok, _ = QgsVectorLayerUtils.validateAttribute(layer, feature, layer.fields().indexOf('diameter_mm'),
                                                  QgsFieldConstraints.ConstraintStrength.ConstraintStrengthSoft)
    assert not ok


def test_default_styles_are_stored_in_the_geopackage(database):
    risk = open_layer(database, 'risk_sources')
    renderer = risk.renderer()
    assert renderer.type() == 'categorizedSymbol' and renderer.classAttribute() == 'risk_grade'
    colours = {c.value(): c.symbol().color().name() for c in renderer.categories() if c.value()}
    assert colours == {c.code: c.colour for c in RISK_GRADE.choices}
    lifelines = open_layer(database, 'lifelines')  # keep the layer alive while using its renderer
    assert {c.value(): c.symbol().color().name() for c in lifelines.renderer().categories() if c.value()} == \
        {c.code: c.colour for c in NETWORK_TYPE.choices}
    shelters = open_layer(database, 'shelters')
    assert shelters.renderer().classAttribute() == 'shelter_class'
    import sqlite3
    with sqlite3.connect(database) as conn:
        rows = conn.execute('SELECT f_table_name, useAsDefault FROM layer_styles').fetchall()
    assert sorted(rows) == sorted((kind.name, 1) for kind in DATABASE_KINDS)  # tables have forms too


def test_crs_is_chosen_from_the_extent(tmp_path, run):
    path = str(tmp_path / 'utm.gpkg')
    result, feedback = run('resilience:create_planning_database',
                           {'OUTPUT': path, 'EXTENT': '24.92,24.96,60.16,60.18 [EPSG:4326]'})
    assert open_layer(path, 'road_network').crs().authid() == 'EPSG:32635'
    assert 'EPSG:32635' in feedback.text()


def test_geographic_crs_is_replaced_by_a_metric_one(tmp_path, run):
    path = str(tmp_path / 'geo.gpkg')
    result, feedback = run('resilience:create_planning_database',
                           {'OUTPUT': path, 'CRS': 'EPSG:4326', 'EXTENT': '-0.8,-0.4,52.5,52.8 [EPSG:4326]'})
    assert open_layer(path, 'road_network').crs().authid() == 'EPSG:32630'
    assert any('EPSG:4326' in w for w in feedback.warnings)


def test_failure_leaves_an_existing_database_untouched(tmp_path, run, database):
    target = tmp_path / 'keep.gpkg'
    target.write_bytes(open(database, 'rb').read())
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    with pytest.raises(QgsProcessingException):
        run('resilience:create_planning_database', {'OUTPUT': str(target), 'CRS': 'EPSG:4326'})
    assert hashlib.sha256(target.read_bytes()).hexdigest() == before
    assert [p.name for p in tmp_path.iterdir()] == ['keep.gpkg']


def test_metric_check_uses_compat_enums():
    assert compat.GEOMETRY_WKB['MultiPolygon'] == QgsWkbTypes.MultiPolygon
    assert QgsCoordinateReferenceSystem('EPSG:3067').isValid()
    assert QgsApplication.processingRegistry().algorithmById('resilience:create_planning_database')


def test_adding_the_database_twice_keeps_one_layer_per_table(database):
    from qgis.core import QgsProject
    from resilience_plugin.qgis_io.project import add_database_layers
    project = QgsProject()
    first = add_database_layers(database, project)
    second = add_database_layers(database, project)
    assert len(first) == len(DATABASE_KINDS) == len(project.mapLayers())
    assert [layer.id() for layer in second] == [layer.id() for layer in first]
    groups = [group.name() for group in project.layerTreeRoot().children()]
    assert len(groups) == len(set(groups))
