"""OCR and word-processor benchmark: real Arabic news typeset, scanned, read back.

Texts: the NewsFANE news excerpts in ``benchmarks/corpus/`` (provenance in their
headers). Each is typeset to PDF by WeasyPrint in Amiri and in Noto Naskh Arabic
(``benchmarks.repair.make_pdf``), its first page rendered to an image at 150 and 300 dpi,
plus one degraded 300-dpi copy (rotated 1.2°, salt-and-pepper noise, JPEG quality 30,
with Pillow), and read by the workbench (``workbench.sources``: Tesseract, then its
reading of the lines) with the default model (``ara``) and with ``ara+eng``.

Figures: character error rate against the first page's share of the source
(``char_error_rate``), of Tesseract's own text output (``raw``), of the workbench's
reading, and of that reading after ``workbench.clean``. Then the Word and OpenDocument
round trips: the text written to ``.docx`` (python-docx) and ``.odt`` (LibreOffice's
conversion of that file, when installed), read back by ``workbench.load``.

Generated files go to ``benchmarks/_work/``. Run: ``.venv/bin/python benchmarks/ocr.py``.
"""

from __future__ import annotations

import io
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.repair import CORPUS_DIR, WORK_DIR, make_pdf, read_text  # noqa: E402

TEXTS = ("newsfane_iraq", "newsfane_lebanon")
FONTS = ("Amiri", "Noto Naskh Arabic")


def cer(hyp: str, ref: str) -> float:
    """Character error rate of ``hyp`` against ``ref`` (:func:`benchmarks.cer.char_error_rate`)."""
    from benchmarks.cer import char_error_rate

    return char_error_rate(hyp, ref)


def degrade(image, *, seed: int = 0):
    """Slightly skewed, noisy and JPEG-compressed, as a phone or office scan."""
    from PIL import Image

    rnd = random.Random(seed)
    out = image.convert("L").rotate(1.2, expand=True, fillcolor=255, resample=Image.BICUBIC)
    px = out.load()
    for _ in range(out.width * out.height // 200):
        px[rnd.randrange(out.width), rnd.randrange(out.height)] = rnd.choice((0, 255))
    buffer = io.BytesIO()
    out.save(buffer, "JPEG", quality=30)
    return Image.open(io.BytesIO(buffer.getvalue()))


def page_reference(source: str, reading: str) -> str:
    """The part of ``source`` the first page holds: as many words as the page has, the
    count nudged to the best match (the page ends mid-text)."""
    words = source.split()
    n = len(reading.split())
    best = min(range(max(1, n - 15), min(len(words), n + 15) + 1),
               key=lambda k: cer(reading, " ".join(words[:k])))
    return " ".join(words[:best])


def ocr_rows() -> list[dict]:
    from workbench.cleaning.clean import clean
    from workbench.sources import ocr
    from workbench.sources.pdf import render_pdf_pages

    rows = []
    for name in TEXTS:
        source = read_text(CORPUS_DIR / f"{name}.txt")
        for font in FONTS:
            pdf = make_pdf(source, producer="weasyprint", font=font)
            for condition, dpi in (("150 dpi", 150), ("300 dpi", 300), ("300 dpi degraded", 300)):
                image = next(render_pdf_pages(pdf, [0], dpi=dpi))
                if "degraded" in condition:
                    image = degrade(image)
                path = WORK_DIR / f"ocr-{name}-{font.split()[0]}-{condition.replace(' ', '-')}.png"
                image.save(path, dpi=(dpi, dpi))
                for languages in ("ara", "ara+eng"):
                    os.environ["WORKBENCH_OCR_LANGUAGES"] = languages
                    raw = subprocess.run(
                        ["tesseract", str(path), "stdout", "-l", languages, "--dpi", str(dpi)],
                        capture_output=True, text=True, check=True).stdout
                    page = ocr.ocr_image(image, dpi=dpi)
                    reading = page.text
                    ref = page_reference(source, reading)
                    rows.append({
                        "text": name, "font": font, "condition": condition, "model": languages,
                        "raw": cer(raw, ref), "workbench": cer(reading, ref),
                        "cleaned": cer(clean(reading).text, ref),
                        "confidence": page.confidence,
                    })
    os.environ.pop("WORKBENCH_OCR_LANGUAGES", None)
    return rows


def office_rows() -> list[dict]:
    import docx

    from workbench import load

    rows = []
    for name in TEXTS:
        source = read_text(CORPUS_DIR / f"{name}.txt")
        paragraphs = [p.strip() for p in source.split("\n\n") if p.strip()]
        path = WORK_DIR / f"office-{name}.docx"
        document = docx.Document()
        for text in paragraphs:
            document.add_paragraph(text).runs[0].font.rtl = True
        document.save(path)
        rows.append({"text": name, "format": "docx", "cer": cer(load(path).text[0], source)})
        soffice = shutil.which("soffice")
        if soffice is None:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                            "--convert-to", "odt", "--outdir", str(WORK_DIR), str(path)],
                           check=True, capture_output=True, timeout=180)
        odt = path.with_suffix(".odt")
        rows.append({"text": name, "format": "odt (LibreOffice)", "cer": cer(load(odt).text[0], source)})
    return rows


def main() -> None:
    import pandas as pd

    WORK_DIR.mkdir(parents=True, exist_ok=True)
    pd.set_option("display.width", 160)
    results = pd.DataFrame(ocr_rows())
    print("OCR, CER per page (raw: Tesseract's own text; workbench: its reading; cleaned: then clean)")
    print(results.to_string(index=False, float_format=lambda v: f"{v:.4f}"))
    print("\nMean CER by resolution and model")
    print(results.groupby(["condition", "model"])[["raw", "workbench", "cleaned"]].mean()
          .to_string(float_format=lambda v: f"{v:.2%}"))
    office = pd.DataFrame(office_rows())
    print("\nWord and OpenDocument round trips, CER")
    print(office.to_string(index=False, float_format=lambda v: f"{v:.2%}"))


if __name__ == "__main__":
    main()
