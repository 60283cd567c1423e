"""The hub's web view in a real browser (issue 9): Debian's chromium, headless, driven
by selenium through the system chromedriver (nothing downloads a browser: the driver
and the binary are given, Selenium Manager is kept offline).

Against the real hub with both demo stations' files uploaded: sign in by typing and
clicking, the stations and their figures equal to the township summary service, a
township user's 403 for another township, sign-out, a station named ``<script>``
shown as text, the session cookie's flags, and screenshots at 1366×768 in Chinese
and English checked as pictures (not blank; the charts' bars in their colours).
Without chromium the tests skip locally and fail in CI.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hub_server import HubServer
from sync_helpers import World
from web_helpers import (
    COUNTY,
    OTHER_TOWN,
    TOWN,
    XSS_NAME,
    busiest_month,
    expected,
    rename_station_a,
    set_up_users,
    upload_both,
)

from app.services.station import get_station
from app.sync.hub.web import ACTIVITY_COLOUR, POINTS_COLOUR

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SHOTS = Path(os.environ.get("WB_WEB_SHOTS", "/tmp/shots-web"))


def _missing() -> str:
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        return "Debian's chromium and chromium-driver are not installed"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed"
    return ""


@pytest.fixture
def browser() -> Iterator[Any]:
    missing = _missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(missing + " (required in CI)")
        pytest.skip(missing)
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager never fetches anything
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1366,768",
        "--hide-scrollbars",
        "--lang=zh-CN",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
    ):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(60)
    # the page's viewport is 1366×768 (the window's own size includes its frame)
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 1366, "height": 768, "deviceScaleFactor": 1, "mobile": False},
    )
    try:
        yield driver
    finally:
        driver.quit()


def _sign_in(driver: Any, base: str, user: str, password: str, query: str = "") -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(base + "/web/" + query)
    WebDriverWait(driver, 30).until(ec.presence_of_element_located((By.ID, "username")))
    assert driver.current_url.startswith(base + "/web/login")  # redirected to sign in
    driver.find_element(By.ID, "username").send_keys(user)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.ID, "sign-in").click()
    WebDriverWait(driver, 30).until(ec.presence_of_element_located((By.ID, "sign-out")))


def _table(driver: Any, css: str) -> dict[str, dict[str, str]]:
    from selenium.webdriver.common.by import By

    out: dict[str, dict[str, str]] = {}
    for row in driver.find_elements(By.CSS_SELECTOR, css):
        cells = row.find_elements(By.CSS_SELECTOR, "td[data-k]")
        out[row.get_attribute("data-code")] = {c.get_attribute("data-k"): c.text for c in cells}
    return out


def _near(pixel: tuple[int, ...], colour: str, tolerance: int = 24) -> bool:
    rgb = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return all(abs(int(p) - c) <= tolerance for p, c in zip(pixel[:3], rgb, strict=True))


def _fonts_loaded(driver: Any) -> None:
    """Wait until the page's fonts are in (the bundled CJK font the hub serves)."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 30).until(
        lambda d: d.execute_script("return document.fonts.status") == "loaded"
    )
    assert driver.execute_script("return document.fonts.check('16px \"WB Hei\"', '审计链')")


def _check_picture(path: Path, driver: Any) -> None:
    """The screenshot is a 1366-wide page, not blank, with both charts' bars in colour."""
    from PIL import Image
    from selenium.webdriver.common.by import By

    image = Image.open(path).convert("RGB")
    assert image.size[0] == 1366 and image.size[1] == 768, image.size
    colours = image.resize((200, 120)).getcolors(maxcolors=200 * 120)
    assert colours is not None and len(colours) > 50, "the page looks blank"
    most = max(n for n, _ in colours)
    assert most < 0.9 * 200 * 120, "one colour fills the page"
    for chart, colour in (
        ("chart-activities-0", ACTIVITY_COLOUR),
        ("chart-points-0", POINTS_COLOUR),
    ):
        box = driver.find_element(By.ID, chart).rect
        x0, y0 = int(box["x"]), int(box["y"])
        region = image.crop((x0, y0, x0 + int(box["width"]), y0 + int(box["height"])))
        assert region.size[1] > 100, f"{chart} is not on the screenshot"
        coloured = sum(
            n for n, px in region.getcolors(maxcolors=1 << 20) or [] if _near(px, colour)
        )
        assert coloured > 400, f"{chart}: {coloured} pixels of its bars' colour"


def test_sign_in_figures_screenshots_and_cookie_in_chromium(
    world: World, hub: HubServer, browser: Any, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    upload_both(world, hub.url, tmp_path / "out")
    set_up_users(world)
    month = busiest_month(world)
    _sign_in(browser, hub.url, *COUNTY, query=f"?month={month}")
    browser.get(f"{hub.url}/web/?month={month}")
    a, b = get_station(world.a.db).code, get_station(world.b.db).code
    stations = [
        r.get_attribute("data-code") for r in browser.find_elements(By.CSS_SELECTOR, "tr.station")
    ]
    assert stations == [a, b]
    figures = _table(browser, "tr.figures")
    assert figures[a] == expected(world, month, world.a)
    assert figures[b] == expected(world, month, world.b)
    assert figures[a]["sessions"] != "0"  # the busiest month has activities
    bars = browser.find_elements(By.CSS_SELECTOR, "#chart-activities-0 rect.bar")
    assert len(bars) == 12
    body = browser.find_element(By.TAG_NAME, "body").text
    assert "审计链已核验" in body and "退出登录" in body
    cookie = browser.get_cookie("wb_session")
    assert cookie is not None and cookie["httpOnly"] is True and cookie["sameSite"] == "Strict"
    assert cookie["path"] == "/web"
    SHOTS.mkdir(parents=True, exist_ok=True)
    zh = SHOTS / "web-zh_CN-1366x768.png"
    _fonts_loaded(browser)
    assert browser.save_screenshot(str(zh))
    _check_picture(zh, browser)
    browser.find_element(By.ID, "lang").click()
    assert "Sign out" in browser.find_element(By.ID, "sign-out").text
    english = browser.find_element(By.TAG_NAME, "body").text
    assert "Audit chain verified" in english and "Points issued" in english
    en = SHOTS / "web-en-1366x768.png"
    _fonts_loaded(browser)
    assert browser.save_screenshot(str(en))
    _check_picture(en, browser)
    shutil.copy(zh, tmp_path / zh.name)


def test_township_user_403_sign_out_and_a_script_name_shown_as_text_in_chromium(
    world: World, hub: HubServer, browser: Any, tmp_path: Path
) -> None:
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    upload_both(world, hub.url, tmp_path / "out")
    set_up_users(world)
    rename_station_a(world, XSS_NAME)
    _sign_in(browser, hub.url, *TOWN)
    a, b = get_station(world.a.db).code, get_station(world.b.db).code
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.station")
    assert [r.get_attribute("data-code") for r in rows] == [a]
    assert rows[0].find_element(By.CSS_SELECTOR, "td.name").text == XSS_NAME
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    browser.get(f"{hub.url}/web/?township={OTHER_TOWN}")
    forbidden = browser.find_element(By.ID, "forbidden").text
    assert "无权查看" in forbidden and b not in browser.page_source
    browser.get(f"{hub.url}/web/")
    browser.find_element(By.ID, "sign-out").click()
    WebDriverWait(browser, 30).until(ec.presence_of_element_located((By.ID, "username")))
    assert "已退出登录" in browser.find_element(By.TAG_NAME, "body").text
    assert browser.get_cookie("wb_session") is None
    browser.get(f"{hub.url}/web/")
    assert browser.current_url.startswith(f"{hub.url}/web/login")
