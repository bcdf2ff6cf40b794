import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { testResultsDir } from './paths';

export interface StepShots {
  readonly dir: string;
  /** Saves test-results/<test>/<NN>-<step>.png and returns its path. */
  shot(page: Page, step: string): Promise<string>;
}

/** Numbered screenshots per step, so a scenario reads as a film strip; earlier runs are cleared. */
export function stepShots(testName: string): StepShots {
  const dir = join(testResultsDir, testName);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let count = 0;
  return {
    dir,
    async shot(page, step) {
      count += 1;
      const path = join(dir, `${String(count).padStart(2, '0')}-${step.replace(/[^a-z0-9-]+/gi, '-')}.png`);
      // Playwright's 30 s default was too short for a busy renderer once (see runCommand's limits).
      await page.screenshot({ path, timeout: 90_000 });
      return path;
    },
  };
}
