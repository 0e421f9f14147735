"""Content boundaries: where a reported proposition starts and ends, past what the parse hangs on its cue.

The content rules (:func:`newsclaims.extract.attribution.content_of`) take a cue's complement
subtree. The parser does not always hang the whole reported proposition there; these rules widen
the span to the words PolNeAR's annotators (PARC-style: the content is the reported proposition,
neither the source nor the cue) count as part of it, measured on PolNeAR train:

- an adverbial clause the parser hung on the cue verb right after its reported clause ("said the
  ferries would sail *because the storm had passed*", "asked whether she would run *should the
  party ask*"): a reason, condition or time of what was said, not of the saying — unless its
  subordinator sets it against the report ("while", "though", "after" …);
- the addressee of a phrasal cue that asks someone to act ("called on *the council* to resign"),
  which the content of an object-control verb includes as it does the object of "urged *the
  council* to resign".

One narrows it: an aspectual or conative cue verb whose infinitive is itself a cue verb
("tried *to show* that …", "continued *to insist* …", "went on *to say* …") makes one cue with it;
the content is what the inner verb reports. And a content that is nothing but a time expression
("tweeted *Wednesday*", "spoke for *45 minutes*", which the parser may take for the object) is none,
and a content never holds its own source ("“Denver,” *he*", which the parser may hang on the quote),
nor a time phrase that closes the object of a stance cue ("announced her run *on Friday*": when the
cue happened), nor a phrase or a past-tense clause of time that closes it ("criticized the plan
*during the debate*", "endorsed her *after he lost the primary*").

Pure functions over a spaCy ``Doc``: ``(start, end)`` character spans in, spans out.
"""

from __future__ import annotations

from newsclaims.extract.cues import COMPLEMENT_DEPS, OBJECT_DEPS, cue_classes

#: subordinators of an adverbial clause that stays in the reported proposition when the parser hangs
#: it on the cue verb ("" for none: a participle, an inverted condition "should she be nominated")
REPORTED_ADVCL_MARKS = frozenset({"", "because", "if", "unless", "since", "before", "as"})
#: aspectual and conative verbs that form one cue with the cue verb of their infinitive ("tried to
#: show", "continued to insist", "went on to say"): the content is that of the inner verb
ASPECTUAL_VERBS = frozenset({"try", "attempt", "struggle", "continue", "go", "begin", "start"})
#: entity types of a time expression: a content made of nothing else is when the cue happened ("tweeted
#: Wednesday", "spoke for 45 minutes", parsed as its object), not what was said
TIME_ENTITIES = frozenset({"DATE", "TIME"})
#: punctuation that sets a clause off from the one before it
SET_OFF = frozenset({",", ";", "—", "–", "--", "-"})
#: phrasal cues (verb lemma, preposition) whose prepositional object is the one asked to act
#: ("called on X to …", "appealed to X to …")
ADDRESSEE_PHRASES = frozenset({("call", "on"), ("call", "upon"), ("prevail", "on"), ("prevail", "upon"),
                               ("appeal", "to"), ("count", "on"), ("rely", "on")})


def _has_cue(tok) -> bool:
    """Whether the subtree of ``tok`` holds a verb of the cue lexicon (a relation of its own)."""
    classes = cue_classes()
    return any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in classes for t in tok.subtree)


def _paragraph_break(doc, lo: int, hi: int) -> bool:
    return any("\n" in doc[k].text_with_ws for k in range(lo, hi))


