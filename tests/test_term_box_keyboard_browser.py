"""A glossary term's box fixed to the screen with its own scroll (shown by a tap or a mouse where
it fits neither above nor below the term: 320 × 568 px with text at 200 %) can be reached and
scrolled by keyboard (WCAG 2.1.1, docs/theme.md "Glossary terms"): Tab from the term reaches
it, a region named 「…の説明」; arrow keys and Space scroll it; Esc closes it and gives focus
back to the term; Tab moves on from it. The term is heard as before (its aria-describedby), and
a box that does not scroll stays out of the Tab order and out of what a screen reader hears.
"""
import pytest

from conftest import normal_text
from test_browser_a11y import reset_viewport
from test_phone_leftovers_browser import TERM_PAGES, term_on
from test_resident_phone_audit_browser import at_size

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]

# A small screen (320 × 400 px: a 320 × 568 phone with its keyboard or toolbars shown), text at
# 200 %: the tallest box of the site
# (スマート農業・林業・水産業, 408 px) is taller than the screen.
SCROLLS = (320, 400, 200)

TIP = """
const tip = document.querySelector('.term-tip');
return {shown: !tip.hidden, fixed: tip.classList.contains('term-tip-fixed'), top: tip.scrollTop,
        scrolls: tip.scrollHeight > tip.clientHeight + 1, focused: document.activeElement === tip,
        hidden: tip.getAttribute('aria-hidden'), role: tip.getAttribute('role'),
        label: tip.getAttribute('aria-label'), tabindex: tip.getAttribute('tabindex')};
"""


@pytest.fixture
def phone(driver):
    yield driver
    normal_text(driver)
    reset_viewport(driver)


def tapped(driver, server, page, word):
    """The term given focus as a tap gives it (after a pointer, so no focus ring): its box shows
    fixed to the screen, and the page stays."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.actions.action_builder import ActionBuilder
    from selenium.webdriver.common.by import By

    term = term_on(driver, server, page, word)
    ActionChains(driver).move_to_element(driver.find_element(By.CSS_SELECTOR, "main h1")).click().perform()
    # The mouse out of the way: a pointer resting on the term would show its box by hover.
    actions = ActionBuilder(driver)
    actions.pointer_action.move_to_location(1, 1)
    actions.perform()
    driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "window.scrollTo({top: scrollY + r.top - innerHeight * 0.45, behavior: 'instant'});", term)
    driver.execute_script("arguments[0].focus({preventScroll: true})", term)
    assert not driver.execute_script("return arguments[0].matches(':focus-visible')", term)
    return term


def test_a_fixed_box_that_scrolls_is_reached_and_scrolled_by_keyboard(phone, server):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    at_size(phone, *SCROLLS)
    term = tapped(phone, server, *TERM_PAGES[1])
    described = term.get_attribute("aria-describedby")
    tip = phone.execute_script(TIP)
    assert tip["shown"] and tip["fixed"] and tip["scrolls"], tip
    assert phone.switch_to.active_element == term, phone.execute_script("return document.activeElement.outerHTML.slice(0, 200)")
    ActionChains(phone).send_keys(Keys.TAB).perform()
    tip = phone.execute_script(TIP)
    assert tip["focused"] and tip["shown"], f"Tab from the term did not reach its box: {tip}"
    assert tip["hidden"] is None and tip["role"] == "region" and tip["label"] == "スマート農業・林業・水産業の説明", tip
    for key, moved in [(Keys.SPACE, lambda top: top > 0), (Keys.ARROW_UP, lambda top: top == 0),
                       (Keys.ARROW_DOWN, lambda top: top > 0)]:
        ActionChains(phone).send_keys(key).perform()
        phone.execute_async_script("requestAnimationFrame(() => setTimeout(arguments[0], 300))")
        tip = phone.execute_script(TIP)
        assert tip["focused"] and moved(tip["top"]), f"{key!r} did not scroll the box: {tip}"
    ActionChains(phone).send_keys(Keys.ESCAPE).perform()
    tip = phone.execute_script(TIP)
    assert not tip["shown"] and tip["hidden"] == "true" and tip["tabindex"] is None, tip
    assert phone.switch_to.active_element == term, "Esc left focus on a closed box"
    assert term.get_attribute("aria-describedby") == described


def test_tab_moves_on_from_the_box_as_from_the_term(phone, server):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    at_size(phone, *SCROLLS)
    term = tapped(phone, server, *TERM_PAGES[1])
    after_term = phone.execute_script(
        "const all = [...document.querySelectorAll('a[href], button, input, [tabindex=\"0\"]')]"
        ".filter(e => !e.closest('.term-tip') && e.getClientRects().length);"
        "return all[all.indexOf(arguments[0]) + 1];", term)
    ActionChains(phone).send_keys(Keys.TAB).perform()
    assert phone.execute_script(TIP)["focused"]
    ActionChains(phone).send_keys(Keys.TAB).perform()
    assert phone.switch_to.active_element == after_term
    tip = phone.execute_script(TIP)
    # Closed, or showing the next term's meaning where the next link is a term too.
    assert not tip["focused"] and (not tip["shown"] or "term" in after_term.get_attribute("class")), tip


@pytest.mark.parametrize("width, height, text", [(320, 568, 100), (390, 844, 200)])
def test_a_box_that_does_not_scroll_stays_out_of_the_tab_order(phone, server, width, height, text):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    at_size(phone, width, height, text)
    term = tapped(phone, server, *TERM_PAGES[2])
    tip = phone.execute_script(TIP)
    assert tip["shown"] and not tip["scrolls"], tip
    assert tip["hidden"] == "true" and tip["tabindex"] is None and tip["role"] is None, tip
    ActionChains(phone).send_keys(Keys.TAB).perform()
    assert phone.switch_to.active_element != term and not phone.execute_script(TIP)["focused"]


def test_a_box_the_mouse_opened_closes_when_the_keyboard_moves_on(phone, server):
    """The mouse resting on a term shows its box; the keyboard then moving focus to anything
    else (Shift+Tab back up the page) closes it, so it cannot hide what has focus (WCAG
    2.4.11: a link under a hovered term's box had been focused out of sight)."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    at_size(phone, 1280, 800, 100)
    term = term_on(phone, server, "/glossary/gx/", "再生可能エネルギー")
    phone.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", term)
    ActionChains(phone).move_to_element(term).perform()
    assert phone.execute_script(TIP)["shown"], "the mouse on the term shows its box"
    # The keyboard, the mouse still resting, moving among links far from the term.
    last = phone.execute_script(
        "return [...document.querySelectorAll('main a[href]:not(.term)')].pop()")
    phone.execute_script("arguments[0].focus({preventScroll: true})", last)
    ActionChains(phone).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
    ActionChains(phone).send_keys(Keys.TAB).perform()
    assert phone.execute_script("return document.activeElement") == last
    assert not phone.execute_script(TIP)["shown"], "the box the mouse opened still shows over focus"
    # Hovering again shows it again: nothing was switched off for good.
    ActionChains(phone).move_to_element(phone.find_element(By.CSS_SELECTOR, "main h1")).move_to_element(term).perform()
    assert phone.execute_script(TIP)["shown"]
