import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

/**
 * The groups of files under `root` that import one another round a loop (type-only imports
 * count: they tie the files' meanings together as much as values do), each as paths from `repo`.
 * Tarjan's strongly connected components over the relative imports.
 */
export function importCycles(repo: string, root: string): string[][] {
  const files = sourceFiles(join(repo, root));
  const imports = new Map(files.map((file) => [file, importedFiles(file)]));
  const index = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    lowest.set(file, index.get(file)!);
    stack.push(file);
    for (const next of imports.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        lowest.set(file, Math.min(lowest.get(file)!, lowest.get(next)!));
      } else if (stack.includes(next)) {
        lowest.set(file, Math.min(lowest.get(file)!, index.get(next)!));
      }
    }
    if (lowest.get(file) !== index.get(file)) return;
    const group = stack.splice(stack.indexOf(file));
    if (group.length > 1) cycles.push(group.map((member) => relative(repo, member)).sort());
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return cycles;
}

function importedFiles(file: string): string[] {
  return ts
    .preProcessFile(readFileSync(file, 'utf8'), true, true)
    .importedFiles.filter(({ fileName }) => fileName.startsWith('.'))
    .map(({ fileName }) => resolved(join(dirname(file), fileName)))
    .filter((path): path is string => path !== undefined);
}

function resolved(path: string): string | undefined {
  return [`${path}.ts`, `${path}.tsx`, join(path, 'index.ts'), path].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}
