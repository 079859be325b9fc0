// Drives the register tab in Debian's headless Chromium with Playwright (playwright-core) and
// axe-core, as a person would: loads it, searches, filters, exports, opens the meeting side
// panel, switches themes, checks keyboard focus order and phone width. Prints one JSON object
// with what it saw; tests/register/test_browser.py asserts on it. Screenshots go to OUT_DIR.
//
//   node browser_check.cjs BASE_URL CONVERSATION OUT_DIR   (NPM_DIR: where node_modules is)
"use strict";
const path = require("path");
const fs = require("fs");

const npmDir = process.env.NPM_DIR;
const { chromium } = require(path.join(npmDir, "node_modules", "playwright-core"));
const axeSource = fs.readFileSync(
  path.join(npmDir, "node_modules", "axe-core", "axe.min.js"), "utf8");
const [base, conversation, outDir] = process.argv.slice(2);
const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--no-first-run",
];
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

async function axe(page) {
  // Evaluated over the DevTools protocol: the page's own CSP (no inline scripts) stays on.
  await page.evaluate(axeSource);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: tags }), AXE_TAGS);
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length,
    help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
}

async function overflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

async function shot(page, name) {
  const file = path.join(outDir, name + ".png");
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

async function settled(page) {
  await page.waitForFunction(() => {
    const r = document.getElementById("results");
    return r && r.getAttribute("aria-busy") === "false" && r.children.length > 0;
  }, null, { timeout: 20000 });
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: FLAGS, headless: true,
  });
  const out = { axe: {}, overflow: {}, screenshots: [] };
  try {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });

    // The register, light theme, Swedish.
    await page.goto(base + "/tab");
    await settled(page);
    out.title = await page.title();
    out.heading = await page.textContent("h1");
    out.count = await page.locator("#results li.decision").count();
    out.first = await page.locator("#results li.decision h3").first().textContent();
    out.bodies = await page.locator("#body option").allTextContents();
    out.years = await page.locator("#year option").allTextContents();
    out.axe.register = await axe(page);

    // Keyboard: the order in which Tab moves focus from the top of the page.
    out.focusOrder = [];
    for (let i = 0; i < 9; i++) {
      await page.keyboard.press("Tab");
      out.focusOrder.push(await page.evaluate(() => {
        const el = document.activeElement;
        return el.id || el.className || el.tagName.toLowerCase();
      }));
    }

    // Search "F-ACT" from the keyboard: type in the box and press Enter.
    await page.focus("#q");
    await page.keyboard.type("F-ACT");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => /träffar/.test(document.getElementById("status").textContent), null, { timeout: 20000 });
    out.searchStatus = await page.textContent("#status");
    out.hits = await page.$$eval("#results li.hit", (lis) => lis.map((li) => ({
      title: li.querySelector("h3").textContent,
      meta: li.querySelector(".meta").textContent,
      text: li.querySelector(".wording").textContent,
    })));
    out.screenshots.push(await shot(page, "register-search-light"));

    // Filters: one body and a year, by keyboard-operable selects.
    await page.fill("#q", "");
    await page.selectOption("#body", { label: "LSVO ledningsgrupp" });
    await settled(page);
    await page.selectOption("#year", "2021");
    await page.waitForFunction(() => /11 beslut/.test(document.getElementById("status").textContent), null, { timeout: 20000 });
    out.filtered = await page.$$eval("#results li.decision .para", (els) => els.map((e) => e.textContent));
    out.screenshots.push(await shot(page, "register-light"));

    // Exportera: the CSV the button downloads.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export")]);
    const file = path.join(outDir, download.suggestedFilename());
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    out.export = { name: download.suggestedFilename(), bom: bytes.slice(0, 3).toString("hex"),
      header: bytes.toString("utf8").replace(/^\ufeff/, "").split("\r\n")[0] };

    // Dark and high-contrast themes (outside Teams the theme comes from the URL).
    for (const theme of ["dark", "contrast"]) {
      await page.goto(base + "/tab?theme=" + theme);
      await settled(page);
      out["bg_" + theme] = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      out.axe["register_" + theme] = await axe(page);
      out.screenshots.push(await shot(page, "register-" + theme));
    }

    // English when asked.
    await page.goto(base + "/tab?lang=en");
    await settled(page);
    out.english = { heading: await page.textContent("h1"), status: await page.textContent("#status"),
      label: await page.textContent("label[for=q]") };

    // Phone width.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(base + "/tab");
    await settled(page);
    out.overflow.phone = await overflow(page);
    out.axe.phone = await axe(page);
    out.screenshots.push(await shot(page, "register-phone"));

    // The meeting side panel: narrow, the open meeting of the conversation.
    await page.setViewportSize({ width: 320, height: 900 });
    const panelUrl = base + "/tab?view=panel&conversation=" + encodeURIComponent(conversation);
    for (const theme of ["default", "dark", "contrast"]) {
      await page.goto(panelUrl + "&theme=" + theme);
      await settled(page);
      if (theme === "default") {
        out.panel = {
          heading: await page.textContent("#results h2"),
          quorum: await page.textContent(".quorum"),
          current: await page.textContent(".current"),
          decisions: await page.$$eval("#results li.decision h4", (els) => els.map((e) => e.textContent)),
          attendance: await page.$$eval(".attendance li", (els) => els.map((e) => e.textContent)),
          form: await page.locator("#filters").count(),
        };
        out.overflow.panel = await overflow(page);
      }
      out.axe["panel_" + theme] = await axe(page);
      out.screenshots.push(await shot(page, "panel-" + theme));
    }
    out.errors = errors;
    // axe must be able to fail here: a page with an unlabelled field and no language.
    await page.setContent("<html><body><input type='text'><img src='data:,'></body></html>");
    out.axeSelfCheck = (await axe(page)).map((v) => v.id);
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((err) => { console.error(err && err.stack || String(err)); process.exit(1); });
