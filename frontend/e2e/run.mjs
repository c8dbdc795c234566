// End-to-end tests in Debian's Chromium against the app's dev server
// (`wails dev` serves the frontend with live Go bindings on localhost:34115).
// Screenshots go to test-output/e2e/. Run through scripts/e2e.sh, which starts
// the dev server under Xvfb with a throwaway data folder and a real keychain.
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import path from "node:path";

const base = process.env.E2E_URL ?? "http://localhost:34115";
const out = process.env.E2E_OUT ?? path.resolve("test-output/e2e");
mkdirSync(out, { recursive: true });

const sections = ["Dashboard", "Connections", "Mappings", "Sync", "Exports", "History", "Settings"];
const secret = process.env.E2E_SECRET ?? "e2e-Secret-7f3a9c";

const tests = [];
const test = (name, fn) => tests.push({ name, fn });
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

test("every section opens and is screenshotted", async (page) => {
  for (const name of sections) {
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name, exact: true }).click();
    await page.getByRole("heading", { level: 1, name }).waitFor();
    const current = await page.getByRole("link", { name, exact: true }).getAttribute("aria-current");
    assert(current === "page", `${name} link is not marked current`);
    await page.screenshot({ path: path.join(out, `${name.toLowerCase()}.png`) });
  }
});

test("welcome offers the demo, which connects a profile to simulated Autotask and Xero", async (page) => {
  await page.goto(`${base}/#/dashboard`);
  const welcome = page.getByRole("region", { name: "Welcome" });
  await welcome.getByRole("link", { name: "Connect my systems" }).waitFor();
  await page.screenshot({ path: path.join(out, "welcome.png") });
  await welcome.getByRole("button", { name: "Try with demo data" }).click();
  const next = page.getByRole("region", { name: "Next step" });
  await next.getByText("Everything is connected").waitFor({ timeout: 60000 });
  await page.screenshot({ path: path.join(out, "dashboard-demo.png") });

  await page.goto(`${base}/#/connections`);
  const card = page.getByRole("region", { name: "Profile Demo MSP → Xero (simulated)" });
  await card.getByText("Demo MSP Inc").waitFor();
  await card.getByRole("button", { name: "Test connection" }).click();
  const result = card.getByRole("status", { name: "Autotask connection test" });
  await result.waitFor();
  const text = await result.innerText();
  assert(/sees [0-9,]+ invoices/.test(text), `connection test says: ${text}`);
  await page.screenshot({ path: path.join(out, "connections-demo.png") });
});

test("a bad Autotask user name shows what to fix", async (page) => {
  await page.goto(`${base}/#/connections`);
  await page.getByLabel("Profile name").fill("Bad Input Ltd");
  await page.getByRole("button", { name: "Create profile" }).click();
  const card = page.getByRole("region", { name: "Profile Bad Input Ltd" });
  await card.waitFor();
  // The browser's own email check would stop "not an email"; a space inside passes it but not Go's check.
  await card.getByLabel("API user name").fill("api@msp.example");
  await card.getByLabel("Secret", { exact: true }).fill("x");
  await card.getByLabel("API integration code").fill("   ");
  await card.getByRole("button", { name: "Save to keychain" }).click();
  const alert = page.getByRole("alert");
  await alert.waitFor();
  const text = await alert.innerText();
  assert(text.includes("integration code is empty"), `alert says: ${text}`);
  assert(text.includes("tracking identifier"), `alert has no fix: ${text}`);
  await page.screenshot({ path: path.join(out, "error-banner.png") });
  await page.getByRole("button", { name: "Dismiss error" }).click();
  // Deleting asks first, then removes the profile.
  await card.getByRole("button", { name: "Delete…" }).click();
  await card.getByRole("button", { name: "Delete", exact: true }).click();
  await card.waitFor({ state: "detached" });
});

test("create a profile and save Autotask credentials to the keychain", async (page) => {
  await page.goto(`${base}/#/connections`);
  await page.getByLabel("Profile name").fill("Acme IT → Xero");
  await page.getByRole("button", { name: "Create profile" }).click();
  const card = page.getByRole("region", { name: "Profile Acme IT → Xero" });
  await card.waitFor();
  await card.getByLabel("API user name").fill("api-user@acme-it.example");
  await card.getByLabel("Secret", { exact: true }).fill(secret);
  await card.getByLabel("API integration code").fill("ACME-INTEGRATION-CODE");
  await card.getByRole("button", { name: "Save to keychain" }).click();
  await card.getByRole("status").waitFor();
  await card.getByText("Connected", { exact: true }).first().waitFor();
  await page.screenshot({ path: path.join(out, "connections-filled.png") });
  await page.goto(`${base}/#/dashboard`);
  const next = await page.getByRole("region", { name: "Next step" }).innerText();
  assert(next.includes("not connected to a ledger"), `next step is: ${next}`);
});

test("history lists what happened", async (page) => {
  await page.goto(`${base}/#/history`);
  const table = page.getByRole("table", { name: "History" });
  await table.getByText("Saved Autotask credentials for API user api-user@acme-it.example").waitFor();
  const text = await table.innerText();
  assert(!text.includes(secret), "the secret is shown in history");
  await page.screenshot({ path: path.join(out, "history-filled.png") });
});

test("dark theme is applied and remembered", async (page) => {
  await page.goto(`${base}/#/settings`);
  await page.getByLabel("Dark").check();
  await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
  await page.screenshot({ path: path.join(out, "settings-dark.png") });
  await page.goto(`${base}/#/dashboard`);
  await page.screenshot({ path: path.join(out, "dashboard-dark.png") });
  await page.goto(`${base}/#/settings`);
  await page.getByLabel("Light").check();
  await page.waitForFunction(() => document.documentElement.dataset.theme === "light");
});

test("a support bundle is saved from Settings", async (page) => {
  await page.goto(`${base}/#/settings`);
  await page.getByRole("button", { name: "Save support bundle" }).click();
  const status = page.getByRole("region", { name: "Support" }).getByRole("status");
  await status.waitFor();
  const text = await status.innerText();
  assert(/billbridge-support-\d{8}-\d{6}\.zip/.test(text), `status says: ${text}`);
  await page.screenshot({ path: path.join(out, "settings-support.png") });
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
page.setDefaultTimeout(15000);
const consoleErrors = [];
page.on("pageerror", (e) => consoleErrors.push(String(e)));
await page.goto(base);
await page.getByRole("navigation", { name: "Sections" }).waitFor({ timeout: 60000 });

let passed = 0;
let failed = 0;
for (const t of tests) {
  try {
    await t.fn(page);
    passed++;
    console.log(`ok   ${t.name}`);
  } catch (err) {
    failed++;
    console.log(`FAIL ${t.name}\n     ${String(err).split("\n").join("\n     ")}`);
    await page.screenshot({ path: path.join(out, `FAILED-${passed + failed}.png`) }).catch(() => {});
  }
}
if (consoleErrors.length > 0) {
  failed++;
  console.log(`FAIL page errors:\n     ${consoleErrors.join("\n     ")}`);
}
await browser.close();
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
