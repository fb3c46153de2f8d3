"""A few drawing primitives that write SVG markup directly (no matplotlib, no fonts read).

The plots of :mod:`horizont.forensics.plots` are built from these: a :class:`Figure` of
fixed pixel size holds :class:`Axes`, each with data limits, lines, bars, bands, a
heat map (an embedded PNG written with numpy and zlib), ticks, axis labels and a legend.
Only SVG presentation attributes are used (no ``style`` attributes or elements), so the
markup passes a strict Content-Security-Policy inline and as an image, and fpdf2 can
place it in a PDF as vector graphics.
"""

from __future__ import annotations

import base64
import functools
import math
import re
import struct
import zlib
from collections.abc import Sequence
from html import escape

import numpy as np
import numpy.typing as npt

#: The first family is what the browser shows; "DejaVu" is the name the PDF registers.
FONT = "DejaVu Sans, DejaVu, Verdana, Arial, sans-serif"
TEXT = "#222222"
GRID = "#555555"
#: matplotlib's "magma" and "viridis" at 17 evenly spaced points (interpolated between).
MAGMA = (
    "#000004 #0a0822 #1d1147 #36106b #51127c #6a1c81 #832681 #9c2e7f #b73779 "
    "#d0416f #e75263 #f56b5c #fc8961 #fea772 #fec488 #fde2a3 #fcfdbf"
).split()
VIRIDIS = (
    "#440154 #48186a #472d7b #424086 #3b528b #33638d #2c728e #26828e #21918c "
    "#1fa088 #28ae80 #3fbc73 #5ec962 #84d44b #addc30 #d8e219 #fde725"
).split()

FloatArray = npt.NDArray[np.float64]

#: Characters that XML 1.0 does not allow even escaped (C0 controls but tab and line
#: ends, lone surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` as SVG character data or attribute value: escaped, and each character
    XML forbids (a vertical tab from a spreadsheet cell in a region's name) a space, so
    that browsers and fpdf2 can still read the picture."""
    return escape(_NOT_XML.sub(" ", text))


def _f(value: float) -> str:
    """A coordinate with two decimals at most (smaller markup, same picture)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def text_width(text: str, size: float) -> float:
    """A close estimate of the width of ``text`` in a sans-serif font of ``size`` px."""
    return 0.62 * size * len(text)


def png_rgb(rgb: npt.NDArray[np.uint8]) -> bytes:
    """An 8-bit RGB PNG of ``rgb`` (height × width × 3, top row first)."""
    height, width, _ = rgb.shape
    raw = np.zeros((height, 1 + 3 * width), dtype=np.uint8)  # filter byte 0 per row
    raw[:, 1:] = rgb.reshape(height, 3 * width)

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw.tobytes(), 6))
        + chunk(b"IEND", b"")
    )


def colour(values: FloatArray, stops: Sequence[str]) -> npt.NDArray[np.uint8]:
    """Values in [0, 1] through the colour map ``stops`` (evenly spaced hex colours)."""
    anchors = np.array([[int(s[i : i + 2], 16) for i in (1, 3, 5)] for s in stops], dtype=float)
    positions = np.linspace(0.0, 1.0, len(stops))
    flat = np.clip(np.nan_to_num(values, nan=0.0), 0.0, 1.0).ravel()
    channels = [np.interp(flat, positions, anchors[:, c]) for c in range(3)]
    rgb = np.stack(channels, axis=-1).reshape(*values.shape, 3)
    return np.asarray(np.round(rgb), dtype=np.uint8)


def nice_ticks(low: float, high: float, count: int = 6) -> list[float]:
    """About ``count`` round tick values (1, 2 or 5 × 10ⁿ apart) within [low, high]."""
    if not (math.isfinite(low) and math.isfinite(high)) or high <= low:
        return [low] if math.isfinite(low) else []
    raw = (high - low) / max(count, 1)
    power = 10.0 ** math.floor(math.log10(raw))
    candidates = [m * power for m in (1.0, 2.0, 5.0, 10.0)]
    step = min(candidates, key=lambda s: abs((high - low) / s - count))
    first = math.ceil(low / step - 1e-9) * step
    ticks = []
    value = first
    while value <= high + step * 1e-9:
        ticks.append(0.0 if abs(value) < step * 1e-9 else value)
        value += step
    return ticks


def tick_digits(ticks: Sequence[float]) -> int:
    """Decimals needed to tell the ticks apart."""
    if len(ticks) < 2:
        return 0
    step = abs(ticks[1] - ticks[0])
    return max(0, -math.floor(math.log10(step) + 1e-9)) if step > 0 else 0


