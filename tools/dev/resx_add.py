#!/usr/bin/env python3
"""resx_add.py BASE < tsv  — BASE like src/.../Features/Requests/Requests ; tsv lines: german<TAB>english<TAB>french.
Adds missing <data> entries to BASE.en.resx and BASE.fr.resx (existing keys are replaced)."""
import sys, re
from xml.sax.saxutils import escape
base = sys.argv[1]
rows = [l.rstrip('\n').split('\t') for l in sys.stdin if l.strip()]
for idx, lang in ((1, 'en'), (2, 'fr')):
    p = f'{base}.{lang}.resx'
    s = open(p, encoding='utf-8-sig').read()
    for r in rows:
        if len(r) < 3: raise SystemExit(f'bad row: {r}')
        key, val = escape(r[0], {'"': '&quot;'}), escape(r[idx])
        pat = re.compile(r'  <data name="' + re.escape(key) + r'" xml:space="preserve">\s*<value>.*?</value>\s*</data>\n', re.S)
        s = pat.sub('', s)
        s = s.replace('</root>', f'  <data name="{key}" xml:space="preserve">\n    <value>{val}</value>\n  </data>\n</root>')
    open(p, 'w', encoding='utf-8').write(s)
print(f'{len(rows)} keys -> {base}')
