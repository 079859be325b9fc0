// The register tab inside a stand-in Teams host: a page on https://teams.microsoft.com (served by
// Playwright's router) frames the tab at https://samverkan.test (routed to the bot under test)
// and answers teams-js the way the Teams client does: initialize, getContext (theme, locale,
// frame context, chat), authentication.getAuthToken (a token signed by the test's local keys),
// and a themeChange message. Prints what the tab did as JSON.
//
// The personal tab is opened as a personal chat's link to full minutes opens it (subEntityId
// "protokoll-<meeting id>"), and the member downloads them.
//
//   node teams_host_check.cjs BASE_URL TOKEN CONVERSATION MEETING_ID OUT_DIR   (NPM_DIR)
"use strict";
const path = require("path");
const fs = require("fs");

const { chromium } = require(path.join(process.env.NPM_DIR, "node_modules", "playwright-core"));
const [base, token, conversation, meetingId, outDir] = process.argv.slice(2);
const TAB_ORIGIN = "https://samverkan.test";
const HOST = "https://teams.microsoft.com";
const FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--no-first-run",
];

function hostPage(legacyContext) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Teams</title></head>
<body style="margin:0"><iframe id="tab" title="Samverkansbot" style="border:0;width:100%;height:100vh"
  src="${TAB_ORIGIN}/tab?host=teams"></iframe>
<script>
window.calls = [];
const ctx = ${JSON.stringify(legacyContext)};
window.addEventListener("message", (e) => {
  const m = e.data;
  if (!m || typeof m !== "object" || typeof m.func !== "string") return;
  window.calls.push(m.func);
  const reply = (args) => e.source.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, e.origin);
  if (m.func === "initialize") reply([ctx.frameContext, "web", "2.0.0", "2.0.0"]);
  else if (m.func === "getContext") reply([ctx]);
  else if (m.func === "authentication.getAuthToken") reply([true, ${JSON.stringify(token)}]);
  else reply([]);
});
window.changeTheme = (theme) => document.getElementById("tab").contentWindow.postMessage(
  { func: "themeChange", args: [theme] }, "${TAB_ORIGIN}");
</script></body></html>`;
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: FLAGS, headless: true,
  });
  const out = {};
  try {
    const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
    let legacy = null;
    const errors = [];
    const apiCalls = [];
    await context.route(HOST + "/**", (route) => route.fulfill({
      status: 200, contentType: "text/html", body: hostPage(legacy) }));
    await context.route(TAB_ORIGIN + "/**", async (route) => {
      const url = route.request().url().replace(TAB_ORIGIN, base);
      if (url.includes("/tab/api/")) {
        apiCalls.push({ url: url.slice(base.length), auth: !!route.request().headers()["authorization"] });
      }
      const response = await route.fetch({ url });
      await route.fulfill({ response });
    });
    // teams-js asks Microsoft's CDN for its list of host origins: answer it offline.
    await context.route("https://res.cdn.office.net/**", (route) => route.fulfill({
      status: 200, contentType: "application/json",
      body: JSON.stringify({ validOrigins: ["teams.microsoft.com", "*.teams.microsoft.com"] }) }));

    const page = await context.newPage();
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    const tab = () => page.frames().find((f) => f.url().startsWith(TAB_ORIGIN));
    const settled = async () => {
      await page.waitForFunction(() => true);
      for (let i = 0; i < 200; i++) {
        const f = tab();
        if (f) {
          const ok = await f.evaluate(() => {
            const r = document.getElementById("results");
            return !!r && r.getAttribute("aria-busy") === "false" && r.children.length > 0;
          }).catch(() => false);
          if (ok) return f;
        }
        await page.waitForTimeout(100);
      }
      throw new Error("the tab never showed results; status: " +
        (tab() ? await tab().textContent("#status").catch(() => "?") : "no frame"));
    };

    // The personal tab: Teams in English, dark theme.
    legacy = { locale: "en-us", theme: "dark", frameContext: "content", tid: "t", userObjectId: "u",
      hostClientType: "web", entityId: "beslutsregister", subEntityId: "protokoll-" + meetingId };
    await page.goto(HOST + "/host.html");
    let f = await settled();
    out.personal = {
      lang: await f.evaluate(() => document.documentElement.lang),
      theme: await f.evaluate(() => document.documentElement.getAttribute("data-theme")),
      heading: await f.textContent("h1"),
      titles: await f.$$eval("#results li.decision h3", (els) => els.map((e) => e.textContent)),
    };
    // The full minutes the deep link asked for, downloaded with the user's token.
    out.personal.documentShown = await f.evaluate(() => !document.getElementById("document").hidden);
    const [download] = await Promise.all([
      page.waitForEvent("download"), f.click("#document button[data-doc-format=html]")]);
    const saved = path.join(outDir, download.suggestedFilename());
    await download.saveAs(saved);
    out.personal.document = { name: download.suggestedFilename(), text: fs.readFileSync(saved, "utf8") };
    await page.evaluate(() => window.changeTheme("contrast"));
    await f.waitForFunction(() => document.documentElement.getAttribute("data-theme") === "contrast");
    out.personal.themeAfterChange = "contrast";
    await page.screenshot({ path: path.join(outDir, "teams-personal-contrast.png") });
    out.personal.calls = await page.evaluate(() => window.calls);

    // The meeting side panel: Swedish, default theme, the meeting's chat.
    legacy = { locale: "sv-se", theme: "default", frameContext: "sidePanel", tid: "t",
      userObjectId: "u", hostClientType: "web", chatId: conversation, meetingId: "m-1" };
    await page.setViewportSize({ width: 320, height: 900 });
    await page.goto(HOST + "/host.html");
    f = await settled();
    out.panel = {
      lang: await f.evaluate(() => document.documentElement.lang),
      theme: await f.evaluate(() => document.documentElement.getAttribute("data-theme")),
      heading: await f.textContent("#results h2"),
      quorum: await f.textContent(".quorum"),
      decisions: await f.$$eval("#results li.decision h4", (els) => els.map((e) => e.textContent)),
      formHidden: await f.evaluate(() => { const x = document.getElementById("filters"); return !x || x.hidden; }),
    };
    await page.screenshot({ path: path.join(outDir, "teams-side-panel.png") });
    out.apiCalls = apiCalls;
    out.errors = errors;
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((err) => { console.error(err && err.stack || String(err)); process.exit(1); });
