import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe's source, evaluated through the debugging protocol: the pages' CSP rightly refuses an injected inline script. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it is now (or within the elements a selector matches). */
export async function blockingViolations(page: Page, within?: string): Promise<Violation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (selector) => {
    const { violations } = await (
      window as unknown as { axe: { run: (context?: unknown) => Promise<{ violations: Violation[] }> } }
    ).axe.run(selector === undefined ? document : { include: [[selector]] });
    return violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map((node) => ({ target: node.target })),
    }));
  }, within);
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
