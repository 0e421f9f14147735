"""Error analysis of attribution extraction against a PolNeAR split (develop on train).

Load / process / save: reads a split under ``../shared/eval/polnear/<split>``, parses it once (the
parsed Docs are cached as a spaCy DocBin under ``--cache``, default ``/tmp/attr-cache``), runs the
pipeline and prints the scores, then buckets the errors:

- *cue misses* among matched pairs, by the part of speech and lemma of the gold cue head, whether
  a prediction had a cue at all, and whether the gold cue stands inside the matched prediction's
  content ("nested") or apart from it;
- *gold nesting*: gold relations whose cue stands inside another gold relation's content (PolNeAR
  marks one level of "X said Y believes Z", so a nested cue miss is a level choice, not a missed
  inner relation);
- *speaker misses* among matched pairs, by kind of gold and predicted source;
- *exact misses* among pairs matched at 30 %, by the boundary difference (leading "that", trailing
  attribution, content over several sentences, …).

With ``--examples N`` it prints up to N examples per bucket for reading in a terminal. Output goes to
stdout only: the split's text stays out of the project.

    .venv/bin/python scripts/attribution_errors.py --split train --limit 200 [--examples 3]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval" / "polnear"


def parsed_docs(nlp, texts: list[str], cache: Path):
    """The parsed Docs of ``texts``, from the DocBin cache when it holds these texts parsed by this
    pipeline (its :func:`newsclaims.nlp.fingerprint`: model, spaCy version, tokenizer patterns)."""
    from spacy.tokens import DocBin

    from newsclaims.export import atomic_write
    from newsclaims.nlp import fingerprint, prepare_text

    key = hashlib.sha256("\0".join(texts).encode()).hexdigest()[:16]
    path = cache / f"polnear-{key}-{fingerprint(nlp)}.spacy"
    if path.is_file():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe((prepare_text(t) for t in texts), batch_size=32))
    cache.mkdir(parents=True, exist_ok=True)
    atomic_write(path, DocBin(docs=docs, store_user_data=False).to_bytes())
    return docs


def _span_text(text: str, parts) -> str:
    return " | ".join(text[a:b] for a, b in sorted(parts))


def source_kind(doc, parts) -> str:
    if not parts:
        return "none"
    a, b = parts[0]
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None or not len(span):
        return "other"
    root = span.root
    if root.pos_ == "PRON":
        return "pronoun"
    if root.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return "ent:" + root.ent_type_
    return root.pos_.lower()


def cue_kind(doc, parts) -> tuple[str, str]:
    if not parts:
        return "none", ""
    a, b = parts[0]
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None or not len(span):
        return "other", ""
    words = [t for t in span if not t.is_punct]
    root = span.root
    multi = "multi" if len(words) > 1 else "one"
    return f"{root.pos_}/{multi}", root.lemma_.lower()


_QUOTES = "\"“”‘’`'"


def boundary_bucket(text: str, g, p) -> str:
    """Why a matched prediction is not an exact match of its gold content."""
    from newsclaims.evaluate.attributions import normalise

    gs, ge = g[0][0], g[-1][1]
    ps, pe = p[0][0], p[-1][1]
    gn, pn = normalise(text, g), normalise(text, p)
    if len(g) > 1 or len(p) > 1:
        return "discontinuous"
    if gn == pn:
        return "equal?"
    out = []
    if ps < gs:
        extra = text[ps:gs].strip().lower()
        if extra.rstrip(_QUOTES + " ") in ("that",) or extra.startswith("that"):
            out.append("start:+that")
        elif "\n" in text[ps:gs]:
            out.append("start:+paragraph")
        elif re.search(r"[.!?][\"”’']?\s", text[ps:gs]):
            out.append("start:+sentence")
        else:
            out.append("start:+words")
    elif ps > gs:
        missing = text[gs:ps].strip().lower()
        if missing.startswith("that"):
            out.append("start:-that")
        elif re.search(r"[.!?][\"”’']?\s", text[gs:ps]):
            out.append("start:-sentence")
        else:
            out.append("start:-words")
    if pe > ge:
        extra = text[ge:pe]
        if "\n" in extra:
            out.append("end:+paragraph")
        elif re.search(r"[.!?][\"”’']?\s", extra):
            out.append("end:+sentence")
        elif re.search(r"\b(said|says|told|according|added)\b", extra):
            out.append("end:+attribution")
        elif extra.strip(" ,.;:" + _QUOTES) == "":
            out.append("end:+punct")
        else:
            out.append("end:+words")
    elif pe < ge:
        missing = text[pe:ge]
        if re.search(r"[.!?][\"”’']?\s", missing):
            out.append("end:-sentence")
        elif missing.strip(" ,.;:" + _QUOTES) == "":
            out.append("end:-punct")
        else:
            out.append("end:-words")
    return " ".join(out) or "same-edges"


def candidate_bucket(doc, g, gc: set[int]) -> str:
    """Why a missed gold relation was missed: no candidate cue on its cue, a candidate with the wrong
    content, or a candidate with the right content that the cue model rejected (with its probability)."""
    from newsclaims.extract.attribution import find_attributions
    from newsclaims.extract.cue_model import features, judged, load_model, probability, reported_spans

    key = "newsclaims.errors.candidates"
    if key not in doc.user_data:
        doc.user_data[key] = find_attributions(doc, learned=False, cache=False)
    best = "no-candidate"
    for att in doc.user_data[key]:
        if att.cue is None or not any(a < att.cue.end and att.cue.start < b for a, b in g.cue):
            continue
        pc = {i for a, b in reported_spans(att) for i in range(a, b)}
        if len(gc & pc) > 0.3 * len(gc):
            p = probability(features(att, doc, judged(doc.user_data[key])), load_model())
            return f"rejected p={min(int(p * 10), 9) / 10:.1f}-{min(int(p * 10) + 1, 10) / 10:.1f} rule={att.rule}"
        best = f"wrong-content rule={att.rule}"
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="train")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/attr-cache"))
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--only", default="", help="print examples of buckets containing this word only")
    ap.add_argument("--candidates", action="store_true",
                    help="for each missed relation, say whether a rejected candidate cue would have found it")
    ap.add_argument("--dump", type=Path, default=None, help="write every error as a JSON line here (outside the project)")
    args = ap.parse_args(argv)

    from newsclaims.evaluate.attributions import score, scored_article
    from newsclaims.evaluate.polnear import read_split
    from newsclaims.extract.cues import speech_lemmas
    from newsclaims.nlp import ORIGINAL_TEXT_KEY, load_nlp

    articles = read_split(SHARED / args.split)[args.offset:]
    articles = articles[:args.limit] if args.limit else articles
    nlp = load_nlp()
    docs = parsed_docs(nlp, [a.text for a in articles], args.cache)
    speech = speech_lemmas()
    buckets: dict[str, Counter] = defaultdict(Counter)
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)

    dump = args.dump.open("w") if args.dump else None

    def note(kind: str, bucket: str, example: str, **detail) -> None:
        buckets[kind][bucket] += 1
        if dump is not None:
            dump.write(json.dumps({"kind": kind, "bucket": bucket, **detail}) + "\n")
        if len(examples[kind, bucket]) < args.examples:
            examples[kind, bucket].append(example)

    scored = []
    for article, doc in zip(articles, docs):
        text = article.text
        doc.user_data[ORIGINAL_TEXT_KEY] = text
        _, gold, pred = scored_article(article, doc, speech)
        scored.append((text, gold, pred))
        pchars = [{i for a, b in p.content for i in range(a, b)} for p in pred]
        for g in gold:
            gc = {i for a, b in g.content for i in range(a, b)}
            inside = g.cue and any(h is not g and any(a <= g.cue[0][0] and g.cue[-1][1] <= b for a, b in h.content)
                                   for h in gold)
            buckets["gold nesting"]["cue inside another gold content" if inside else "not nested"] += 1
            if not gc:
                continue
            cands = [j for j, pc in enumerate(pchars) if len(gc & pc) / len(gc) > 0.3]
            if not cands:
                ck, lemma = cue_kind(doc, g.cue)
                note("missed", f"{ck}", f"{lemma}: [{_span_text(text, g.cue)}] {_span_text(text, g.content)[:160]!r}")
                if args.candidates:
                    note("missed-candidate", candidate_bucket(doc, g, gc), f"{lemma}: [{_span_text(text, g.cue)}]")
                continue
            j = max(cands, key=lambda j: len(gc & pchars[j]) / len(gc | pchars[j]))
            p = pred[j]
            ctx = f"{article.name} G=[{_span_text(text, g.content)[:200]!r}] P=[{_span_text(text, p.content)[:200]!r}]"
            if g.cue:
                ck, lemma = cue_kind(doc, g.cue)
                ok = any(s1 < e2 and s2 < e1 for s1, e1 in g.cue for s2, e2 in p.cue)
                if not ok:
                    which = "pred-none" if not p.cue else "pred-other"
                    nested = "nested" if any(a <= c0 and c1 <= b for a, b in p.content for c0, c1 in g.cue) else "apart"
                    note("cue", f"{ck} {which} {nested}", f"gold cue [{_span_text(text, g.cue)}] pred cue "
                         f"[{_span_text(text, p.cue)}] {ctx}", article=article.name, gold=g.content, pred=p.content,
                         gold_cue=g.cue, pred_cue=p.cue, lemma=lemma)
                    buckets["cue-lemma"][lemma] += 1
            if g.source:
                ok = any(s1 < e2 and s2 < e1 for s1, e1 in g.source for s2, e2 in p.source)
                if not ok:
                    same_cue = "same-cue" if any(s1 < e2 and s2 < e1 for s1, e1 in g.cue for s2, e2 in p.cue) else "other-cue"
                    note("speaker", f"{same_cue} {source_kind(doc, g.source)} <- {source_kind(doc, p.source)}",
                         f"gold [{_span_text(text, g.source)}] pred [{_span_text(text, p.source)}] "
                         f"cue [{_span_text(text, g.cue)}] {ctx}", article=article.name, gold_source=g.source,
                         pred_source=p.source, gold_cue=g.cue, pred_cue=p.cue)
            from newsclaims.evaluate.attributions import normalise
            if normalise(text, g.content) != normalise(text, p.content):
                note("exact", boundary_bucket(text, g.content, p.content), ctx, article=article.name,
                     gold=g.content, pred=p.content, gold_cue=g.cue, pred_cue=p.cue, speech=g.speech)
    result = score(scored)
    print(result.format())
    for kind, counter in buckets.items():
        total = sum(counter.values())
        print(f"\n== {kind}: {total}")
        for bucket, n in counter.most_common(30 if kind != "cue-lemma" else 40):
            print(f"{n:6}  {bucket}")
            if args.only and args.only not in bucket:
                continue
            for ex in examples.get((kind, bucket), []):
                print("          " + ex.replace("\n", "⏎"))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main())
