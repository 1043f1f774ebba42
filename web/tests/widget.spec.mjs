// Drive the demo page in Debian's chromium as a user would, and print one JSON line with what was measured.
//
// Usage: node tests/widget.spec.mjs PAGE_URL SCREENSHOT_PATH
// Exit 0 and {"ok": true, ...} on success; exit 1 and {"ok": false, "error": ..., "step": ...} on failure
// (a screenshot of the failure is saved beside SCREENSHOT_PATH as *-failure.png).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const [pageUrl, screenshot] = process.argv.slice(2);
const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--no-first-run"];
const TIMEOUT = 30_000;
const BOT = ".rw-response .rw-message-text";
const USER = ".rw-client .rw-message-text";

const result = { ok: false, step: "launch", problems: [] };
const problem = (text) => result.problems.includes(text) || result.problems.push(text);
const profile = mkdtempSync(join(tmpdir(), "widget-profile-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1100, height: 820 },
});
const page = context.pages()[0] || (await context.newPage());
page.setDefaultTimeout(TIMEOUT);
page.on("pageerror", (error) => problem(`page error: ${error.message}`));
page.on("console", (message) => message.type() === "error" && problem(`console: ${message.text().slice(0, 300)}`));
const ownHosts = new Set([new URL(pageUrl).hostname, "127.0.0.1", "localhost"]); // the page's and Rasa's
page.on("request", (request) => {
  const { protocol, hostname } = new URL(request.url());
  if (protocol !== "data:" && !ownHosts.has(hostname)) problem(`third-party request: ${request.url()}`);
});
page.on("dialog", (dialog) => dialog.accept());
page.on("websocket", (socket) => socket.on("framereceived", ({ payload }) => {
  if (String(payload).includes('"bot_uttered"')) result.repliesOverWebsocket = true; // socket.io upgraded
}));

/** The texts of all bot bubbles, in order. */
const botTexts = () => page.locator(BOT).allInnerTexts();

/** Wait until a bot bubble past the first `known` ones contains `needle`; return its text. */
async function waitForBot(known, needle = "") {
  const found = await page.waitForFunction(([selector, skip, text]) => [...document.querySelectorAll(selector)]
    .slice(skip).map((bubble) => bubble.innerText).find((bubble) => bubble.includes(text)), [BOT, known, needle]);
  return found.jsonValue();
}

/** The widget's saved session id (rasa-webchat keeps it in localStorage under chat_session). */
const sessionId = () => page.evaluate(() => JSON.parse(localStorage.getItem("chat_session") || "{}").session_id);

/** Open the widget unless it is open already. */
async function openWidget() {
  await page.locator(".rw-launcher").waitFor();
  if (!(await page.locator(".rw-conversation-container").isVisible())) await page.locator(".rw-launcher").click();
  await page.locator(".rw-conversation-container").waitFor();
}

try {
  result.step = "open the page and the widget";
  await page.goto(pageUrl);
  await openWidget();
  result.title = await page.locator(".rw-title").innerText();

  result.step = "see the greeting";
  result.greeting = await waitForBot(0, "not a doctor");
  result.sessionId = await sessionId();

  result.step = "ask a question";
  let known = (await botTexts()).length;
  const question = "how long should I ice my back?";
  await page.locator(".rw-new-message").fill(question);
  let sent = Date.now();
  await page.locator(".rw-new-message").press("Enter");
  result.answer = await waitForBot(known, "minutes");
  result.answerMs = Date.now() - sent;

  result.step = "click a quick reply";
  const reply = page.locator(".rw-replies .rw-reply").first();
  result.quickReply = (await reply.innerText()).trim();
  known = (await botTexts()).length;
  sent = Date.now();
  await reply.click();
  result.quickReplyAnswer = await waitForBot(known);
  result.quickReplyMs = Date.now() - sent;
  await page.locator(USER).filter({ hasText: result.quickReply }).waitFor();

  result.step = "reload and see the history";
  await page.reload();
  await openWidget();
  for (const text of [question, result.quickReply]) await page.locator(USER).filter({ hasText: text }).waitFor();
  for (const text of [result.greeting, result.answer, result.quickReplyAnswer]) {
    await page.locator(BOT).filter({ hasText: text.slice(0, 60) }).first().waitFor();
  }
  if ((await sessionId()) !== result.sessionId) throw new Error("the session id changed on reload");
  await page.screenshot({ path: screenshot, animations: "disabled" });

  result.step = "forget me";
  await page.route("**/forget", async (route) => { // only to read the answer, which the reload would discard
    const response = await route.fetch();
    result.forget = await response.json();
    await route.fulfill({ response });
  });
  await page.locator("#forget").click();
  await page.locator("#forget-status", { hasText: "deleted" }).waitFor();
  await openWidget();
  await waitForBot(0, "not a doctor");
  result.newSessionId = await sessionId();
  if (!result.newSessionId || result.newSessionId === result.sessionId) throw new Error("no new session after forget");
  if (await page.locator(USER).filter({ hasText: question }).count()) throw new Error("history shown after forget");

  result.ok = true;
  result.step = "done";
} catch (error) {
  result.error = error.message.split("\n").slice(0, 6).join("\n");
  await page.screenshot({ path: screenshot.replace(/\.png$/, "-failure.png") }).catch(() => {});
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);
