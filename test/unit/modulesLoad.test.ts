/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';

/**
 * Every module of the shared layer and the tracker loads: what a module builds when it is
 * imported (the machine, its state list, the message schemas) is built without throwing. A test
 * file whose imports throw fails to load rather than failing a test; here the import is the test.
 */
const modules = {
  ...import.meta.glob('../../machines/**/*.ts'),
  ...import.meta.glob('../../src/services/flexDeployment/**/*.ts'),
  ...import.meta.glob(['../../src/azure/armDeploymentReader.ts', '../../src/azure/armErrors.ts', '../../src/connections/connectionStore.ts']),
};

describe('modules load', () => {
  it('finds the modules it loads', () => {
    expect(Object.keys(modules).length).toBeGreaterThan(50);
  });

  it.each(Object.keys(modules))('%s', async (path) => {
    await expect(modules[path]()).resolves.toBeTypeOf('object');
  });
});