def with_reported_adverbial(doc, content: tuple[int, int], head) -> tuple[int, int]:
    """``content`` (the clause reported by the cue verb ``head``, after it) widened to an adverbial
    clause of ``head`` that follows it, set off by nothing but punctuation, in the same paragraph,
    opened by a subordinator of :data:`REPORTED_ADVCL_MARKS`, and not itself a cue."""
    start, end = content
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or head.i >= span.start:
        return content
    last = span.end - 1
    for child in head.children:
        if child.dep_ != "advcl" or child.i <= last:
            continue
        gap = doc[last + 1:child.left_edge.i]
        if any(not (t.is_punct or t.is_space) for t in gap) or _paragraph_break(doc, span.start, child.right_edge.i):
            return content
        mark = next((m.lower_ for m in child.children if m.dep_ == "mark"), "")
        if mark not in REPORTED_ADVCL_MARKS or _has_cue(child):
            return content
        if not mark and child.tag_ == "VBG" and any(t.text in SET_OFF for t in gap):
            return content  # "…, telling the crowd …": what the speaker did, not what was said
        right = child.right_edge
        while right.i > child.i and right.is_punct:
            right = doc[right.i - 1]
        return start, right.idx + len(right)
    return content


def with_addressee(doc, content: tuple[int, int], head) -> tuple[int, int]:
    """``content`` (a to-infinitive after the cue verb ``head``) widened to the object of a
    preposition of ``head`` that stands between them: "called on the council | to resign" gives
    "the council to resign"."""
    start, end = content
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or head.i >= span.start:
        return content
    first = span[0]
    if first.lower_ != "to" or first.dep_ != "aux":
        return content
    prep = doc[head.i + 1] if head.i + 1 < span.start else None
    if prep is None or prep.dep_ not in ("prep", "prt") or prep.head.i != head.i \
            or (head.lemma_.lower(), prep.lower_) not in ADDRESSEE_PHRASES:
        return content
    addressee = doc[prep.i + 1:span.start]
    if not len(addressee) or _paragraph_break(doc, prep.i, span.start):
        return content
    # the words between are one noun phrase (the object of the preposition, or one the parser
    # made the subject of the infinitive), nothing else
    roots = [t for t in addressee if not (addressee.start <= t.head.i < addressee.end)]
    if len(roots) != 1 or roots[0].pos_ not in ("NOUN", "PROPN", "PRON") or any(t.is_punct for t in addressee):
        return content
    return addressee.start_char, end


def inner_content(doc, content: tuple[int, int], head) -> tuple[int, int]:
    """``content`` (a to-infinitive after the cue verb ``head``) narrowed to the complement of that
    infinitive when ``head`` is one of :data:`ASPECTUAL_VERBS` and the infinitive a cue verb: "tried
    to show *Sanders is not the only one*" (a leading "that" dropped, as in every content)."""
    start, end = content
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 3 or head.i >= span.start or head.lemma_.lower() not in ASPECTUAL_VERBS:
        return content
    first = span[0]
    verb = first.head
    if first.lower_ != "to" or first.dep_ != "aux" or verb.dep_ != "xcomp" or verb.head.i != head.i:
        return content
    if verb.lemma_.lower() not in cue_classes():
        return content
    comp = next((c for c in verb.children if c.i > verb.i and (c.dep_ in COMPLEMENT_DEPS or c.dep_ in OBJECT_DEPS)), None)
    if comp is None or comp.left_edge.i >= span.end:
        return content
    left = comp.left_edge
    if left.dep_ == "mark" and left.lower_ == "that" and left.i + 1 < span.end:
        left = doc[left.i + 1]
    return left.idx, end


def is_time_only(doc, content: tuple[int, int]) -> bool:
    """Whether ``content`` is nothing but a time expression (entities of :data:`TIME_ENTITIES`)."""
    span = doc.char_span(*content, alignment_mode="expand")
    return span is not None and any(not t.is_punct for t in span) and \
        all(t.ent_type_ in TIME_ENTITIES or t.is_punct or t.is_space for t in span)


def _time_phrase(tok) -> bool:
    """A phrase naming nothing but a time: "Thursday", "on Thursday night", "in June 2015"."""
    words = [t for t in tok.subtree if not (t.is_punct or t.is_space)]
    if tok.dep_ == "prep":
        words = [t for t in words if t.i != tok.i]
    return bool(words) and all(t.ent_type_ in TIME_ENTITIES for t in words)


