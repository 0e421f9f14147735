"""The review pages in a real browser: headless Chromium (Debian's ``chromium`` + ``chromium-driver``).

Skips cleanly when the browser, its driver or Selenium is missing (``make test`` installs them where
it can). Screenshots go to a temporary folder, or to ``$NEWSCLAIMS_SCREENSHOTS`` when set.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from reviewing import expected_spans, long_record, make_record, quote, span

from newsclaims.review.page import write_pages

CHROMIUM_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                  "--window-size=1400,1000", "--hide-scrollbars")

# Every drawn span's text, joined over its pieces in document order, by data-span key.
SPAN_TEXTS_JS = """
const out = {};
for (const el of document.querySelectorAll('#text [data-span]')) {
  const key = el.getAttribute('data-span');
  out[key] = (out[key] || '') + el.textContent;
}
return out;
"""

IN_VIEW_JS = """
const r = arguments[0].getBoundingClientRect();
return r.top >= 0 && r.bottom <= window.innerHeight;
"""


def _find(*names: str) -> str | None:
    for name in names:
        found = shutil.which(name) or (name if os.path.isfile(name) and os.access(name, os.X_OK) else None)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    chromium = _find("chromium", "/usr/bin/chromium", "chromium-browser")
    driver_path = _find("chromedriver", "/usr/bin/chromedriver")
    if not chromium or not driver_path:
        pytest.skip("no Chromium browser and driver (Debian packages chromium and chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    profile = tempfile.mkdtemp(prefix="newsclaims-chromium-")
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=driver_path))
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    where = os.environ.get("NEWSCLAIMS_SCREENSHOTS")
    path = Path(where) if where else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def open_page(browser, record: dict, out: Path):
    (page,) = write_pages([record], out)
    browser.get(page.resolve().as_uri())
    return page


def check_spans(browser, record: dict) -> None:
    assert browser.execute_script("return document.getElementById('text').textContent") == record["text"]
    drawn = browser.execute_script(SPAN_TEXTS_JS)
    want = expected_spans(record)
    assert {k: v for k, v in drawn.items() if k in want} == want
    assert set(drawn) == set(want), "the page draws spans the record does not have"
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth"), "the page overflows sideways"


def wait_for(condition, timeout: float = 10.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_seed_page_in_chromium(browser, seed_record, tmp_path, shots):
    open_page(browser, seed_record, tmp_path)
    check_spans(browser, seed_record)
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    # Hovering an actor mention shows its card (name, type).
    first = seed_record["actors"][0]
    mention = browser.find_element(By.ID, "m0-0")
    ActionChains(browser).move_to_element(mention).perform()
    tip = browser.find_element(By.ID, "tip")
    assert wait_for(tip.is_displayed)
    assert first["name"] in tip.text and first["type"][:4] in tip.text
    # Hovering a quote with a source draws the line to its speaker.
    attributed = next(q for q in seed_record["quotes"] + seed_record["claims"] if q["source"])
    ActionChains(browser).move_to_element(browser.find_element(By.ID, f"x-{attributed['id']}")).perform()
    assert wait_for(lambda: browser.execute_script("return document.querySelectorAll('#links path').length") >= 1)
    assert browser.save_screenshot(str(shots / "seed.png"))
    # Typing in the panel's filter keeps only the entries that mention the words.
    name = first["name"].split()[-1]
    browser.find_element(By.ID, "filter").send_keys(name)
    shown = browser.execute_script("return Array.from(document.querySelectorAll('#panel .items li:not([hidden])'), li => li.textContent)")
    assert shown and all(name.lower() in text.lower() for text in shown)


def test_clicking_a_quote_in_the_panel_scrolls_to_it(browser, tmp_path, shots):
    from selenium.webdriver.common.by import By

    record = long_record(300)
    open_page(browser, record, tmp_path)
    check_spans(browser, record)
    last = record["quotes"][-1]["id"]
    target = browser.find_element(By.ID, f"x-{last}")
    assert not browser.execute_script(IN_VIEW_JS, target), "the last quote of a long article starts out of view"
    entry = browser.find_element(By.CSS_SELECTOR, f'#panel a[data-item="{last}"]')
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", entry)
    entry.click()
    assert wait_for(lambda: browser.execute_script(IN_VIEW_JS, target)), "clicking the quote in the panel did not scroll to it"
    assert "active" in target.get_attribute("class")
    assert browser.current_url.endswith(f"#x-{last}")
    assert browser.save_screenshot(str(shots / "long-after-click.png"))


def test_script_in_an_article_renders_as_text(browser, tmp_path):
    text = ('He wrote "<script>document.title = \'pwned\'</script>" and <img src=x onerror="document.title=\'pwned\'">.'
            " https://example.invalid/" + "A" * 600 + " ends the article.")
    content = span(text, text.index("<script>"), text.index('" and'))
    record = make_record(text, rid="escape", quotes=[quote("q1", content, None, None, span(text, 3, 8))])
    open_page(browser, record, tmp_path)
    check_spans(browser, record)
    assert browser.title != "pwned"
    assert browser.execute_script("return document.querySelectorAll('#text script, #text img').length") == 0


@pytest.mark.shared
def test_corpus_articles_in_chromium(browser, shared, convert_text, tmp_path, shots):
    """An ALL-CAPS MUC-3 article and the longest article of the corpus, converted and drawn."""
    from newsclaims.ingest import iter_article_paths

    muc = next(iter_article_paths([shared / "corpus" / "muc3_fbis"]))
    longest = max(iter_article_paths([shared / "corpus"]), key=lambda p: (p.stat().st_size, p.name))
    for path in (muc, longest):
        record = convert_text(path.read_text(encoding="utf-8"), id=path.stem)
        open_page(browser, record, tmp_path)
        check_spans(browser, record)
        assert browser.save_screenshot(str(shots / f"{path.stem}.png"))


def test_report_in_chromium(browser, seed_record, tmp_path, shots):
    from newsclaims.review.report import render_report

    path = tmp_path / "report.html"
    dated = long_record(3)
    dated["source"]["published"] = "2023-11-10"
    path.write_text(render_report([seed_record, dated]), encoding="utf-8")
    browser.get(path.as_uri())
    sizes = browser.execute_script("return Array.from(document.querySelectorAll('svg.chart-svg'), s => s.getBoundingClientRect().width)")
    assert len(sizes) == 6 and all(w > 200 for w in sizes), sizes
    assert browser.save_screenshot(str(shots / "report.png"))
