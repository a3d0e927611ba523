// Checks a page as tools would: axe-core's accessibility rules (WCAG 2.1
// A and AA) and Chromium's own installability test for the PWA.
import { createRequire } from "node:module";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

// The violations axe finds on the page as it is, serious and critical only
// (moderate ones are reported in the artifacts but do not fail a spec).
export async function accessibilityViolations(page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const answer = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return answer.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
    }));
  });
  return result;
}

export function serious(violations) {
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}

// What Chromium says stands between the page and "Install app".
export async function installabilityErrors(page) {
  const session = await page.context().newCDPSession(page);
  try {
    const { installabilityErrors } = await session.send("Page.getInstallabilityErrors");
    return installabilityErrors.map((error) => error.errorId);
  } finally {
    await session.detach();
  }
}
