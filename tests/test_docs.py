"""Documents generated from the code are current."""
from tools import data_model_doc


def test_data_model_document_matches_definitions():
    assert data_model_doc.TARGET.read_text(encoding='utf-8') == data_model_doc.render(), \
        'run: python tests/tools/data_model_doc.py'
