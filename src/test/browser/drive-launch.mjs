// Drives headless Debian chromium through a SMART standalone launch of the test app:
// open the launch page -> authorize -> fill the server's login form -> the app reads and shows the record.
// Prints what the app page shows as JSON on stdout.
// Usage: node drive-launch.mjs <launch URL> <username> <password> <fresh user-data-dir>
import { chromium } from "playwright-core";

const [launchUrl, username, password, userDataDir] = process.argv.slice(2);
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const steps = [];
try {
  const page = context.pages()[0] || await context.newPage();
  page.on("framenavigated", frame => { if (frame === page.mainFrame()) steps.push(new URL(frame.url()).pathname); });
  await page.goto(launchUrl);
  await page.waitForURL(url => url.pathname === "/login", { timeout: 60000 });
  await page.fill("input[name=username]", username);
  await page.fill("input[name=password]", password);
  await page.click("button[type=submit]");
  await page.waitForSelector("#done:not([hidden])", { state: "attached", timeout: 60000 });
  const text = async id => (await page.textContent("#" + id)) || "";
  const result = {
    patientId: await text("patient-id"),
    patientName: await text("patient-name"),
    fhirUser: await text("fhir-user"),
    refreshToken: await text("refresh-token"),
    observations: await page.$$eval("#observations li", items => items.map(i => i.textContent)),
    error: await text("error"),
    finalUrl: page.url(),
    steps,
  };
  console.log(JSON.stringify(result));
} catch (e) {
  console.log(JSON.stringify({ error: "driver: " + e.message, steps }));
  process.exitCode = 1;
} finally {
  await context.close();
}
