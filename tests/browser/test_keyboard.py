"""Keyboard only: skip link, a visible focus on every stop in both colour
schemes, no trap, and the main tasks done with Tab and Enter alone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MAX_TABS = 400  # more stops than any page has: reaching it means focus is trapped

# What the focused element shows, judged in the page: the element itself, or
# for Material's hidden radio buttons the label that is their visible button.
# The focus indicator (outline) must be at least 2 px, drawn, on a box that is
# shown, and have 3:1 contrast (WCAG 1.4.11) with the background around it.
# Material animates colours when focus moves (the search field opens, for one):
# the focus is judged once those transitions have finished.
FOCUS_STATE = """async () => {
  // Material reacts to focus in the next frames (the search field opens on focus).
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  await Promise.all(document.getAnimations()
    .filter(a => a.effect && a.effect.getTiming().iterations !== Infinity)
    .map(a => a.finished.catch(() => null)));
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  let shown = el;
  if (el.matches('input.md-option') && el.nextElementSibling && el.nextElementSibling.tagName === 'LABEL') shown = el.nextElementSibling;
  const style = getComputedStyle(shown);
  const box = shown.getBoundingClientRect();
  const rgba = text => { const n = text.match(/[\\d.]+/g).map(Number); return [n[0], n[1], n[2], n.length > 3 ? n[3] : 1]; };
  const over = (top, below) => top.slice(0, 3).map((c, i) => c * top[3] + below[i] * (1 - top[3]));
  const background = node => {
    const layers = [];
    for (; node && node.nodeType === 1; node = node.parentElement) {
      const color = rgba(getComputedStyle(node).backgroundColor);
      if (color[3] > 0) layers.push(color);
      if (color[3] === 1) break;
    }
    let result = [255, 255, 255];
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  };
  const luminance = rgb => { const c = rgb.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                             return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]; };
  const behind = background(shown.parentElement);
  const ring = over(rgba(style.outlineColor), behind);
  const [hi, lo] = [luminance(ring), luminance(behind)].sort((a, b) => b - a);
  const name = (el.getAttribute('aria-label') || el.innerText || el.value || '').trim().slice(0, 40);
  return {
    key: [el.tagName, el.id, el.getAttribute('href'), name].join('|'),
    name: `${el.tagName.toLowerCase()} "${name}" ${el.getAttribute('href') || ''}`,
    inContent: !!el.closest('.md-content'),
    drawn: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    shown: box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none'
           && box.right > 0 && box.left < innerWidth,
    contrast: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100,
  };
}"""

FOCUS_PAGES = [
    ("startsida", ""),
    ("rapport", "rapporter/insikter-ledning-och-styrning-for-innovation-och-fornyelse/"),
    ("princip", "principer/kultur/"),
    ("sidan finns inte", "404.html"),
]


def focus_stops(page) -> list[dict]:
    """Tab from the top until focus comes back round to the first stop."""
    stops: list[dict] = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None:  # focus left the document (browser UI): the next Tab wraps
            continue
        if stops and state["key"] == stops[0]["key"]:
            return stops
        stops.append(state)
    raise AssertionError(f"fokus kom inte tillbaka till början efter {MAX_TABS} tabbtryck: "
                         f"fast vid {stops[-1]['name'] if stops else 'inget'}")


DESKTOP = {"width": 1280, "height": 720}
MOBILE = {"width": 360, "height": 640}  # Material's menu becomes a drawer
FOCUS_CASES = [(name, path, scheme, "dator") for name, path in FOCUS_PAGES for scheme in ("light", "dark")]
FOCUS_CASES += [(name, path, "light", "mobil") for name, path in FOCUS_PAGES[:2]]


@pytest.mark.parametrize("name,path,scheme,device", FOCUS_CASES,
                         ids=[f"{n}-{s}-{d}" for n, _, s, d in FOCUS_CASES])
def test_every_focus_stop_is_visible_and_focus_is_never_trapped(browser, real_site_url, name, path,
                                                                 scheme, device):
    # The test switches transitions off with a style tag, which the site's
    # Content-Security-Policy blocks (tested in test_csp.py): bypassed here.
    context = browser.new_context(locale="sv-SE", color_scheme=scheme, bypass_csp=True,
                                  viewport=MOBILE if device == "mobil" else DESKTOP)
    try:
        page = context.new_page()
        page.goto(real_site_url + path, wait_until="networkidle")
        # Judge each focus in its final look at once, not after Material's colour fades.
        # A constructed style sheet: the page's CSP (rightly) refuses an inline <style>.
        page.evaluate("""css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);
                                  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }""",
                      "*, *::before, *::after { transition: none !important; }")
        stops = focus_stops(page)
        assert len(stops) >= 10, [s["name"] for s in stops]
        assert stops[0]["name"].startswith('a "Gå till innehållet"')
        assert any(s["inContent"] for s in stops), "inget i sidans innehåll går att nå med Tab"
        assert any("tillganglighet/" in s["name"] for s in stops), "sidfotens länkar nås inte"
        hidden = [s["name"] for s in stops if not (s["drawn"] and s["shown"])]
        assert not hidden, f"fokus syns inte ({scheme} läge) på: {hidden}"
        faint = [f"{s['name']} ({s['contrast']}:1)" for s in stops if s["contrast"] < 3]
        assert not faint, f"fokusramen har för låg kontrast ({scheme} läge) på: {faint}"
        # Backwards too: Shift+Tab from the top reaches the last stop of the page
        # (at most one press goes to the browser's own controls first).
        reached = []
        for _ in range(2):
            page.keyboard.press("Shift+Tab")
            state = page.evaluate(FOCUS_STATE)
            reached.append(state and state["key"])
        assert stops[-1]["key"] in reached, (reached, stops[-1]["key"])
    finally:
        context.close()


def test_skip_link_is_first_in_swedish_and_jumps_to_the_content(page, real_site_url):
    page.goto(real_site_url, wait_until="networkidle")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    expect(skip).to_be_focused()
    expect(skip).to_have_text("Gå till innehållet")
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    # Following the link is a same-document navigation: wait for it, then look.
    expect(page).to_have_url(re.compile(r"#rapporter-och-verktyg-for-att-leda-fornyelse-i-kommuner$"))
    page.keyboard.press("Tab")
    expect(page.locator(".md-content :focus"),
           "efter hopplänken hamnar fokus inte i sidans innehåll").to_have_count(1)


def tab_to(page, href_part: str, text: str | None = None) -> str:
    """Press Tab until a link whose href contains href_part has focus; its text."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        found = page.evaluate("""([part, text]) => {
            const el = document.activeElement;
            const href = el && el.getAttribute('href');
            const name = el ? el.innerText.trim() : '';
            return href && href.includes(part) && (!text || name === text) ? name : null;
        }""", [href_part, text])
        if found:
            return found
    raise AssertionError(f"ingen länk till {href_part} går att nå med Tab")


def test_open_a_report_from_the_start_page_by_keyboard(page, real_site_url):
    page.goto(real_site_url, wait_until="networkidle")
    title = tab_to(page, "rapporter/insikter-")
    page.keyboard.press("Enter")
    page.wait_for_url("**/rapporter/insikter-ledning-och-styrning-for-innovation-och-fornyelse/")
    assert page.locator("h1").inner_text() == title
    assert page.locator(".loft-lead").is_visible()


def test_open_a_principles_listing_by_keyboard(page, real_site_url):
    page.goto(real_site_url, wait_until="networkidle")
    # From the start page's "Hitta material efter princip", not the nav or a card's label.
    page.locator("#hitta-material-efter-princip").evaluate("h => h.setAttribute('tabindex', '-1')")
    page.locator("#hitta-material-efter-princip").focus()
    tab_to(page, "principer/kultur/", "Kultur")
    page.keyboard.press("Enter")
    page.wait_for_url("**/principer/kultur/")
    assert page.locator("h1").inner_text() == "Kultur"
    assert page.locator(".loft-card").count() >= 1
    assert page.locator("dd[lang='en']").inner_text() == "Culture"


def test_menu_on_a_narrow_screen_opens_and_closes_by_keyboard(browser, real_site_url):
    context = browser.new_context(locale="sv-SE", viewport=MOBILE)
    try:
        page = context.new_page()
        page.goto(real_site_url, wait_until="networkidle")
        assert not page.get_by_role("link", name="Rapporter", exact=True).first.is_visible()
        for _ in range(5):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.getAttribute('aria-label')") == "Meny":
                break
        menu = page.locator(".md-header label[for='__drawer']")
        assert menu.evaluate("el => el === document.activeElement"), "menyknappen nås inte med Tab"
        assert menu.get_attribute("aria-expanded") == "false"
        page.keyboard.press("Enter")
        assert menu.get_attribute("aria-expanded") == "true"
        page.keyboard.press("Escape")
        assert menu.get_attribute("aria-expanded") == "false"
        assert menu.evaluate("el => el === document.activeElement")
        page.keyboard.press(" ")
        assert menu.get_attribute("aria-expanded") == "true"
        tab_to(page, "rapporter/", "Rapporter")
        # The drawer slides in (about 0.25 s); the link must end up on screen,
        # not scrolled out of the drawer (Chromium did that when focus came early).
        page.wait_for_function("() => { const r = document.activeElement.getBoundingClientRect();"
                               " return r.width > 0 && r.left >= 0 && r.right <= innerWidth; }")
        assert page.evaluate(FOCUS_STATE)["shown"], "menyns länk har fokus men syns inte"
        page.keyboard.press("Enter")
        page.wait_for_url("**/rapporter/")
        assert page.locator("h1").inner_text() == "Rapporter"
    finally:
        context.close()
