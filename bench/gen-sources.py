#!/usr/bin/env python3
"""Generate large, deterministic documents in the shapes of the JSON news sources (issue #15).

For every size N it writes, with the same N stories as bench/gen-feeds.py:

    DIR/sources-N.hn.json        Hacker News via Algolia   {"hits":[...], "nbHits":...}
    DIR/sources-N.reddit.json    a Reddit listing          {"kind":"Listing","data":{"children":[...]}}
    DIR/sources-N.mastodon.json  a Mastodon timeline       [status, ...]
    DIR/sources-N.newsapi.json   NewsAPI                   {"status":"ok","totalResults":N,"articles":[...]}
    DIR/sources-N.gnews.json     GNews v4                  {"totalArticles":N,"articles":[...]}
    DIR/sources-N.guardian.json  the Guardian Content API  {"response":{"results":[...]}}

Each shape carries the members its service documents, including the ones Tidings skips (Algolia's
_highlightResult, Reddit's dozens of flags and preview resolutions, Mastodon's account and
application objects), so the parsers are measured on realistic documents, not on the fields
they read. Standard library only.

Usage: gen-sources.py [--out DIR] [--sizes 10000] [--force]
"""

import argparse
import html
import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("gen_feeds", os.path.join(HERE, "gen-feeds.py"))
feeds = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(feeds)
make_item, iso = feeds.make_item, feeds.iso


def epoch(d):
    return int((d - feeds.dt.datetime(1970, 1, 1)).total_seconds())


def hn(i, it):
    oid = str(40000000 + i)
    ask = i % 5 == 0
    hit = {
        "_highlightResult": {"author": {"matchLevel": "none", "matchedWords": [], "value": it["author"]},
                             "title": {"matchLevel": "full", "fullyHighlighted": False,
                                       "matchedWords": ["river"], "value": it["title"]}},
        "_tags": ["story", "author_" + it["author"].split()[0].lower(), "story_" + oid] + (["ask_hn"] if ask else []),
        "author": it["author"].split()[0].lower(), "children": [int(oid) + k for k in range(1, 4)],
        "created_at": iso(it["date"]), "created_at_i": epoch(it["date"]), "num_comments": i % 97,
        "objectID": oid, "points": (i * 37) % 900, "story_id": int(oid), "title": it["title"],
        "updated_at": iso(it["date"]),
    }
    if ask:
        hit["story_text"] = it["html"]
    else:
        hit["url"] = it["link"]
    return hit