def without_time_of_cue(doc, content: tuple[int, int], head) -> tuple[int, int]:
    """``content`` (the object of the cue verb ``head`` and what follows it) ending before a time
    phrase hung on the cue after the object ("announced his candidacy *in June 2015*", "endorsed
    her *on Thursday*, …"): when the cue happened, not what it conveys."""
    start, end = content
    objs = [c for c in head.children if c.dep_ in OBJECT_DEPS and c.i > head.i and start <= c.idx < end]
    if not objs:
        return content
    times = [c for c in head.children if c.i > objs[0].i and c.dep_ in ("prep", "npadvmod") and start < c.left_edge.idx < end
             and _time_phrase(c)]
    if not times:
        return content
    # only a closing time phrase: the content holds nothing after it but punctuation
    first = min(c.left_edge.i for c in times)
    rest = doc.char_span(doc[first].idx, end, alignment_mode="expand")
    timed = {t.i for c in times for t in c.subtree}
    if rest is None or any(t.i not in timed and not (t.is_punct or t.is_space) for t in rest):
        return content
    # and closes its clause: a content cut short before more words of it ends where it ends
    after = next((t for t in doc[rest.end:rest.end + 3] if not t.is_space), None)
    if after is not None and after.sent == rest.sent and not after.is_punct:
        return content
    cut = doc[first - 1]
    while cut.i > objs[0].i and (cut.is_punct or cut.is_space):
        cut = doc[cut.i - 1]
    return start, cut.idx + len(cut)


def without_source(doc, content: tuple[int, int], source: tuple[int, int] | None) -> tuple[int, int]:
    """``content`` without its own source where the parse put the source at one end of it ("“Denver,”
    he | answered", "what do we | think": the content is "what"), with an auxiliary left before it, or
    the source set off after a quotation or a comma with its description ("“…,” Ann Okafor, head of
    the port authority | told"; :func:`_described_source`)."""
    start, end = content
    if source is None or not (source[0] < end and start < source[1]):
        return content
    if start < source[0] and (source[1] >= end - 1 or _described_source(doc, source, end)):
        span = doc.char_span(start, source[0], alignment_mode="contract")
        if span is None:
            return content
        toks = [t for t in span if not t.is_space]
        while toks and toks[-1].pos_ == "AUX":
            toks.pop()
        if not toks or [t.lower_ for t in toks] == ["that"]:
            return content  # "something that Trump mocked": a relative "that" alone is no claim of its own
        return start, toks[-1].idx + len(toks[-1])
    if source[0] <= start and source[1] < end:
        span = doc.char_span(source[1], end, alignment_mode="contract")
        toks = [t for t in span if not (t.is_space or t.is_punct)] if span is not None else []
        return (toks[0].idx, end) if toks else content
    return content


def _described_source(doc, source: tuple[int, int], end: int) -> bool:
    """Whether the ``source`` is set off by a closing quote mark or a comma before it and the content
    runs from it to ``end`` through nothing but its description (an apposition, a relative clause:
    "“…,” Ann Okafor, head of the port authority, who …")."""
    span = doc.char_span(*source, alignment_mode="expand")
    if span is None or not len(span) or span.start == 0:
        return False
    before = doc[span.start - 1]
    if not (before.text == "," or before.tag_ == "''"):
        return False
    own = {t.i for t in span.root.subtree}
    rest = doc.char_span(source[1], end, alignment_mode="expand")
    return rest is None or all(t.i in own or t.is_punct or t.is_space for t in rest)


#: punctuation that opens and closes an attribution set into the content ("X, he said, Y"; "X — he said — Y")
ASIDE_MARKS = frozenset({",", "—", "–", "--"})


def _aside_words(head, clause) -> set[int]:
    """Token indices an interrupting attribution may hold: the cue ``head`` and the subtrees of its
    children (its source, "on Tuesday", "to reporters"), except the one holding the ``clause``."""
    ids = {head.i}
    for child in head.children:
        sub = {t.i for t in child.subtree}
        if clause.i not in sub:
            ids |= sub
    return ids


#: dependents that make a fronted participle a clause of its own ("If the demands are not met, …")
#: rather than the speaker's circumstance ("Asked about the vote, …")
FRONTED_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "mark"})


