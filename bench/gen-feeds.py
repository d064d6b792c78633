#!/usr/bin/env python3
"""Generate large, realistic, deterministic feeds for benchmarking Tidings.

For every size N it writes three files with the same N items:

    DIR/feed-N.rss.xml   RSS 2.0 (content:encoded, dc:creator, media:content + media:credit)
    DIR/feed-N.atom.xml  Atom 1.0 (content type="html", media:content + media:credit)
    DIR/feed-N.json      JSON Feed 1.1 (content_html, authors, tags, image)

Each item is about 3 KB in the RSS file (10,000 items is about 30 MB): a title, link, guid,
date, author, two categories, a teaser and an HTML body of several <p> paragraphs with a
<figure><img><figcaption>, a couple of inline links and some <strong>/<em> markup.

Item i is generated from its own seeded RNG, so the output is identical on every run and the
first 100 items of feed-10000 are the same stories as feed-100. Standard library only.

Usage: gen-feeds.py [--out DIR] [--sizes 100,10000,100000] [--formats rss,atom,json] [--force]
"""

import argparse
import datetime as dt
import json
import os
import random
import sys
from xml.sax.saxutils import escape as xml_escape

SEED = 20261124
HOST = "https://news.example.org"
IMG = "https://img.example.org"

PLACES = ["Varenta valley", "Port Aldane", "the northern coast", "Kessel", "Mirow", "the capital",
          "Lake Oran", "Brannock", "the eastern provinces", "Saint-Aubel", "Hollin Bay", "Tavira",
          "the border towns", "Ostrel", "Greymarsh", "the delta", "New Carrow", "Eldmoor", "Falun Ridge",
          "the island ferries"]
SUBJECTS = ["Farmers", "Nurses", "City council", "Rail workers", "Researchers", "Parliament", "Regulators",
            "Fishermen", "Teachers", "The central bank", "Volunteers", "Engineers", "Residents",
            "Shipbuilders", "The health ministry", "Astronomers", "Wine growers", "Dock workers",
            "The energy agency", "Students"]
VERBS = ["race to finish", "vote to delay", "warn over", "celebrate", "push back against",
         "unveil plans for", "struggle with", "win approval for", "call for review of", "rethink",
         "scale back", "double spending on", "reopen talks on", "test a new", "question the cost of"]
OBJECTS = ["flood walls", "the harbour expansion", "a four-day week", "night trains", "solar farms",
           "school meals", "the bridge repairs", "water rationing", "a new tram line", "the wind park",
           "hospital staffing", "the coastal reserve", "rent controls", "the observatory", "fishing quotas",
           "the grain silo", "a heat pump scheme", "museum funding", "the ferry timetable", "broadband rollout"]
TAILS = ["before the spring thaw", "after a record summer", "as costs climb", "amid fresh protests",
         "despite a late setback", "in a narrow vote", "for the first time in decades", "as talks stall",
         "ahead of the winter", "after months of delay", ""]
SECTIONS = ["Europe", "World", "Business", "Science", "Environment", "Politics", "Health", "Technology",
            "Culture", "Transport", "Education", "Energy", "Climate", "Local", "Economy", "Travel"]
FIRST = ["Lena", "Tomas", "Aisha", "Marek", "Sofia", "Jonas", "Priya", "Elif", "Hugo", "Noor", "Mateo",
         "Ingrid", "Kwame", "Yara", "Pavel", "Clara", "Ravi", "Ines", "Oskar", "Mei"]
LAST = ["Morgenthal", "Ciresa", "Okafor", "Lindqvist", "Haddad", "Novak", "Brennan", "Takahashi", "Moreau",
        "Petrov", "Alvarez", "Kowalski", "Nakamura", "Oduya", "Van Dijk", "Rossi", "Schultz", "Iversen",
        "Dubois", "Kaur"]
AGENCIES = ["AFP", "Reuters", "AP", "Getty Images", "EPA", "Tidings Photo Desk", "Press Association"]
WORDS = ("the a of to and in that for on with as by at from this which after over about more than "
         "council river winter government plan workers families cost project region report officials "
         "valley city road water energy money week year years months study experts residents local "
         "national public new old first last second long short high low early late said says told "
         "expected planned delayed approved finished started warned promised agreed argued rejected "
         "scheme budget vote hearing survey data record summer season storm flood bridge station harbour "
         "market prices wages rents schools hospitals trains ferries farms crops fishermen teachers "
         "nurses engineers volunteers visitors tourists critics supporters neighbours mayor minister "
         "committee agency company union community village town district coast border island mountain "
         "forecast decade century generation future past present change pressure support opposition "
         "because although while when where before since until despite almost nearly roughly only "
         "still already never often again around across through between under within without").split()
LINK_TEXT = ["a report published in September", "the council's own figures", "an earlier investigation",
             "the full statement", "official data", "a study by the regional institute",
             "the minutes of the meeting", "our explainer", "the original proposal", "a petition"]
LINK_HOSTS = ["water-institute.example.org", "council.example.gov", "stats.example.org",
              "research.example.edu", "news.example.org", "archive.example.org"]


