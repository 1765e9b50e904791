#!/usr/bin/env python3
"""resx_del.py BASE KEY... — removes KEYs from BASE.en.resx and BASE.fr.resx."""
import sys, re
from xml.sax.saxutils import escape
base, keys = sys.argv[1], sys.argv[2:]
for lang in ('en', 'fr'):
    p = f'{base}.{lang}.resx'
    s = open(p, encoding='utf-8-sig').read()
    for k in keys:
        key = escape(k, {'"': '&quot;'})
        s, n = re.subn(r'  <data name="' + re.escape(key) + r'" xml:space="preserve">\s*<value>.*?</value>\s*</data>\n', '', s, flags=re.S)
    open(p, 'w', encoding='utf-8').write(s)
