"""Read GeoPackage layers with sqlite3 and shapely only (no GDAL bindings, no QGIS).

A GeoPackage geometry is a small header ('GP', version, flags, srs id, optional envelope) followed by
standard WKB (OGC GeoPackage 1.3, clause 2.1.3), so the WKB is a slice of the blob.
"""
import sqlite3

ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def blob_wkb(blob):
    """The WKB of a GeoPackage geometry blob; None for NULL or an empty geometry."""
    if blob is None:
        return None
    blob = bytes(blob)
    if blob[:2] != b'GP':
        raise ValueError('not a GeoPackage geometry')
    flags = blob[3]
    if flags & 0x10:  # empty geometry
        return None
    return blob[8 + ENVELOPE_BYTES[(flags >> 1) & 0x07]:]


def read_layer(path, table, fields=()):
    """(EPSG code, [WKB or None per row], {field: [values]}) of a GeoPackage table, rows in fid order."""
    connection = sqlite3.connect('file:{}?mode=ro'.format(path), uri=True)
    try:
        column, srs_id = connection.execute(
            'SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?', (table,)).fetchone()
        epsg = connection.execute('SELECT organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = ?',
                                  (srs_id,)).fetchone()[0]
        names = [row[1] for row in connection.execute('SELECT * FROM pragma_table_info(?)', (table,))]
        wanted = [column] + list(fields)
        missing = [name for name in wanted if name not in names]
        if missing:
            raise KeyError('{} has no column {}'.format(table, ', '.join(missing)))
        # identifiers checked against the table's own columns above
        query = 'SELECT {} FROM "{}" ORDER BY rowid'.format(', '.join('"{}"'.format(n) for n in wanted), table)
        rows = connection.execute(query).fetchall()
    finally:
        connection.close()
    wkbs = [blob_wkb(row[0]) for row in rows]
    return epsg, wkbs, {name: [row[i + 1] for row in rows] for i, name in enumerate(fields)}
