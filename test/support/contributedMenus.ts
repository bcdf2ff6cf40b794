import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface MenuItem {
  command: string;
  when?: string;
}

const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { contributes: { menus: Record<string, MenuItem[]> } };

/**
 * The commands the Deployments view's context menu and inline actions show for a tree item's
 * `contextValue`, in manifest order, each once: the manifest's `when` clauses evaluated for the two
 * forms it uses (`viewItem == x` and `viewItem =~ /re/`).
 */
export function treeItemCommands(contextValue: string): string[] {
  const shown = manifest.contributes.menus['view/item/context'].filter((item) => item.when?.includes('view == pgsqlDeployments') && matches(item.when, contextValue));
  return [...new Set(shown.map((item) => item.command))];
}

function matches(when: string, contextValue: string): boolean {
  const equals = /viewItem == (\S+)/.exec(when);
  if (equals) return equals[1] === contextValue;
  const pattern = /viewItem =~ \/(.+)\/$/.exec(when);
  if (pattern) return new RegExp(pattern[1]).test(contextValue);
  throw new Error(`A Deployments view menu clause this helper cannot read: ${when}`);
}