def slug(text):
    out = []
    for ch in text.lower():
        if ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")


def sentence(rng, lo=10, hi=18):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    s = " ".join(words)
    return s[0].upper() + s[1:] + "."


DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def rfc822_portable(d):
    # strftime's %a/%b depend on the locale; build it by hand so the output never does.
    return "%s, %02d %s %04d %02d:%02d:%02d +0000" % (DAYS[d.weekday()], d.day, MONTHS[d.month - 1], d.year,
                                                      d.hour, d.minute, d.second)


def iso(d):
    return d.strftime("%Y-%m-%dT%H:%M:%SZ")


START = dt.datetime(2026, 11, 24, 9, 30, 0)


def make_item(i):
    """Item i (0-based) as a dict of plain values; the same for every output format."""
    rng = random.Random(SEED * 1_000_003 + i)
    place = rng.choice(PLACES)
    subject = rng.choice(SUBJECTS)
    title = "%s in %s %s %s" % (subject, place, rng.choice(VERBS), rng.choice(OBJECTS))
    tail = rng.choice(TAILS)
    if tail:
        title += " " + tail
    # Newest first, 7 minutes apart, plus jitter that never reorders items.
    date = START - dt.timedelta(minutes=7 * i, seconds=rng.randint(0, 300))
    s = slug(title)[:60].rstrip("-")
    link = "%s/%04d/%02d/%s-%d" % (HOST, date.year, date.month, s, i + 1)
    guid = "tidings-bench-%07d" % (i + 1)
    author = "%s %s" % (rng.choice(FIRST), rng.choice(LAST))
    cats = rng.sample(SECTIONS, 2)
    teaser = " ".join(sentence(rng, 14, 20) for _ in range(2))
    img = "%s/%04d/%s-%d.jpg" % (IMG, date.year, s, i + 1)
    alt = "%s near %s" % (rng.choice(SUBJECTS), place)
    caption = sentence(rng, 8, 14)
    credit = rng.choice(AGENCIES)

    paras = []
    paras.append("<p>%s <strong>%s</strong> %s</p>" % (sentence(rng)[:-1], sentence(rng, 4, 7).lower(), sentence(rng)))
    paras.append('<figure><img src="%s" alt="%s" width="976" height="549">'
                 "<figcaption>%s <span>Image source, %s</span></figcaption></figure>"
                 % (img, xml_escape(alt, {'"': "&quot;"}), caption, credit))
    n_paras = rng.randint(3, 5)
    links_at = set(rng.sample(range(n_paras), 2))
    for p in range(n_paras):
        body = [sentence(rng) for _ in range(rng.randint(2, 3))]
        if p in links_at:
            host = rng.choice(LINK_HOSTS)
            href = "https://%s/%s/%d" % (host, slug(rng.choice(OBJECTS)), rng.randint(100, 99999))
            body.insert(1, 'According to <a href="%s">%s</a>, %s' % (href, rng.choice(LINK_TEXT),
                                                                     sentence(rng, 8, 14).lower()))
        if p == 3:
            body.append("<em>%s</em>" % sentence(rng, 6, 10))
        if p == n_paras // 2:
            paras.append("<h2>%s?</h2>" % sentence(rng, 4, 7)[:-1])
        paras.append("<p>%s</p>" % " ".join(body))
    html = "\n".join(paras)
    return dict(title=title, link=link, guid=guid, date=date, author=author, cats=cats, teaser=teaser,
                html=html, img=img, credit=credit, caption=caption)


def cdata(s):
    return "<![CDATA[" + s.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def rss_item(it):
    return (
        "    <item>\n"
        "      <title>%s</title>\n"
        "      <link>%s</link>\n"
        '      <guid isPermaLink="false">%s</guid>\n'
        "      <pubDate>%s</pubDate>\n"
        "      <dc:creator>%s</dc:creator>\n"
        "      <category>%s</category>\n"
        "      <category>%s</category>\n"
        "      <description>%s</description>\n"
        "      <content:encoded>%s</content:encoded>\n"
        '      <media:content url="%s" medium="image" type="image/jpeg" width="976" height="549">\n'
        "        <media:credit>%s</media:credit>\n"
        "        <media:description>%s</media:description>\n"
        "      </media:content>\n"
        "    </item>\n"
    ) % (xml_escape(it["title"]), xml_escape(it["link"]), it["guid"], rfc822_portable(it["date"]),
         xml_escape(it["author"]), it["cats"][0], it["cats"][1], cdata(it["teaser"]), cdata(it["html"]),
         xml_escape(it["img"]), xml_escape(it["credit"]), xml_escape(it["caption"]))