#: subordinators of a condition: a fronted conditional clause is part of the proposition ("*If the
#: demands are not met*, Taylor warned, …"), where a fronted "as", "while" or "after" clause is as
#: often the time of the saying ("As boos erupt, she says, “…”")
CONDITION_MARKS = frozenset({"if", "unless", "whether"})


def _fronted_conditions(head, subject) -> set[int]:
    """Token indices of the conditional clauses the parser hung on the cue ``head`` before its
    ``subject`` ("*If the rule takes effect*, Dr. Clark added, “…”"): set off with the cue, they
    belong to what is said. A quoted one is a quotation of its own ("“If …,” he said, “…”")."""
    if subject is None:
        return set()
    doc = head.doc
    return {t.i for c in head.children if c.dep_ == "advcl" and c.right_edge.i < subject.left_edge.i
            and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)
            and not any(t.is_quote for t in doc[max(c.left_edge.i - 1, 0):c.right_edge.i + 2])
            for t in c.subtree}


def _setting_clause(span) -> bool:
    """A participle clause that sets the scene of the saying ("Asked about the vote, he said, …"): the
    speaker's circumstance, not part of what is said."""
    roots = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    return len(roots) == 1 and roots[0].dep_ == "advcl" and roots[0].tag_ in ("VBN", "VBG") \
        and not any(c.dep_ in FRONTED_CLAUSE_DEPS for c in roots[0].children)


def _closes_quotation(doc, span) -> bool:
    """Whether ``span`` ends at the closing mark of a quotation, its comma or stop inside or just after."""
    k = span.end - 1
    while k > span.start and doc[k].is_punct and not doc[k].is_quote:
        k -= 1
    if doc[k].tag_ == "\'\'":
        return True
    after = span.end
    while after < len(doc) and doc[after].is_punct and not doc[after].is_quote:
        after += 1
    return after < len(doc) and doc[after].tag_ == "\'\'"


def interrupted_parts(doc, content: tuple[int, int], head, clause) -> list[tuple[int, int]] | None:
    """The pieces of a content that its own attribution interrupts, or None when it is one piece.

    PolNeAR (as PARC) marks the reported proposition without its source and cue, in pieces where the
    attribution stands inside it: "The economy, he said, is growing" → "The economy" + "is growing";
    "X, according to officials, Y" likewise. ``content`` is the piece the content rule found on one
    side of the aside (``head`` is the cue, ``clause`` the head of the reported clause); the other
    piece is the run of the clause's words on the far side of the aside, up to the sentence edge.
    The aside holds nothing but the cue, its own dependents and punctuation, and is set off by
    commas or dashes on both sides.
    """
    start, end = content
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or clause is None:
        return None
    sent = head.sent
    if not (sent.start <= span.start and span.end <= sent.end):
        return None
    clause_ids = {t.i for t in clause.subtree}
    aside = _aside_words(head, clause)
    if span.start > head.i:  # the content follows the aside: look for its first piece before it
        k = span.start - 1
        while k > sent.start and doc[k].is_quote:
            k -= 1  # a quotation opening the second piece: ', he said, “…”'
        if doc[k].text not in ASIDE_MARKS:
            return None
        opening = k
        k -= 1
        while k >= sent.start and (k in aside or doc[k].is_punct) and doc[k].text not in ASIDE_MARKS:
            k -= 1
        if k < sent.start or doc[k].text not in ASIDE_MARKS or head.i <= k or k + 1 == opening:
            return None
        last = k - 1
        # words the parser hung on the cue before the aside's opening mark are the content's ("Riders,
        # Okafor suggested, don't …", "The source of it, union members say, is …"), but never the
        # cue's own subject or the "as" of "As the harbour master, Ann Okafor, put it, “…”"
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < head.i]
        own = {t.i for t in subjects[-1].subtree} if subjects else set()
        before = (clause_ids | _fronted_conditions(head, subjects[-1] if subjects else None)) - own \
            - {c.i for c in head.children if c.dep_ == "mark"}
        first = last
        while first - 1 >= sent.start and (first - 1) in before:
            first -= 1
        if last < first or last not in before:
            return None
        if _paragraph_break(doc, first, span.end - 1) or _setting_clause(doc[first:last + 1]):
            return None
        piece = (doc[first].idx, doc[last].idx + len(doc[last]))
        if _closes_quotation(doc, doc[first:last + 1]) and not any(t.is_quote for t in doc[opening:span.start + 1]):
            return [piece]  # '“Too much noise,” she said, blaming …': what follows the aside is the speaker's doing
        if opening + 1 < span.start and span[-1].is_quote:
            content = (doc[opening + 1].idx, end)  # the quotation the second piece closes opens it too
        return [piece, content]
    if span.end <= head.i:  # the content comes before the aside: look for its second piece after it
        k = span.end
        if k >= sent.end or doc[k].text not in ASIDE_MARKS:
            return None
        k += 1
        while k < sent.end and (k in aside or doc[k].is_punct) and doc[k].text not in ASIDE_MARKS:
            k += 1
        if k >= sent.end or doc[k].text not in ASIDE_MARKS or head.i >= k or k - 1 == span.end:
            return None
        first = k + 1
        last = first
        while last + 1 < sent.end and (last + 1) in clause_ids and (last + 1) not in aside:
            last += 1
        if first >= sent.end or first not in clause_ids or first in aside:
            return None
        if _closes_quotation(doc, span) and not doc[first].is_quote:
            return None  # '“Too much noise,” she said, blaming …': the words after the aside are the speaker's
        while last > first and doc[last].is_punct:
            last -= 1
        if _paragraph_break(doc, span.start, last):
            return None
        return [content, (doc[first].idx, doc[last].idx + len(doc[last]))]
    return None


