"""core.osm_tags: tag parsing and classification rules (the import on real extracts: tests/test_import_osm.py)."""
import pytest

from resilience_plugin.core import osm_tags


def test_other_tags_parser_handles_escapes_and_nulls():
    text = r'"diameter"=>"4\"","note"=>"a \\ b","k"=>"v=>w","x" => "y","gone"=>NULL,"empty"=>""'
    assert osm_tags.parse_other_tags(text) == {'diameter': '4"', 'note': 'a \\ b', 'k': 'v=>w', 'x': 'y',
                                               'empty': ''}
    assert osm_tags.parse_other_tags(None) == {}
    assert osm_tags.parse_other_tags('garbage "a"=>') == {}


@pytest.mark.parametrize('text, kmh', [('50', 50.0), ('30 mph', 48.28032), ('walk', 5.0), ('DE:zone30', 30.0),
                                       ('GB:nsl_single', 96.56064), ('30;50', 30.0), ('none', None),
                                       ('signals', None), (None, None)])
def test_maxspeed(text, kmh):
    assert osm_tags.parse_maxspeed(text) == (pytest.approx(kmh) if kmh else None)


def test_voltage_diameter_pressure():
    assert osm_tags.parse_voltage_kv('132000;33000;11000') == 132.0
    assert osm_tags.parse_voltage_kv('medium') is None
    assert osm_tags.parse_diameter_mm('4"') == pytest.approx(101.6)
    assert osm_tags.parse_diameter_mm('0.3 m') == pytest.approx(300.0)
    assert osm_tags.gas_pressure_class(osm_tags.parse_pressure_mpa('4')) == 'medium_a'  # 4 bar = 0.4 MPa
    assert osm_tags.gas_pressure_class(osm_tags.parse_pressure_mpa('70')) is None  # transmission, not town gas


def test_classification_rules():
    def layers(tags, kind):
        return {t.layer: t.values for t in osm_tags.classify(tags, kind)}

    road = layers({'highway': 'residential', 'oneway': '-1', 'maxspeed': '30 mph'}, osm_tags.LINE)['road_network']
    assert (road['road_class'], road['one_way'], road['passable']) == ('branch', -1, True)
    assert layers({'highway': 'motorway'}, osm_tags.LINE)['road_network']['one_way'] == 1
    assert layers({'highway': 'trail'}, osm_tags.LINE)['road_network']['road_class'] == 'other'
    assert layers({'highway': 'construction', 'construction': 'primary'},
                  osm_tags.LINE)['road_network']['passable'] is False
    assert 'road_network' not in layers({'highway': 'proposed'}, osm_tags.LINE)
    assert layers({'amenity': 'shelter', 'shelter_type': 'public_transport'}, osm_tags.POINT) == {}
    assert 'shelters' in layers({'emergency': 'assembly_point'}, osm_tags.POINT)
    assert 'shelters' in layers({'amenity': 'school', 'emergency:social_facility': 'shelter'}, osm_tags.AREA)
    assert layers({'amenity': 'fuel', 'fuel:lpg': 'yes'}, osm_tags.POINT)['risk_sources']['kind'] == 'lpg_station'
    pipeline = layers({'man_made': 'pipeline', 'substance': 'sewage'}, osm_tags.LINE)['lifelines']
    assert pipeline['network'] == 'drainage'
    manhole = osm_tags.classify({'manhole': 'unknown'}, osm_tags.POINT)[0]
    assert manhole.values['network'] == 'drainage' and manhole.remarks  # assumed, and said so


# Helsinki ----------------------------------------------------------------------------------------------
