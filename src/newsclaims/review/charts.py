"""Charts of the corpus report as inline SVG, drawn with matplotlib.

Every figure is drawn with fixed settings (bundled DejaVu fonts, text kept as text, a per-chart
hash salt, no date in the metadata) so the same records always give the same bytes. Ids inside an
SVG are prefixed with the chart's name so several charts can live in one HTML page.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import date

INK, MUTED, GRID = "#1f2328", "#656d76", "#d0d7de"
BLUE, ORANGE, GREEN, RED, YELLOW = "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#d4a72c"
WIDTH = 6.6  # inches
RC = {
    "svg.fonttype": "none", "svg.image_inline": True, "font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"],
    "font.size": 9, "axes.edgecolor": GRID, "axes.labelcolor": MUTED, "axes.titlesize": 10, "axes.spines.top": False,
    "axes.spines.right": False, "xtick.color": MUTED, "ytick.color": INK, "axes.axisbelow": True, "path.simplify": False,
    "figure.dpi": 72, "savefig.bbox": None,
}
_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(url\(#|href="#)')


def _svg(fig, name: str) -> str:
    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context({**RC, "svg.hashsalt": name, "svg.id": f"chart-{name}"}):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.S)
    svg = _ID.sub(lambda m: m.group(0) if m.group(1) == f"chart-{name}" else f'id="{name}-{m.group(1)}"', svg)
    svg = _REF.sub(lambda m: f"{m.group(1)}{name}-", svg)
    svg = re.sub(r'(<svg[^>]*?) width="[^"]*" height="[^"]*"', r'\1 class="chart-svg" role="img"', svg, count=1)
    return svg.strip() + "\n"


def _figure(height: float, width: float = WIDTH):
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context(RC):
        return Figure(figsize=(width, height), layout="constrained")


def _label_rows(ax, ys, labels: Sequence[str], xlabel: str) -> None:
    """The look shared by horizontal bar charts: one labelled row per bar, first at the top, counts on x."""
    ax.set_yticks(list(ys), [_short(label) for label in labels])
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.margins(x=0.12)
    ax.grid(axis="x", color=GRID, linewidth=0.6)
    ax.tick_params(axis="y", length=0)
    ax.xaxis.get_major_locator().set_params(integer=True)


def barh(name: str, labels: Sequence[str], values: Sequence[int], *, xlabel: str, colour: str = BLUE) -> str:
    """Horizontal bars, largest first, each labelled with its value."""
    import matplotlib

    with matplotlib.rc_context(RC):
        fig = _figure(0.6 + 0.26 * max(len(labels), 1))
        ax = fig.add_subplot()
        ys = range(len(labels))
        bars = ax.barh(list(ys), list(values), color=colour, height=0.7)
        ax.bar_label(bars, padding=3, fontsize=8, color=MUTED)
        _label_rows(ax, ys, labels, xlabel)
        return _svg(fig, name)


def stacked_barh(name: str, labels: Sequence[str], series: dict[str, Sequence[int]], colours: Sequence[str], *, xlabel: str) -> str:
    """Horizontal bars stacked from several series (e.g. quotes and claims per speaker)."""
    import matplotlib

    with matplotlib.rc_context(RC):
        fig = _figure(0.8 + 0.26 * max(len(labels), 1))
        ax = fig.add_subplot()
        ys = list(range(len(labels)))
        left = [0] * len(labels)
        for (label, values), colour in zip(series.items(), colours):
            ax.barh(ys, list(values), left=left, color=colour, height=0.7, label=label)
            left = [a + b for a, b in zip(left, values)]
        for y, total in zip(ys, left):
            ax.annotate(str(total), (total, y), xytext=(3, 0), textcoords="offset points", va="center", fontsize=8, color=MUTED)
        _label_rows(ax, ys, labels, xlabel)
        ax.legend(loc="lower right", frameon=False)
        return _svg(fig, name)


def counts_histogram(name: str, series: dict[str, Sequence[int]], colours: Sequence[str], *, cap: int = 10) -> str:
    """How many articles have 0, 1, 2 … (cap+) items, one bar group per series."""
    import matplotlib

    with matplotlib.rc_context(RC):
        fig = _figure(2.6)
        ax = fig.add_subplot()
        bins = list(range(cap + 1))
        width = 0.8 / max(len(series), 1)
        for k, ((label, values), colour) in enumerate(zip(series.items(), colours)):
            counts = [sum(1 for v in values if min(v, cap) == b) for b in bins]
            ax.bar([b + (k - (len(series) - 1) / 2) * width for b in bins], counts, width=width, color=colour, label=label)
        ax.set_xticks(bins, [str(b) for b in bins[:-1]] + [f"{cap}+"])
        ax.set_xlabel("items in the article")
        ax.set_ylabel("articles")
        ax.grid(axis="y", color=GRID, linewidth=0.6)
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.legend(frameon=False)
        return _svg(fig, name)


def _bins(lo: date, hi: date) -> tuple[str, int]:
    """The bin unit for dates from ``lo`` to ``hi``: days, months or years, with its width in days."""
    span = (hi - lo).days
    if span <= 120:
        return "day", 1
    if span <= 6 * 366:
        return "month", 30
    return "year", 365


def _bin_start(d: date, unit: str) -> date:
    return d if unit == "day" else d.replace(day=1) if unit == "month" else d.replace(month=1, day=1)


def robust_range(dates: Sequence[date], trim: float = 0.02) -> tuple[date, date]:
    """The range of ``dates`` without the ``trim`` share at each end (all of them when there are few)."""
    ordered = sorted(dates)
    if len(ordered) < 50:
        return ordered[0], ordered[-1]
    k = int(len(ordered) * trim)
    return ordered[k], ordered[-1 - k]


def timeline(name: str, series: dict[str, Sequence[date]]) -> str:
    """Articles over time, one small histogram per group (source or publisher), each on its own range.

    Each group's axis covers its dates without the 2 % most extreme at each end (so one stray date
    does not flatten the rest); bins are days, months or years depending on the span.
    """
    import matplotlib
    import matplotlib.dates as mdates

    with matplotlib.rc_context(RC):
        fig = _figure(0.35 + 1.05 * max(len(series), 1), width=11)
        axes = fig.subplots(nrows=max(len(series), 1), ncols=1, squeeze=False)[:, 0]
        for ax, (group, dates) in zip(axes, series.items()):
            lo, hi = robust_range(dates)
            unit, width = _bins(lo, hi)
            counts: dict[date, int] = {}
            for d in dates:
                if lo <= d <= hi:
                    start = _bin_start(d, unit)
                    counts[start] = counts.get(start, 0) + 1
            starts = sorted(counts)
            ax.bar(starts, [counts[s] for s in starts], width=width * 0.85, align="edge", color=BLUE)
            outside = sum(1 for d in dates if not lo <= d <= hi)
            note = f"{len(dates)} article{'s' if len(dates) != 1 else ''}, per {unit}" + (f"; {outside} outside this range" if outside else "")
            ax.set_title(f"{_short(group, 60)}  ·  {note}", loc="left", fontsize=9, color=INK)
            locator = mdates.AutoDateLocator(minticks=3, maxticks=9)
            ax.xaxis.set_major_locator(locator)
            ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
            pad = max(width, (hi - lo).days * 0.02)
            ax.set_xlim(mdates.date2num(_bin_start(lo, unit)) - pad, mdates.date2num(hi) + width + pad)
            ax.yaxis.get_major_locator().set_params(integer=True, nbins=3)
            ax.grid(axis="y", color=GRID, linewidth=0.6)
        return _svg(fig, name)


def status_bar(name: str, valid: int, warned: int, invalid: int, unreadable: int = 0) -> str:
    """One stacked bar: valid records, valid ones with warnings, invalid and unreadable ones."""
    import matplotlib

    with matplotlib.rc_context(RC):
        fig = _figure(1.3, width=7)
        ax = fig.add_subplot()
        left = 0
        parts = (("valid", valid, GREEN), ("valid with warnings", warned, YELLOW), ("invalid", invalid, RED), ("unreadable", unreadable, MUTED))
        for label, value, colour in parts:
            if value:
                ax.barh([0], [value], left=left, color=colour, height=0.6, label=f"{label} ({value})")
                ax.annotate(str(value), (left + value / 2, 0), ha="center", va="center", color="white", fontsize=9, fontweight="bold")
                left += value
        ax.set_yticks([])
        ax.set_xlim(0, max(left, 1))
        ax.set_xlabel("records")
        ax.spines["left"].set_visible(False)
        fig.legend(loc="outside upper center", ncols=4, frameon=False)
        return _svg(fig, name)


def _short(label: str, limit: int = 34) -> str:
    """A tick label: shortened, with ``$`` escaped so matplotlib does not read it as mathtext."""
    label = label if len(label) <= limit else label[: limit - 1] + "…"
    return label.replace("$", r"\$")
