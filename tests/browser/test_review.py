"""The review site in a real browser (Debian's chromium + chromedriver,
selenium): every corpus input's page opens without console errors, shows
every indicator of its JSON, and focusing a field highlights exactly its
source boxes, which hold the field's text on the drawn page. A screenshot
of each page goes to target/review-screenshots/ (a CI artifact).

Run: `pytest tests/browser` after `cargo build` (`.ci/test` does)."""

import json
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "target" / "review-screenshots"

webdriver = pytest.importorskip("selenium.webdriver")


def binary():
    if os.environ.get("JIXIAO_BIN"):
        return os.environ["JIXIAO_BIN"]
    candidates = [p for p in (ROOT / "target" / "release" / "jixiao", ROOT / "target" / "debug" / "jixiao") if p.is_file()]
    if not candidates:
        pytest.fail("no jixiao binary: run `cargo build` first")
    return str(max(candidates, key=lambda p: p.stat().st_mtime))


def fold(text):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("review")
    inputs = [str(ROOT / "corpus" / "pdf"), str(ROOT / "corpus" / "000_9700642081d75d3a.txt"), str(ROOT / "corpus" / "district_budget_2025_填报表.txt")]
    result = subprocess.run([binary(), "review", *inputs, "-o", str(out)], capture_output=True, env={**os.environ, "LC_ALL": "C.UTF-8"})
    assert result.returncode == 0, result.stderr.decode()
    return out


@pytest.fixture(scope="session")
def driver():
    chrome, chromedriver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chrome and chromedriver):
        if os.environ.get("CI") == "true":
            pytest.fail("chromium and chromium-driver are needed (.ci/test installs them)")
        pytest.skip("chromium / chromedriver not installed")
    options = webdriver.ChromeOptions()
    options.binary_location = chrome
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=chromedriver))
    yield d
    d.quit()


def pages(site):
    review = site / "review"
    return sorted(p for p in review.rglob("*.html") if p.name != "index.html")


# Glyph runs inside a box: the text of every SVG <text> whose box lies in it.
TEXT_IN = """
const [ptr] = arguments;
const boxes = Array.from(document.querySelectorAll('[data-source="' + CSS.escape(ptr) + '"]'));
return boxes.map(function (box) {
  const svg = box.ownerSVGElement, r = box.getBBox();
  const texts = Array.from(svg.querySelectorAll('text')).filter(function (t) {
    const b = t.getBBox(), cx = b.x + b.width / 2, cy = b.y + b.height / 2;
    return cx >= r.x && cx <= r.x + r.width && cy >= r.y && cy <= r.y + r.height;
  });
  return {hl: box.classList.contains('hl'), text: texts.map(function (t) { return t.textContent; }).join('')};
});
"""


def test_every_page_opens_clean_and_links_its_fields(site, driver):
    SHOTS.mkdir(parents=True, exist_ok=True)
    all_pages = pages(site)
    assert len(all_pages) >= 16
    checked = 0
    for page in all_pages:
        name = page.relative_to(site / "review").as_posix()[: -len(".html")]
        doc = json.loads((site / f"{name}.json").read_text(encoding="utf-8"))
        driver.get(page.as_uri())
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert not errors, (name, errors)
        # Every indicator of the JSON is in the page.
        for i, project in enumerate(doc["projects"]):
            for k, ind in enumerate(project["indicators"]):
                ptr = f"/projects/{i}/indicators/{k}/name"
                els = driver.find_elements("css selector", f'[data-field="{ptr}"]')
                assert els and fold(els[0].get_attribute("textContent")) == fold(ind["name"]), (name, ptr)
        if doc["source"]["format"] != "pdf":
            driver.save_screenshot(str(SHOTS / (name.replace("/", "__") + ".png")))
            continue
        # Focusing a field lights exactly its sources, which hold its text.
        for i, project in enumerate(doc["projects"][:3]):
            sample = [("/title", doc["title"])] if i == 0 and doc.get("title") else []
            sample += [(f"/projects/{i}/{k}", project[k]) for k in ("name", "department", "implementer", "category") if project.get(k)]
            sample += [(f"/projects/{i}/indicators/{k}/name", ind["name"]) for k, ind in enumerate(project["indicators"][:6])]
            sample += [(f"/projects/{i}/indicators/{k}/target/text", ind["target"]["text"]) for k, ind in enumerate(project["indicators"][:6]) if ind["target"]["text"]]
            for ptr, value in sample:
                field = driver.find_element("css selector", f'[data-field="{ptr}"]')
                driver.execute_script("arguments[0].focus();", field)
                lit = driver.execute_script("return Array.from(document.querySelectorAll('.src.hl')).map(function (e) { return e.getAttribute('data-source'); });")
                assert lit and set(lit) == {ptr}, (name, ptr, lit)
                boxes = driver.execute_script(TEXT_IN, ptr)
                assert boxes and all(b["hl"] for b in boxes), (name, ptr)
                assert any(fold(value) in fold(b["text"]) for b in boxes), (name, ptr, value, boxes)
                checked += 1
        driver.save_screenshot(str(SHOTS / (name.replace("/", "__") + ".png")))
    assert checked > 300


def test_the_index_lists_sorts_and_filters(site, driver):
    driver.get((site / "review" / "index.html").as_uri())
    rows = driver.find_elements("css selector", "#inputs tbody tr")
    assert len(rows) == len(pages(site))
    box = driver.find_element("id", "filter")
    box.send_keys("chromium")
    shown = [r for r in rows if r.is_displayed()]
    assert 0 < len(shown) < len(rows)
    assert all("chromium" in r.text for r in shown)
    assert not [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