#: verbs whose subject is part of what they report ("the politician seemed to be shrinking": the
#: content is "the politician" + "to be shrinking"), as the subject of a passive cue is ("Trump is
#: expected to speak", "Sanders was announced the winner")
RAISING_VERBS = frozenset({"seem", "appear"})
#: subjects that stand for no content of their own ("it is expected that …", "there seems to be …")
EXPLETIVES = frozenset({"it", "there"})
#: dependents of a cue verb that are its own words between its subject and it ("is", "has been", "not", "reportedly")
CUE_WORDS_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})


def raised_subject(doc, content: tuple[int, int], head) -> tuple[int, int] | None:
    """The subject of the cue ``head`` that PolNeAR counts as the first piece of its ``content``: the
    subject of a passive cue or of a raising verb (:data:`RAISING_VERBS`), before the cue, in its
    sentence, when the content follows the cue, or the noun a participle cue follows when it reports
    an infinitive or a gerund ("a town *known* to be quiet" → "a town"); None otherwise. An expletive
    is no piece."""
    span = doc.char_span(*content, alignment_mode="expand")
    if span is None or not len(span) or span.start <= head.i:
        return None
    raising = head.lemma_.lower() in RAISING_VERBS
    subject = next((c for c in head.children if c.dep_ == "nsubjpass" or (raising and c.dep_ == "nsubj")), None)
    if subject is None and head.dep_ == "acl" and head.tag_ == "VBN" and head.head.i == head.i - 1 \
            and head.head.pos_ in ("NOUN", "PROPN") and (span[0].lower_ == "to" or span[0].tag_ == "VBG"):
        noun = head.head  # a participle cue right after its noun ("a developer known to be bullish")
        return noun.left_edge.idx, noun.idx + len(noun)
    if subject is None or subject.i > head.i or subject.lower_ in EXPLETIVES:
        return None
    # the subject runs up to the cue's own words before it ("is", "has been", "reportedly"): the
    # parser may hang part of a long subject on the cue ("The launch of | the newest Nordline ferry")
    stop = min((c.left_edge.i for c in head.children if subject.i < c.i < head.i and c.dep_ in CUE_WORDS_DEPS),
               default=head.i)
    first, last = subject.left_edge, doc[stop - 1]
    if first.i < head.sent.start or last.i < subject.i or _paragraph_break(doc, first.i, span.start):
        return None
    return first.idx, last.idx + len(last)


