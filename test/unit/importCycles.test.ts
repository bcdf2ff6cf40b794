import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withFiles } from '../support/filesOnDisk';
import { importCycles } from '../support/importCycles';

const repo = join(__dirname, '..', '..');

describe('imports', () => {
  it.each(['src', 'machines', 'webview-ui', 'sandbox'])('in %s/ never lead back to the file they start from', (root) => {
    expect(importCycles(repo, root)).toEqual([]);
  });

  it('are followed through type imports, re-exports and folders to find each loop once', () => {
    const files = {
      'lib/state.ts': "import type { Run } from './run';\nimport { ok } from 'vitest';",
      'lib/run.ts': "export { key } from './keys';",
      'lib/keys.ts': "import { State } from './store';",
      'lib/store/index.ts': "import '../state';",
      'lib/alone.ts': "import { key } from './keys';\nimport './alone';",
      'lib/pair.tsx': "import { b } from './other';",
      'lib/other.ts': "import { a } from './pair';",
    };
    expect(withFiles(files, (dir) => importCycles(dir, 'lib'))).toEqual([
      ['lib/keys.ts', 'lib/run.ts', 'lib/state.ts', 'lib/store/index.ts'],
      ['lib/other.ts', 'lib/pair.tsx'],
    ]);
  });
});
