"""CPU per uploaded picture: what `check_attachment` (decode, re-encode) costs for large pictures.

    .venv/bin/python bench/uploads.py                 # every case, 3 runs each
    .venv/bin/python bench/uploads.py --runs 5 --only jpeg-64 png-64
    .venv/bin/python bench/uploads.py --report --runs 1   # and ten of each as one report

    # the same pictures through another version of the module, e.g. before a change:
    git show <commit>:layani/intake/uploads.py > /tmp/uploads_before.py
    .venv/bin/python bench/uploads.py --uploads-file /tmp/uploads_before.py

The pictures are generated once into ``--cache`` (so that runs on two versions measure the same
bytes), each under the 10 MB upload limit: photo-like JPEGs at quality 85 with an EXIF orientation
and GPS position (what a phone sends), flat screenshot-like PNGs (the only kind that fits 10 MB at
48 or 64 MP), and the costliest kinds per byte: a photo-like PNG and a photo-like lossless WebP.
`check_attachment` is timed with `time.process_time` (CPU of this process, so other work on the
machine matters little); one row per picture: file size, stored size, best and median of the runs.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: name → (format, photo-like?, width, height); 4:3 like a phone camera.
CASES: dict[str, tuple[str, bool, int, int]] = {
    "jpeg-12": ("JPEG", True, 4000, 3000),
    "jpeg-48": ("JPEG", True, 8000, 6000),
    "jpeg-64": ("JPEG", True, 9216, 6912),
    "png-12": ("PNG", False, 4000, 3000),
    "png-48": ("PNG", False, 8000, 6000),
    "png-64": ("PNG", False, 9216, 6912),
    "png-photo-8": ("PNG", True, 3264, 2448),
    "webp-lossless-photo-10": ("WEBP", True, 3648, 2736),
    "webp-photo-16": ("WEBP-LOSSY", True, 4608, 3456),
}


def picture(fmt: str, photo_like: bool, width: int, height: int) -> bytes:
    from PIL import Image, ImageDraw

    if photo_like:  # smooth noise, upscaled: compresses like a photo
        bands = [Image.effect_noise((width // 16, height // 16), 60) for _ in range(3)]
        image = Image.merge(
            "RGB", [b.resize((width, height), Image.Resampling.BILINEAR) for b in bands]
        )
    else:  # flat areas and stripes: a screenshot or a scan
        image = Image.new("RGB", (width, height), (240, 240, 235))
        draw = ImageDraw.Draw(image)
        for i in range(0, width, max(width // 40, 1)):
            draw.rectangle((i, 0, i + width // 80, height), fill=(30 + i % 200, 90, 160))
        draw.ellipse((width // 4, height // 4, width // 2, height // 2), fill=(200, 40, 40))
    out = io.BytesIO()
    if fmt == "JPEG":
        exif = Image.Exif()
        exif[0x0112] = 6  # held upright: rotate when decoding
        exif[0x8825] = {1: "S", 2: (7.0, 42.0, 57.6), 3: "E", 4: (110.0, 21.0, 19.8)}
        image.save(out, "JPEG", quality=85, exif=exif.tobytes())
    elif fmt == "PNG":
        image.save(out, "PNG")
    elif fmt == "WEBP":
        image.save(out, "WEBP", lossless=True)
    else:
        image.save(out, "WEBP", quality=85)
    return out.getvalue()


def load_check(uploads_file: Path | None) -> Callable[[str, bytes], Any]:
    if uploads_file is None:
        from layani.intake.uploads import check_attachment

        return check_attachment
    spec = importlib.util.spec_from_file_location("uploads_under_test", uploads_file)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {uploads_file}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.check_attachment


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", nargs="*", default=list(CASES), choices=list(CASES))
    parser.add_argument("--uploads-file", type=Path, help="time this copy of uploads.py instead")
    parser.add_argument(
        "--report", action="store_true", help="also time ten copies of each as one report's files"
    )
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "layani-bench-uploads"
    )
    args = parser.parse_args()

    # Run as a script, this folder comes first on the path, and bench/http would shadow http.
    sys.path[0] = str(Path(__file__).resolve().parents[1])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "layani.config.settings.test")
    import django

    django.setup()
    from PIL import Image

    check = load_check(args.uploads_file)
    args.cache.mkdir(parents=True, exist_ok=True)
    # A benchmark prints its table (timings of generated pictures, nothing from a request).
    header = f"{'picture':<24}{'MP':>6}{'file MB':>9}{'stored':>12}{'best s':>9}{'median s':>10}"
    print(header)  # noqa: T201  # nosemgrep: print-or-log-request-body
    for name in args.only:
        fmt, photo_like, width, height = CASES[name]
        path = args.cache / f"{name}.{'webp' if fmt.startswith('WEBP') else fmt.lower()}"
        if not path.exists():
            path.write_bytes(picture(fmt, photo_like, width, height))
        content = path.read_bytes()
        times = []
        for _run in range(args.runs):
            start = time.process_time()
            _shown, stored, _type = check(path.name, content)
            times.append(time.process_time() - start)
        with Image.open(io.BytesIO(stored)) as result:
            size = f"{result.width}x{result.height}"
        print(  # noqa: T201  # nosemgrep: print-or-log-request-body
            f"{name:<24}{width * height / 1e6:>6.1f}{len(content) / 1e6:>9.1f}{size:>12}"
            f"{min(times):>9.2f}{statistics.median(times):>10.2f}"
        )
    if args.report:
        print()  # noqa: T201  # nosemgrep: print-or-log-request-body
        for name in args.only:
            report_row(check, name, args.cache, args.runs)


def report_row(check: Callable[[str, bytes], Any], name: str, cache: Path, runs: int) -> None:
    """Ten copies of one picture as one report's files, in one budget scope (as one request)."""
    from layani.intake.pixel_budget import pixel_budget

    content = next(cache.glob(f"{name}.*")).read_bytes()
    times, stored = [], 0
    for _run in range(runs):
        stored = 0
        start = time.process_time()
        with pixel_budget():
            for number in range(10):
                try:
                    check(f"foto-{number}", content)
                except Exception as error:  # AttachmentError, of whichever module is timed
                    if type(error).__name__ != "AttachmentError":
                        raise
                    break  # the report is refused here; the rest is never looked at
                stored += 1
        times.append(time.process_time() - start)
    print(  # noqa: T201  # nosemgrep: print-or-log-request-body
        f"report of 10 x {name:<26} accepted {stored:>2}"
        f"{min(times):>9.2f}{statistics.median(times):>10.2f}"
    )


if __name__ == "__main__":
    main()
