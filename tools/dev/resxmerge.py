#!/usr/bin/env python3
"""resxmerge.py FILE OURS THEIRS — three-way merge of resx entries: THEIRS' file plus entries OURS added since the merge base
(entries either side deleted stay deleted). Run in the repo root during a merge."""
import sys, re, subprocess
path, ours, theirs = sys.argv[1:4]
def show(rev):
    r = subprocess.run(['git', 'show', f'{rev}:{path}'], capture_output=True, text=True)
    return r.stdout.lstrip('\ufeff') if r.returncode == 0 else ''
entry = re.compile(r'  <data name="(.*?)" xml:space="preserve">\s*<value>.*?</value>\s*</data>\n', re.S)
mb = subprocess.run(['git', 'merge-base', ours, theirs], capture_output=True, text=True, check=True).stdout.strip()
base_keys = {m.group(1) for m in entry.finditer(show(mb))}
t = show(theirs); t_keys = {m.group(1) for m in entry.finditer(t)}
o = show(ours); o_keys = {m.group(1) for m in entry.finditer(o)}
added = ''.join(m.group(0) for m in entry.finditer(o) if m.group(1) not in base_keys and m.group(1) not in t_keys)
deleted = base_keys - o_keys
t = entry.sub(lambda m: '' if m.group(1) in deleted else m.group(0), t)
open(path, 'w', encoding='utf-8').write(t.replace('</root>', added + '</root>'))
print(path, 'added from', ours, len(added.split('<data ')) - 1)
