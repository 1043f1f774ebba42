// Screenshot a local HTML file, the whole page, in Debian's chromium (for docs/telegram.png).
//
// Usage: node tests/render.mjs HTML_PATH PNG_PATH [WIDTH]
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { openBrowser } from "./browser.mjs";

const [html, png, width = "480"] = process.argv.slice(2);
const { page, close } = await openBrowser({ width: Number(width), height: 600 });
try {
  await page.goto(pathToFileURL(resolve(html)).href);
  await page.screenshot({ path: png, fullPage: true });
} finally {
  await close();
}