#: tags of a relative or interrogative pronoun that opens the clause of a cue ("which he said was …")
RELATIVE_TAGS = frozenset({"WDT", "WP"})


def relative_pieces(doc, content: tuple[int, int], head) -> list[tuple[int, int]] | None:
    """The pieces of a content whose cue stands in a relative clause: the pronoun that opens the
    clause and what the cue reports of it ("the fine, which he said | was not a sentence" → "which" +
    "was not a sentence"; "what he calls | corruption" → "what" + "corruption"), as PolNeAR marks
    them; None when the cue's clause opens with no such pronoun before its subject."""
    span = doc.char_span(*content, alignment_mode="expand")
    if span is None or not len(span) or span.end - 1 <= head.i:
        return None
    before = [c for c in head.children if c.i < head.i and c.dep_ not in ("dobj", "obj")]
    k = min((c.left_edge.i for c in before), default=head.i) - 1
    subjects = [c for c in before if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) >= 2 and subjects[0].tag_ in RELATIVE_TAGS and subjects[0].i == k + 1:
        k += 1  # "which he argued seeks …": the parser made the pronoun a second subject of the cue
    if k < head.sent.start or doc[k].tag_ not in RELATIVE_TAGS:
        return None
    pronoun = doc[k]
    # the pronoun belongs to the cue's clause: the cue's object, or a word of its complement
    if not (pronoun.head.i == head.i or any(a.i == head.i for a in pronoun.ancestors)):
        return None
    if span.start > head.i:
        rest = content
    elif span.start == k:
        after = doc[head.i + 1]
        rest = (after.idx, content[1])
    else:
        return None
    if rest[1] <= rest[0] or _paragraph_break(doc, k, span.end - 1):
        return None
    return [(pronoun.idx, pronoun.idx + len(pronoun)), rest]


#: prepositions of a phrase closing a stance cue's object that tells when the cue happened
#: ("criticized the plan *during the debate*", "praised her *before the vote*")
OCCASION_PREPS = frozenset({"during", "before", "after"})
#: subordinators of a past-tense clause closing a stance cue's object that tells when it happened
#: ("endorsed her *after he lost the primary*")
OCCASION_MARKS = frozenset({"after", "before"})
#: dependencies of a cue verb that is itself what another word reports ("no plans *to endorse* X
#: before the primary", "signs pointed to Obama *endorsing* her after …"): the time is the plan's
EMBEDDED_CUE_DEPS = frozenset({"xcomp", "acl", "pcomp", "pobj", "csubj"})


def _occasion(tok) -> bool:
    """A dependent of a cue verb that tells when the cue happened: a prepositional phrase of
    :data:`OCCASION_PREPS` with no verb and no other preposition in it, or a past-tense adverbial
    clause opened by a subordinator of :data:`OCCASION_MARKS`, with one verb and no cue ("after she
    lost the primary"; "after 55 percent said so" is a relation of its own, and so may be a clause
    within)."""
    if tok.dep_ == "prep":
        return tok.lower_ in OCCASION_PREPS and tok.left_edge.i == tok.i and not any(
            t.pos_ in ("VERB", "AUX") or (t.dep_ == "prep" and t.i != tok.i) for t in tok.subtree)
    return tok.dep_ == "advcl" and tok.tag_ == "VBD" and not _has_cue(tok) \
        and not any(t.pos_ == "VERB" and t.i != tok.i for t in tok.subtree) and any(
        m.dep_ == "mark" and m.lower_ in OCCASION_MARKS and m.i == tok.left_edge.i for m in tok.children)


