import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import base from './vite.config';

// Stryker runs the unit and integration projects only: the webview tests cover webview-ui/, which
// is not mutated, and the e2e scenarios need a packaged .vsix and a real VS Code.
const mutationProjects = ['unit', 'integration'];
const projects = (base.test?.projects ?? []).filter((p): p is TestProjectInlineConfiguration => {
  const name = typeof p === 'object' && 'test' in p ? p.test?.name : undefined;
  return typeof name === 'string' && mutationProjects.includes(name);
});

/**
 * Stryker stops a mutant's run at its first failing test, so the cheapest tests go first: unit
 * before integration, and within each the files that took least time last run (unknown ones first) (Vitest's default
 * runs the longest first, which makes every killed mutant pay for the crash test).
 */
class CheapestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cost = (spec: TestSpecification) => {
      const key = `${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`;
      return this.ctx.cache.getFileTestResults(key)?.duration ?? 0;
    };
    const rank = (spec: TestSpecification) => mutationProjects.indexOf(spec.project.name);
    return [...files].sort((a, b) => rank(a) - rank(b) || cost(a) - cost(b));
  }
}

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    projects,
    sequence: { sequencer: CheapestFirst },
    // The crash property samples write points; a mutant it alone catches shows within 100 runs, and
    // 400 would make every tracker mutant that survives cost half a minute more.
    env: { PGFLEX_CRASH_RUNS: '100' },
  },
});