@functools.lru_cache(maxsize=8)
def _heat_map_png(
    data: bytes,
    shape: tuple[int, ...],
    size: tuple[int, int],
    top: float | None,
    stops: tuple[str, ...],
) -> str:
    """The base64 PNG of a heat map (cached: a report draws the same map in four languages)."""
    values = np.frombuffer(data, dtype=np.float64).reshape(shape)
    highest = float(values.max()) if values.size else 0.0
    scale = top if top is not None else highest
    grid = values.T[::-1] / scale if scale > 0 else np.zeros_like(values.T)
    width, height = size
    rows = np.arange(height) * grid.shape[0] // max(height, 1)
    columns = np.arange(width) * grid.shape[1] // max(width, 1)
    rgb = colour(grid, stops)[np.ix_(rows, columns)]
    return base64.b64encode(png_rgb(rgb)).decode("ascii")


class Axes:
    """A plotting area at (left, top) of width × height pixels showing ``xlim`` × ``ylim``."""

    def __init__(
        self,
        left: float,
        top: float,
        width: float,
        height: float,
        xlim: tuple[float, float],
        ylim: tuple[float, float],
    ) -> None:
        self.left, self.top, self.width, self.height = left, top, width, height
        self.xlim = xlim
        self.ylim = ylim if ylim[1] > ylim[0] else (ylim[0], ylim[0] + 1.0)
        self.parts: list[str] = []
        self.overlay: list[str] = []
        self.drawn: list[tuple[FloatArray, FloatArray]] = []  # pixels of lines, for legends

    def x(self, value: float) -> float:
        low, high = self.xlim
        return self.left + (value - low) / (high - low) * self.width

    def y(self, value: float) -> float:
        low, high = self.ylim
        return self.top + self.height - (value - low) / (high - low) * self.height

    def _xs(self, values: FloatArray) -> FloatArray:
        low, high = self.xlim
        return self.left + (np.asarray(values, dtype=float) - low) / (high - low) * self.width

    def _ys(self, values: FloatArray) -> FloatArray:
        low, high = self.ylim
        clipped: FloatArray = np.clip(np.asarray(values, dtype=float), low, high)
        return self.top + self.height - (clipped - low) / (high - low) * self.height

    def _points(self, xs: FloatArray, ys: FloatArray) -> str:
        keep = (
            np.isfinite(xs)
            & np.isfinite(ys)
            & (xs >= self.xlim[0] - 1e-9)
            & (xs <= self.xlim[1] + 1e-9)
        )
        px, py = self._xs(xs[keep]), self._ys(ys[keep])
        self.drawn.append((px, py))
        return " ".join(f"{_f(a)},{_f(b)}" for a, b in zip(px.tolist(), py.tolist(), strict=True))

    def line(
        self,
        xs: FloatArray,
        ys: FloatArray,
        colour: str,
        width: float = 1.5,
        dashed: bool = False,
    ) -> None:
        """A polyline; values beyond the y limits run along the edge (as if clipped)."""
        dash = ' stroke-dasharray="6 4"' if dashed else ""
        self.parts.append(
            f'<polyline points="{self._points(xs, ys)}" fill="none" stroke="{colour}" '
            f'stroke-width="{_f(width)}" stroke-linejoin="round"{dash}/>'
        )

    def dots(self, xs: FloatArray, ys: FloatArray, colour: str, radius: float = 2.0) -> None:
        """Round markers; those above the y limits (or not finite) are left out."""
        keep = (ys <= self.ylim[1]) & (xs >= self.xlim[0]) & (xs <= self.xlim[1])
        keep &= np.isfinite(xs) & np.isfinite(ys)
        for a, b in zip(self._xs(xs[keep]).tolist(), self._ys(ys[keep]).tolist(), strict=True):
            self.parts.append(
                f'<circle cx="{_f(a)}" cy="{_f(b)}" r="{_f(radius)}" fill="{colour}"/>'
            )

    def area(self, xs: FloatArray, low: FloatArray, high: FloatArray, colour: str) -> None:
        """The region between two curves, translucent."""
        if xs.size == 0:
            return
        outline = np.concatenate([xs, xs[::-1]])
        values = np.concatenate([high, low[::-1]])
        self.parts.append(
            f'<polygon points="{self._points(outline, values)}" fill="{colour}" '
            'fill-opacity="0.2" stroke="none"/>'
        )

    def box(
        self, x0: float, x1: float, y0: float, y1: float, colour: str, opacity: float = 1.0
    ) -> None:
        """A rectangle in data coordinates (bars, bands); left out if a corner is not finite."""
        if not all(math.isfinite(v) for v in (x0, x1, y0, y1)):
            return
        left, right = sorted((self.x(x0), self.x(x1)))
        top, bottom = sorted((self.y(min(y1, self.ylim[1])), self.y(max(y0, self.ylim[0]))))
        fill = f' fill-opacity="{_f(opacity)}"' if opacity < 1.0 else ""
        self.parts.append(
            f'<rect x="{_f(left)}" y="{_f(top)}" width="{_f(right - left)}" '
            f'height="{_f(bottom - top)}" fill="{colour}"{fill}/>'
        )

    def span(self, x0: float, x1: float, colour: str, opacity: float) -> None:
        """A vertical band over the whole height."""
        self.box(x0, x1, self.ylim[0], self.ylim[1], colour, opacity)

    def vline(self, x: float, colour: str, width: float = 1.0) -> None:
        """A vertical line over the whole height; none at a missing (not finite) ``x``."""
        if not math.isfinite(x):
            return
        px = _f(self.x(x))
        self.parts.append(
            f'<line x1="{px}" y1="{_f(self.top)}" x2="{px}" y2="{_f(self.top + self.height)}" '
            f'stroke="{colour}" stroke-width="{_f(width)}"/>'
        )

    def whisker(self, x0: float, x1: float, y: float, colour: str) -> None:
        """A horizontal error bar from x0 to x1 at y, its middle marked (none if not finite)."""
        if not all(math.isfinite(v) for v in (x0, x1, y)):
            return
        a, b, c = _f(self.x(x0)), _f(self.x(x1)), self.y(y)
        m = _f(self.x((x0 + x1) / 2))
        self.parts.append(
            f'<path d="M{a},{_f(c)}H{b}M{m},{_f(c - 5)}V{_f(c + 5)}" '
            f'stroke="{colour}" stroke-width="1.5" fill="none"/>'
        )

    def heat_map(self, values: FloatArray, stops: Sequence[str], top: float | None = None) -> None:
        """``values`` (x bins × y bins) over the whole area, 0 … ``top`` through ``stops``.

        The picture has one pixel per pixel of the area (each bin repeated), so that
        it needs no scaling where ``preserveAspectRatio`` is not understood (fpdf2).
        """
        grid = np.ascontiguousarray(values, dtype=np.float64)
        size = (round(self.width), round(self.height))
        data = _heat_map_png(grid.tobytes(), grid.shape, size, top, tuple(stops))
        self.parts.append(
            f'<image x="{_f(self.left)}" y="{_f(self.top)}" width="{_f(self.width)}" '
            f'height="{_f(self.height)}" image-rendering="pixelated" '
            f'href="data:image/png;base64,{data}"/>'
        )

    def x_axis(
        self, ticks: Sequence[float], labels: Sequence[str], title: str, size: int = 12
    ) -> None:
        base = self.top + self.height
        for value, label in zip(ticks, labels, strict=True):
            px = _f(self.x(value))
            self.overlay.append(
                f'<line x1="{px}" y1="{_f(base)}" x2="{px}" y2="{_f(base + 5)}" stroke="{GRID}"/>'
                f'<text x="{px}" y="{_f(base + 19)}" text-anchor="middle">{xml_text(label)}</text>'
            )
        if title:
            self.overlay.append(
                f'<text x="{_f(self.left + self.width / 2)}" y="{_f(base + 40)}" '
                f'text-anchor="middle" font-size="{size}">{xml_text(title)}</text>'
            )

    def y_axis(
        self, ticks: Sequence[float], labels: Sequence[str], title: str, gap: float = 0
    ) -> None:
        """Ticks and labels on the left; the title turned, ``gap`` px left of the labels."""
        for value, label in zip(ticks, labels, strict=True):
            py = _f(self.y(value))
            self.overlay.append(
                f'<line x1="{_f(self.left - 5)}" y1="{py}" x2="{_f(self.left)}" y2="{py}" '
                f'stroke="{GRID}"/><text x="{_f(self.left - 8)}" y="{_f(self.y(value) + 4)}" '
                f'text-anchor="end">{xml_text(label)}</text>'
            )
        if title:
            widest = max((text_width(label, 11) for label in labels), default=0.0)
            x = self.left - 16 - max(widest, gap)
            y = self.top + self.height / 2
            self.overlay.append(
                f'<text x="{_f(x)}" y="{_f(y)}" text-anchor="middle" font-size="12" '
                f'transform="rotate(-90 {_f(x)} {_f(y)})">{xml_text(title)}</text>'
            )

    def note(self, text: str, size: int = 13) -> None:
        """``text`` in the middle of the area, wrapped to its width: what a plot says
        where it has nothing to draw."""
        lines: list[str] = []
        for word in text.split():
            if lines and text_width(f"{lines[-1]} {word}", size) <= self.width - 24:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        step = size * 1.35
        first = self.top + self.height / 2 - step * (len(lines) - 1) / 2 + size * 0.35
        x = _f(self.left + self.width / 2)
        self.overlay.extend(
            f'<text x="{x}" y="{_f(first + step * i)}" text-anchor="middle" '
            f'font-size="{size}">{xml_text(line)}</text>'
            for i, line in enumerate(lines)
        )

    def title(self, text: str) -> None:
        self.overlay.append(
            f'<text x="{_f(self.left + self.width / 2)}" y="{_f(self.top - 8)}" '
            f'text-anchor="middle" font-size="13">{xml_text(text)}</text>'
        )

    def legend(self, entries: Sequence[tuple[str, str, str]], where: str = "top right") -> None:
        """Entries (kind, colour, label) — kind "line", "dashed", "patch" or "bar" — in a box."""
        size = 11
        width = 34 + max(text_width(label, size) for _kind, _colour, label in entries)
        height = 8 + 18 * len(entries)
        places = {
            "top right": (self.left + self.width - width - 8, self.top + 8),
            "top left": (self.left + 8, self.top + 8),
            "top centre": (self.left + (self.width - width) / 2, self.top + 8),
            "bottom right": (
                self.left + self.width - width - 8,
                self.top + self.height - height - 8,
            ),
            "bottom left": (self.left + 8, self.top + self.height - height - 8),
        }
        if where == "best":  # the corner that hides the fewest points of the lines
            where = min(places, key=lambda place: self._covered(*places[place], width, height))
        left, top = places[where]
        items = [
            f'<rect x="{_f(left)}" y="{_f(top)}" width="{_f(width)}" height="{_f(height)}" '
            'fill="#ffffff" fill-opacity="0.85" stroke="#cccccc"/>'
        ]
        for number, (kind, fill, label) in enumerate(entries):
            y = top + 13 + 18 * number
            if kind == "patch":
                items.append(
                    f'<rect x="{_f(left + 6)}" y="{_f(y - 6)}" width="20" height="10" '
                    f'fill="{fill}" fill-opacity="0.35"/>'
                )
            elif kind == "bar":
                items.append(
                    f'<path d="M{_f(left + 6)},{_f(y - 1)}H{_f(left + 26)}M{_f(left + 16)},'
                    f'{_f(y - 6)}V{_f(y + 4)}" stroke="{fill}" stroke-width="1.5" fill="none"/>'
                )
            else:
                dash = ' stroke-dasharray="6 4"' if kind == "dashed" else ""
                items.append(
                    f'<line x1="{_f(left + 6)}" y1="{_f(y - 1)}" x2="{_f(left + 26)}" '
                    f'y2="{_f(y - 1)}" stroke="{fill}" stroke-width="2"{dash}/>'
                )
            items.append(
                f'<text x="{_f(left + 32)}" y="{_f(y + 3)}" font-size="{size}">'
                f"{xml_text(label)}</text>"
            )
        self.overlay.append("".join(items))

    def _covered(self, left: float, top: float, width: float, height: float) -> int:
        return sum(
            int(((px >= left) & (px <= left + width) & (py >= top) & (py <= top + height)).sum())
            for px, py in self.drawn
        )

    def markup(self) -> str:
        frame = (
            f'<rect x="{_f(self.left)}" y="{_f(self.top)}" width="{_f(self.width)}" '
            f'height="{_f(self.height)}" fill="none" stroke="{GRID}"/>'
        )
        return "".join(self.parts) + frame + "".join(self.overlay)


class Figure:
    """An SVG picture of ``width`` × ``height`` px with a title and a description.

    ``ident`` prefixes the ids inside, so that several figures can stand in one page.
    """

    def __init__(self, width: int, height: int, *, ident: str, title: str, desc: str) -> None:
        self.width, self.height = width, height
        self.ident, self.title, self.desc = ident, title, desc
        self.axes: list[Axes] = []

    def add(self, axes: Axes) -> Axes:
        self.axes.append(axes)
        return axes

    def svg(self) -> str:
        ident = xml_text(self.ident)
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width}" height="{self.height}" '
            f'viewBox="0 0 {self.width} {self.height}" role="img" '
            f'aria-labelledby="{ident}-title {ident}-desc" font-family="{FONT}" '
            f'font-size="11" fill="{TEXT}">'
            f'<title id="{ident}-title">{xml_text(self.title)}</title>'
            f'<desc id="{ident}-desc">{xml_text(self.desc)}</desc>'
            f'<rect width="{self.width}" height="{self.height}" fill="#ffffff"/>'
            + "".join(axes.markup() for axes in self.axes)
            + "</svg>"
        )