def without_occasion(doc, content: tuple[int, int], head) -> tuple[int, int]:
    """``content`` (the object of the stance cue ``head`` and what follows it) without the phrases
    hung on the cue at its end that tell when the cue happened (:func:`_occasion`: "criticized the
    plan *during the debate*", "endorsed her *after he lost the primary*"); kept when the cue is
    itself what another word reports (:data:`EMBEDDED_CUE_DEPS`). Measured on PolNeAR train, where
    such phrases end the annotated content less often than they close it."""
    start, end = content
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or head.dep_ in EMBEDDED_CUE_DEPS:
        return content
    objs = [c for c in head.children if c.dep_ in OBJECT_DEPS and c.i > head.i and span.start <= c.i < span.end]
    if not objs:
        return content
    last = span.end - 1
    while last > objs[0].i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    cut = None  # peel the closing dependents of the cue, last first, while they tell the occasion
    for child in sorted((c for c in head.children if c.i > objs[0].right_edge.i), key=lambda c: c.i, reverse=True):
        if child.left_edge.i > last or (cut is None and child.right_edge.i < last):
            continue  # after the content (its closing punctuation), or before the dependent that closes it
        if cut is not None and (child.right_edge.i >= cut
                                or any(not (t.is_punct or t.is_space) for t in doc[child.right_edge.i + 1:cut])):
            break
        if not _occasion(child):
            break
        cut = child.left_edge.i
    if cut is None or cut <= objs[0].right_edge.i:
        return content
    end_tok = doc[cut - 1]
    while end_tok.i > objs[0].i and (end_tok.is_punct or end_tok.is_space):
        end_tok = doc[end_tok.i - 1]
    return start, end_tok.idx + len(end_tok)


def fronted_object(doc, content: tuple[int, int], head) -> tuple[int, int]:
    """``content`` (the object of the cue verb ``head``) narrowed to that object when it stands before
    the cue and the content ends there: a relative or interrogative pronoun ("the bill, *which* he
    once supported", "*what* she truly believes", "the remark *that* Trump mocked"), whose clause's
    subject and adverbs the parser's subtree would add are the cue's own words."""
    start, end = content
    obj = next((c for c in head.children if c.dep_ in OBJECT_DEPS and c.i < head.i and start <= c.idx < end), None)
    if obj is None or end > head.idx:
        return content
    first, last = obj.left_edge, obj.right_edge
    if first.idx < start or last.i >= head.i:
        return content
    return first.idx, last.idx + len(last)


#: platforms a closing "on …" phrase names as where a stance was taken ("blamed local officials *on
#: Twitter*", "shared the news *on social media*"): the medium of the cue, not part of its object
PLATFORM_NOUNS = frozenset({"twitter", "facebook", "instagram", "reddit", "youtube", "media", "tv", "television",
                            "radio"})


def without_platform(doc, content: tuple[int, int], head) -> tuple[int, int]:
    """``content`` (the object of the stance cue ``head`` and what follows it) ending before a closing
    "on" or "via" phrase naming a platform (:data:`PLATFORM_NOUNS`), whether the parser hung it on
    the cue or on the object ("shared the news *on social media*", "blamed local officials *on
    Twitter*"); measured on PolNeAR train, where such phrases close the gold content 2 times in 12."""
    start, end = content
    span = doc.char_span(start, end, alignment_mode="expand")
    obj = next((c for c in head.children if c.dep_ in OBJECT_DEPS and c.i > head.i), None)
    if span is None or obj is None or not (span.start <= obj.i < span.end):
        return content
    last = span.end - 1
    while last > obj.i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    for tok in doc[obj.i + 1:last + 1]:
        if tok.dep_ != "prep" or tok.lower_ not in ("on", "via") or tok.left_edge.i != tok.i or tok.right_edge.i < last:
            continue
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.lower_ not in PLATFORM_NOUNS or any(t.is_quote for t in doc[obj.i:last + 1]):
            return content
        if any(t.dep_ in ("conj", "cc") or t.pos_ in ("VERB", "AUX") for t in tok.subtree):
            return content  # "warned ferry riders on social media and at town meetings that …": more than the platform
        if pobj.lower_ == "media" and not any(c.lower_ == "social" for c in pobj.children):
            return content  # "blamed the decline on the news media": whom it was blamed on
        cut = doc[tok.i - 1]
        while cut.i > obj.i and (cut.is_punct or cut.is_space):
            cut = doc[cut.i - 1]
        return start, cut.idx + len(cut)
    return content
