// Debian's chromium driven by playwright-core, headless, with a throw-away profile: for the browser test and
// the README's screenshots (never `npx playwright install`: the browser is the Debian package).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--no-first-run"];

/** A page in a new chromium of the given viewport; `close()` ends the browser and deletes its profile. */
export async function openBrowser(viewport) {
  const profile = mkdtempSync(join(tmpdir(), "widget-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport,
  });
  const page = context.pages()[0] || (await context.newPage());
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { page, close };
}
