import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/**
 * Every screen, once reached: an axe scan that must find nothing (WCAG 2.1 A/AA and axe's best
 * practices), and a full-page screenshot kept as a test artifact under test-results/. Whatever
 * the renderer marks `data-secret` (the generated password, its typed copy) is masked: secrets
 * never reach a screenshot.
 */
export async function checkScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true, mask: [page.locator('[data-secret]')] });
  await testInfo.attach(name, { path, contentType: 'image/png' });
  expect(violations, `axe violations on screen "${name}"`).toEqual([]);
}
