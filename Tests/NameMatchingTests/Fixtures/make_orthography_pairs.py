#!/usr/bin/env python3
"""Builds orthography_pairs.tsv (eval_cli.py format: name_a, name_b, label, kind) from orthography_positives.tsv.

Each positive (a Russian Cyrillic name, its rendering in another orthography) gets a hard negative: the Russian name
against another person's rendering in the same orthography, preferably one with the same given name
(Сергей Лавров ↔ Szergej Sojgu), and a random negative from another orthography. Deterministic (fixed seed).
"""
import random, os
here = os.path.dirname(os.path.abspath(__file__))
rows = [l.rstrip('\n').split('\t') for l in open(os.path.join(here, 'orthography_positives.tsv'), encoding='utf-8') if l.strip()]
rng = random.Random(15)
out = []
for i, (ru, other, kind) in enumerate(rows):
    out.append((ru, other, 1, kind))
    given, surname = ru.split()[0], ru.split()[-1]
    same = [r for r in rows if r[2] == kind and r[0].split()[-1] != surname]
    pref = [r for r in same if r[0].split()[0] == given]
    if pref or same:
        out.append((ru, rng.choice(pref or same)[1], 0, 'neg-hard:' + kind))
    others = [r for r in rows if r[2] != kind and r[0] != ru]
    out.append((ru, rng.choice(others)[1], 0, 'neg-rand:' + kind))
with open(os.path.join(here, 'orthography_pairs.tsv'), 'w', encoding='utf-8') as f:
    for a, b, l, k in out:
        f.write(f'{a}\t{b}\t{l}\t{k}\n')
print(len(out), 'pairs')
