import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** Where `l10n.t` is called: the extension host, the shared layer and the webviews. */
export const L10N_ROOTS = ['src', 'machines', 'webview-ui'];
/** The translation template a translator starts from: `l10n/bundle.l10n.<language>.json` holds the same keys. */
export const L10N_BUNDLE = 'l10n/bundle.l10n.json';

export interface L10nStrings {
  /** Every text given to `l10n.t`, each once, sorted. */
  texts: string[];
  /** Calls whose text is not a literal: no key can be taken from them. */
  problems: string[];
}

/** The texts of every `l10n.t(…)` call under the roots, read from the syntax tree. */
export function extractL10nStrings(repo: string, roots: readonly string[] = L10N_ROOTS): L10nStrings {
  const texts = new Set<string>();
  const problems: string[] = [];
  for (const file of roots.flatMap((root) => sourceFiles(join(repo, root)))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && node.expression.getText(source) === 'l10n.t') {
        const [text] = node.arguments;
        if (text && (ts.isStringLiteral(text) || ts.isNoSubstitutionTemplateLiteral(text))) texts.add(text.text);
        else problems.push(`${relative(repo, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: l10n.t needs its text as a literal`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { texts: [...texts].sort(), problems };
}

/** Attributes whose text a user reads or hears: each takes `{l10n.t(…)}`, never a literal. */
const WORDED_ATTRIBUTES = new Set(['label', 'help', 'placeholder', 'title', 'aria-label', 'term']);

/**
 * Words a webview writes in English where a translation cannot reach: JSX text, and a literal
 * given to a worded attribute. `file:line: text` for each, so a test can name what slipped through.
 */
export function englishInJsx(repo: string, root = 'webview-ui'): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(join(repo, root)).filter((path) => path.endsWith('.tsx'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const report = (node: ts.Node, text: string) =>
      found.push(`${relative(repo, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${text.trim()}`);
    const visit = (node: ts.Node): void => {
      if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) report(node, node.text);
      if (ts.isJsxAttribute(node) && WORDED_ATTRIBUTES.has(node.name.getText(source)) && node.initializer && ts.isStringLiteral(node.initializer) && /\p{L}/u.test(node.initializer.text)) {
        report(node, node.initializer.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** The template's content: each text its own translation, as `@vscode/l10n-dev export` writes it. */
export function bundleOf(texts: readonly string[]): string {
  return `${JSON.stringify(Object.fromEntries(texts.map((text) => [text, text])), null, 2)}\n`;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}
