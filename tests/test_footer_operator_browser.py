"""The footer's 運営 line on a phone (docs/theme.md, "A resident's audit on a phone"): at 320 px
with text at 200 % the ideographic space before 問い合わせ先 ended a row and hung past it, to
322 px, past the page; at 360 and 390 px with text at 200 % the name broke inside a word (デ /
ジタル). Now no character of the line is outside its box, and rows break only at a space.
"""
import pytest

from conftest import normal_text
from test_browser_a11y import load, reset_viewport
from test_resident_phone_audit_browser import at_size

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("browser_available")]

ROWS = """
const p = document.querySelector('.footer-operator');
const right = p.getBoundingClientRect().right, r = document.createRange();
const rows = [], out = [];
let last = null, row = '';
const walk = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
while (walk.nextNode()) {
  const n = walk.currentNode;
  if (n.parentElement.closest('.print-only')) continue;
  for (let i = 0; i < n.data.length; i++) {
    r.setStart(n, i); r.setEnd(n, i + 1);
    const b = r.getClientRects()[0];
    if (!b) continue;
    if (last !== null && b.top > last + 4) { rows.push(row); row = ''; }
    last = b.top; row += n.data[i];
    if (b.right > right + 0.5 || b.right > innerWidth) out.push([n.data[i], b.left, b.right]);
  }
}
rows.push(row);
return {rows, out};
"""


@pytest.fixture
def phone(driver):
    yield driver
    normal_text(driver)
    reset_viewport(driver)


@pytest.mark.parametrize("width", [320, 360, 390])
@pytest.mark.parametrize("text", [100, 200])
def test_the_operator_line_stays_in_its_box_and_breaks_at_spaces(phone, server, width, text):
    at_size(phone, width, 568, text)
    load(phone, server + "/")
    got = phone.execute_script(ROWS)
    assert not got["out"], f"characters outside the line's box: {got}"
    rows = got["rows"]
    inside = [(a, b) for a, b in zip(rows, rows[1:]) if a[-1] not in " \u3000" and b[0] not in " \u3000"]
    assert not inside, f"a row ends inside a word: {rows}"
    assert "".join(got["rows"]).startswith("運営："), got
