#!/usr/bin/env python3
"""Check the example site's content files without building the site.

For every Markdown file under content/ (except content/du-lieu/):
  - the front matter (TOML between +++ lines or YAML between --- lines) parses;
  - every key is one of the keys of docs/decisions/0003-content-layout.md;
  - pages have a title; posts have a date;
  - every relative link to a .md file points to a file that exists;
  - files are UTF-8 without BOM, with LF line endings;
  - SVG files have a <title> and stay under 8 KB; PDFs stay under 60 KB.

Usage: python3 tools/check_front_matter.py [content-dir]
Needs PyYAML (pip install pyyaml). Exits 1 when something is wrong.
"""
import os
import re
import sys
import tomllib

import yaml

KEYS = {
    "title", "date", "updated", "lastmod", "description", "summary", "draft", "slug",
    "aliases", "tags", "taxonomies", "categories", "author", "authors", "cover", "image",
    "cover_alt", "weight", "template", "lang", "extra", "params", "toc", "paginate_by",
    # documents section
    "number", "doc_type", "issued", "issuer", "signer", "signer_title", "pdf", "based_on",
}

LINK = re.compile(r"\]\(([^)\s]+\.md)(#[^)]*)?\)")


def split_front_matter(text):
    for fence, kind in (("+++", "toml"), ("---", "yaml")):
        if text.startswith(fence + "\n"):
            end = text.find("\n" + fence + "\n", len(fence))
            if end < 0:
                return None, None, text
            return kind, text[len(fence) + 1:end + 1], text[end + len(fence) + 2:]
    return None, None, text


def check_file(path, root, errors):
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        errors.append(f"{path}: has a BOM")
    if b"\r" in raw:
        errors.append(f"{path}: has CR line endings")
    text = raw.decode("utf-8")
    kind, fm, body = split_front_matter(text)
    if kind is None:
        errors.append(f"{path}: no front matter")
        return None
    try:
        meta = tomllib.loads(fm) if kind == "toml" else yaml.safe_load(fm)
    except Exception as e:  # noqa: BLE001
        errors.append(f"{path}: front matter does not parse: {e}")
        return None
    for key in meta:
        if key not in KEYS:
            errors.append(f"{path}: unknown key {key!r}")
    if not meta.get("title"):
        errors.append(f"{path}: no title")
    rel = os.path.relpath(path, root)
    if rel.startswith("tin-tuc" + os.sep) and not rel.endswith("_index.md") and "date" not in meta:
        errors.append(f"{path}: post without date")
    for m in LINK.finditer(body):
        target = m.group(1)
        if "://" in target:
            continue
        dest = os.path.normpath(os.path.join(os.path.dirname(path), target))
        if not os.path.isfile(dest):
            errors.append(f"{path}: broken link {target}")
    for key in ("cover", "pdf"):
        if key in meta:
            dest = os.path.join(os.path.dirname(path), meta[key])
            if not os.path.isfile(dest):
                errors.append(f"{path}: {key} file {meta[key]} missing")
    return meta


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "content")
    root = os.path.normpath(root)
    errors, count = [], 0
    for dirpath, dirnames, filenames in os.walk(root):
        if os.path.relpath(dirpath, root).split(os.sep)[0] == "du-lieu":
            continue
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            if name.endswith(".md"):
                count += 1
                check_file(path, root, errors)
            elif name.endswith(".svg"):
                data = open(path, "rb").read()
                if len(data) > 8 * 1024:
                    errors.append(f"{path}: SVG larger than 8 KB")
                if b"<title" not in data:
                    errors.append(f"{path}: SVG without <title>")
            elif name.endswith(".pdf") and os.path.getsize(path) > 60 * 1024:
                errors.append(f"{path}: PDF larger than 60 KB")
    for e in errors:
        print(e)
    print(f"{count} Markdown files checked, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