def atom_entry(it):
    d = iso(it["date"])
    return (
        "  <entry>\n"
        "    <id>%s</id>\n"
        "    <title>%s</title>\n"
        '    <link rel="alternate" type="text/html" href="%s"/>\n'
        "    <published>%s</published>\n"
        "    <updated>%s</updated>\n"
        "    <author><name>%s</name></author>\n"
        '    <category term="%s"/>\n'
        '    <category term="%s"/>\n'
        '    <summary type="text">%s</summary>\n'
        '    <content type="html">%s</content>\n'
        '    <media:content url="%s" medium="image" type="image/jpeg" width="976" height="549">\n'
        "      <media:credit>%s</media:credit>\n"
        "      <media:description>%s</media:description>\n"
        "    </media:content>\n"
        "  </entry>\n"
    ) % ("tag:news.example.org,2026:" + it["guid"], xml_escape(it["title"]), xml_escape(it["link"]), d, d,
         xml_escape(it["author"]), it["cats"][0], it["cats"][1], xml_escape(it["teaser"]),
         xml_escape(it["html"]), xml_escape(it["img"]), xml_escape(it["credit"]), xml_escape(it["caption"]))


def json_item(it):
    d = iso(it["date"])
    obj = {
        "id": it["guid"],
        "url": it["link"],
        "title": it["title"],
        "summary": it["teaser"],
        "content_html": it["html"],
        "image": it["img"],
        "date_published": d,
        "date_modified": d,
        "authors": [{"name": it["author"]}],
        "tags": it["cats"],
    }
    return "    " + json.dumps(obj, ensure_ascii=False)


def write_rss(path, n):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
                ' xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/"'
                ' xmlns:atom="http://www.w3.org/2005/Atom">\n'
                "  <channel>\n"
                "    <title>Tidings Bench News (%d items)</title>\n"
                "    <link>%s/</link>\n"
                '    <atom:link rel="self" type="application/rss+xml" href="%s/feeds/bench-%d.rss.xml"/>\n'
                "    <description>Generated stories for benchmarking Tidings.</description>\n"
                "    <language>en</language>\n"
                "    <lastBuildDate>%s</lastBuildDate>\n"
                "    <image>\n      <url>%s/tidings/icon-144.png</url>\n"
                "      <title>Tidings Bench News</title>\n      <link>%s/</link>\n    </image>\n"
                % (n, HOST, HOST, n, rfc822_portable(START), IMG, HOST))
        for i in range(n):
            f.write(rss_item(make_item(i)))
        f.write("  </channel>\n</rss>\n")


def write_atom(path, n):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"'
                ' xml:lang="en">\n'
                "  <title>Tidings Bench News (%d items)</title>\n"
                "  <subtitle>Generated stories for benchmarking Tidings.</subtitle>\n"
                '  <link rel="alternate" type="text/html" href="%s/"/>\n'
                '  <link rel="self" type="application/atom+xml" href="%s/feeds/bench-%d.atom.xml"/>\n'
                "  <id>tag:news.example.org,2026:bench-%d</id>\n"
                "  <updated>%s</updated>\n"
                "  <icon>%s/tidings/icon-144.png</icon>\n"
                "  <author><name>Tidings Bench Desk</name></author>\n"
                % (n, HOST, HOST, n, n, iso(START), IMG))
        for i in range(n):
            f.write(atom_entry(make_item(i)))
        f.write("</feed>\n")


def write_json(path, n):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        head = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Tidings Bench News (%d items)" % n,
            "home_page_url": HOST + "/",
            "feed_url": "%s/feeds/bench-%d.json" % (HOST, n),
            "description": "Generated stories for benchmarking Tidings.",
            "icon": IMG + "/tidings/icon-144.png",
            "language": "en",
            "authors": [{"name": "Tidings Bench Desk"}],
        }
        h = json.dumps(head, ensure_ascii=False, indent=2)
        f.write(h[:-2] + ',\n  "items": [\n')  # reopen the object to append items
        for i in range(n):
            if i:
                f.write(",\n")
            f.write(json_item(make_item(i)))
        f.write("\n  ]\n}\n")


WRITERS = {"rss": (".rss.xml", write_rss), "atom": (".atom.xml", write_atom), "json": (".json", write_json)}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default="/tmp/tidings-bench", help="output directory (default: %(default)s)")
    ap.add_argument("--sizes", default="100,10000,100000", help="comma-separated item counts (default: %(default)s)")
    ap.add_argument("--formats", default="rss,atom,json", help="comma-separated: rss, atom, json (default: all)")
    ap.add_argument("--force", action="store_true", help="rewrite files that already exist")
    a = ap.parse_args(argv)
    sizes = [int(s) for s in a.sizes.split(",") if s.strip()]
    formats = [s.strip() for s in a.formats.split(",") if s.strip()]
    for fmt in formats:
        if fmt not in WRITERS:
            ap.error("unknown format %r (rss, atom, json)" % fmt)
    os.makedirs(a.out, exist_ok=True)
    for n in sizes:
        for fmt in formats:
            ext, writer = WRITERS[fmt]
            path = os.path.join(a.out, "feed-%d%s" % (n, ext))
            if os.path.exists(path) and not a.force:
                print("exists  %s (%.1f MB)" % (path, os.path.getsize(path) / 1e6), file=sys.stderr)
                continue
            tmp = path + ".tmp"
            writer(tmp, n)
            os.replace(tmp, path)  # never leave a half-written feed behind
            print("wrote   %s (%.1f MB)" % (path, os.path.getsize(path) / 1e6), file=sys.stderr)


if __name__ == "__main__":
    main()