def reddit(i, it):
    pid = "1x%05d" % i
    self_post = i % 3 == 0
    img = it["img"] + "?width=976&amp;format=pjpg&amp;auto=webp&amp;s=" + "%040x" % (i * 7919)
    data = {
        "approved_at_utc": None, "subreddit": "rivers", "selftext": it["teaser"] if self_post else "",
        "author_fullname": "t2_%x" % (i * 31), "saved": False, "mod_reason_title": None, "gilded": 0,
        "clicked": False, "title": html.escape(it["title"], quote=False), "link_flair_richtext": [],
        "subreddit_name_prefixed": "r/rivers", "hidden": False, "pwls": 6, "link_flair_css_class": None,
        "downs": 0, "thumbnail_height": 78, "top_awarded_type": None, "hide_score": False,
        "name": "t3_" + pid, "quarantine": False, "link_flair_text_color": "dark", "upvote_ratio": 0.97,
        "author_flair_background_color": None, "subreddit_type": "public", "ups": (i * 13) % 5000,
        "total_awards_received": 0, "media_embed": {}, "thumbnail_width": 140, "is_original_content": False,
        "user_reports": [], "secure_media": None, "is_reddit_media_domain": not self_post, "is_meta": False,
        "category": None, "secure_media_embed": {}, "link_flair_text": it["cats"][0], "can_mod_post": False,
        "score": (i * 13) % 5000, "approved_by": None, "is_created_from_ads_ui": False,
        "author_premium": False, "thumbnail": "self" if self_post else it["img"], "edited": False,
        "author_flair_css_class": None, "author_flair_richtext": [], "gildings": {},
        "post_hint": "self" if self_post else "image", "content_categories": None, "is_self": self_post,
        "mod_note": None, "created": epoch(it["date"]) + 0.0, "link_flair_type": "text", "wls": 6,
        "removed_by_category": None, "banned_by": None, "author_flair_type": "text",
        "domain": "self.rivers" if self_post else "img.example.org", "allow_live_comments": False,
        "selftext_html": html.escape('<!-- SC_OFF --><div class="md">' + it["html"] + "</div><!-- SC_ON -->")
        if self_post else None,
        "likes": None, "suggested_sort": None, "banned_at_utc": None, "view_count": None, "archived": False,
        "no_follow": False, "is_crosspostable": True, "pinned": False, "over_18": False,
        "preview": None if self_post else {"images": [{
            "source": {"url": img, "width": 976, "height": 549},
            "resolutions": [{"url": img + "&amp;w=%d" % w, "width": w, "height": w * 9 // 16}
                            for w in (108, 216, 320, 640, 960)],
            "variants": {}, "id": "%x" % (i * 104729)}], "enabled": True},
        "all_awardings": [], "awarders": [], "media_only": False, "can_gild": False, "spoiler": False,
        "locked": False, "author_flair_text": None, "treatment_tags": [], "visited": False,
        "removed_by": None, "num_reports": None, "distinguished": None, "subreddit_id": "t5_2qh1",
        "author_is_blocked": False, "mod_reason_by": None, "removal_reason": None,
        "link_flair_background_color": "", "id": pid, "is_robot_indexable": True, "report_reasons": None,
        "author": it["author"].replace(" ", "_"), "discussion_type": None, "num_comments": i % 211,
        "send_replies": True, "contest_mode": False, "mod_reports": [], "author_patreon_flair": False,
        "author_flair_text_color": None,
        "permalink": "/r/rivers/comments/%s/%s/" % (pid, feeds.slug(it["title"])[:50]),
        "stickied": False, "url": it["link"] if not self_post else
        "https://www.reddit.com/r/rivers/comments/%s/" % pid,
        "subreddit_subscribers": 123456, "created_utc": epoch(it["date"]) + 0.0, "num_crossposts": 0,
        "media": None, "is_video": False,
    }
    return {"kind": "t3", "data": data}


def mastodon(i, it):
    sid = str(113000000000000000 + i)
    user = it["author"].split()[0].lower()
    status = {
        "id": sid, "created_at": iso(it["date"]).replace("Z", ".000Z"), "in_reply_to_id": None,
        "in_reply_to_account_id": None, "sensitive": i % 17 == 0, "spoiler_text": "river news" if i % 17 == 0 else "",
        "visibility": "public", "language": "en",
        "uri": "https://river.example.social/users/%s/statuses/%s" % (user, sid),
        "url": "https://river.example.social/@%s/%s" % (user, sid), "replies_count": i % 13,
        "reblogs_count": i % 29, "favourites_count": i % 71, "edited_at": None, "favourited": False,
        "reblogged": False, "muted": False, "bookmarked": False, "pinned": False,
        "content": "<p>%s</p>" % it["teaser"] + it["html"][:1500],
        "filtered": [], "reblog": None,
        "application": {"name": "Web", "website": None},
        "account": {"id": str(1000 + i % 50), "username": user, "acct": user, "display_name": it["author"],
                    "locked": False, "bot": False, "discoverable": True, "group": False,
                    "created_at": "2022-11-01T00:00:00.000Z", "note": "<p>Writes about rivers.</p>",
                    "url": "https://river.example.social/@" + user,
                    "avatar": "https://files.example.social/avatars/%d.png" % (i % 50),
                    "avatar_static": "https://files.example.social/avatars/%d.png" % (i % 50),
                    "header": "https://files.example.social/headers/original/missing.png",
                    "header_static": "https://files.example.social/headers/original/missing.png",
                    "followers_count": 412, "following_count": 120, "statuses_count": 3000,
                    "last_status_at": "2026-11-30", "emojis": [], "fields": []},
        "media_attachments": [{"id": str(9000 + i), "type": "image", "url": it["img"],
                               "preview_url": it["img"] + "?small", "remote_url": None, "text_url": None,
                               "meta": {"original": {"width": 976, "height": 549, "size": "976x549", "aspect": 1.78}},
                               "description": it["caption"], "blurhash": "UBL_:rOpGG-;~qRjWBay"}],
        "mentions": [], "tags": [{"name": feeds.slug(c), "url": "https://river.example.social/tags/" + feeds.slug(c)}
                                 for c in it["cats"]],
        "emojis": [], "card": {"url": it["link"], "title": it["title"], "description": it["teaser"][:140],
                               "type": "link", "author_name": "", "author_url": "", "provider_name": "",
                               "provider_url": "", "html": "", "width": 400, "height": 225, "image": it["img"],
                               "embed_url": "", "blurhash": "UBL_:rOpGG-;~qRjWBay"},
        "poll": None,
    }
    if i % 9 == 4:  # a boost: the outer status wraps the original
        outer = dict(status)
        outer.update({"id": str(int(sid) + 500000000), "content": "", "media_attachments": [], "card": None,
                      "reblog": status, "uri": status["uri"] + "/activity"})
        return outer
    return status


def newsapi(i, it):
    return {"source": {"id": None, "name": it["credit"]}, "author": it["author"], "title": it["title"],
            "description": it["teaser"], "url": it["link"], "urlToImage": it["img"],
            "publishedAt": iso(it["date"]), "content": it["teaser"][:190] + "… [+%d chars]" % (2000 + i % 3000)}


def gnews(i, it):
    return {"id": "%032x" % (i * 2654435761), "title": it["title"], "description": it["teaser"],
            "content": it["teaser"][:240] + "... [%d chars]" % (2000 + i % 3000), "url": it["link"],
            "image": it["img"], "publishedAt": iso(it["date"]), "lang": "en",
            "source": {"id": "%08x" % (i % 40), "name": it["credit"], "url": "https://news.example.org",
                       "country": "gb"}}


def guardian(i, it):
    path = "%s/%04d/%s" % (it["cats"][0].lower(), it["date"].year, feeds.slug(it["title"])[:60])
    return {"id": path, "type": "article", "sectionId": it["cats"][0].lower(), "sectionName": it["cats"][0],
            "webPublicationDate": iso(it["date"]), "webTitle": it["title"],
            "webUrl": "https://www.theguardian.com/" + path, "apiUrl": "https://content.guardianapis.com/" + path,
            "fields": {"headline": it["title"], "standfirst": "<p>%s</p>" % it["teaser"],
                       "trailText": it["teaser"], "byline": it["author"], "thumbnail": it["img"] + "?w=500",
                       "body": it["html"], "wordcount": "812", "lastModified": iso(it["date"])},
            "tags": [{"id": "profile/" + feeds.slug(it["author"]), "type": "contributor",
                      "webTitle": it["author"], "webUrl": "https://www.theguardian.com/profile/x",
                      "apiUrl": "https://content.guardianapis.com/profile/x"},
                     {"id": "world/" + feeds.slug(it["cats"][1]), "type": "keyword", "webTitle": it["cats"][1],
                      "sectionId": "world", "sectionName": "World news"}],
            "isHosted": False, "pillarId": "pillar/news", "pillarName": "News"}


def write(path, head, items, tail):
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        f.write(head)
        for k, obj in enumerate(items):
            f.write((",\n" if k else "\n") + json.dumps(obj, ensure_ascii=False))
        f.write(tail)
    os.replace(path + ".tmp", path)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="/tmp/tidings-bench")
    ap.add_argument("--sizes", default="10000")
    ap.add_argument("--force", action="store_true")
    a = ap.parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    for n in [int(s) for s in a.sizes.split(",") if s]:
        stories = [make_item(i) for i in range(n)]
        shapes = {
            "hn": ('{"exhaustive":{"nbHits":true},"hits":[', [hn(i, s) for i, s in enumerate(stories)],
                   '],"hitsPerPage":%d,"nbHits":%d,"nbPages":1,"page":0,"query":"river"}' % (n, n)),
            "reddit": ('{"kind":"Listing","data":{"after":null,"dist":%d,"modhash":"","children":[' % n,
                       [reddit(i, s) for i, s in enumerate(stories)], ']}}'),
            "mastodon": ("[", [mastodon(i, s) for i, s in enumerate(stories)], "]"),
            "newsapi": ('{"status":"ok","totalResults":%d,"articles":[' % n,
                        [newsapi(i, s) for i, s in enumerate(stories)], "]}"),
            "gnews": ('{"totalArticles":%d,"articles":[' % n, [gnews(i, s) for i, s in enumerate(stories)], "]}"),
            "guardian": ('{"response":{"status":"ok","userTier":"developer","total":%d,"startIndex":1,'
                         '"pageSize":%d,"currentPage":1,"pages":1,"orderBy":"newest","results":[' % (n, n),
                         [guardian(i, s) for i, s in enumerate(stories)], "]}}"),
        }
        for name, (head, items, tail) in shapes.items():
            path = os.path.join(a.out, "sources-%d.%s.json" % (n, name))
            if os.path.exists(path) and not a.force:
                continue
            write(path, head, items, tail)
            print("wrote %s (%.1f MB)" % (path, os.path.getsize(path) / 1e6), file=sys.stderr)


if __name__ == "__main__":
    main()
