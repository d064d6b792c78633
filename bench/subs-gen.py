#!/usr/bin/env python3
"""Deterministic RSS feeds for bench/subs-bench.sh: N feeds x M items (~600 bytes each).

usage: subs-gen.py OUTDIR [FEEDS] [ITEMS]   writes OUTDIR/feed-NNN.xml
"""
import os
import random
import sys
from email.utils import formatdate

WORDS = ("alpha beta gamma delta river mountain market policy science budget council "
         "weather energy transit harbour library museum festival research report").split()


def main():
    out = sys.argv[1]
    feeds = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    items = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    os.makedirs(out, exist_ok=True)
    base = 1_700_000_000
    for f in range(1, feeds + 1):
        rnd = random.Random(f)
        parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>',
                 f'<title>Bench feed {f:03d}</title><link>http://example.com/{f:03d}/</link>',
                 f'<description>Synthetic feed {f:03d}</description>']
        for i in range(items):
            title = " ".join(rnd.choice(WORDS) for _ in range(7)).capitalize()
            desc = " ".join(rnd.choice(WORDS) for _ in range(60))
            link = f"http://example.com/{f:03d}/item-{i:04d}.html"
            date = formatdate(base - f * 3600 - i * 600, usegmt=True)
            parts.append(f"<item><title>{title}</title><link>{link}</link>"
                         f'<guid isPermaLink="false">bench-{f:03d}-{i:04d}</guid>'
                         f"<pubDate>{date}</pubDate><description>{desc}.</description></item>")
        parts.append("</channel></rss>\n")
        path = os.path.join(out, f"feed-{f:03d}.xml")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("\n".join(parts))
        os.utime(path, (base, base))  # fixed mtime: stable Last-Modified


if __name__ == "__main__":
    main()
