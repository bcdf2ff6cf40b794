import * as l10n from '../../../machines/l10n';
import * as vscode from 'vscode';
import { stillIf, type DeploymentItem } from '../deploymentItems';
import { reducesMotion } from '../../settings/reducedMotion';
import { SHOW_PROGRESS_COMMAND } from '../../commandIds';

const ICON_COLOR: Partial<Record<DeploymentItem['icon'], string>> = { pass: 'testing.iconPassed', error: 'testing.iconFailed', warning: 'problemsWarningIcon.foreground' };

export class DeploymentNode extends vscode.TreeItem {
  readonly stagingId: string;

  constructor(item: DeploymentItem) {
    super(item.label, vscode.TreeItemCollapsibleState.None);
    this.stagingId = item.stagingId;
    this.id = `deployment:${item.stagingId}`;
    this.description = item.description;
    this.tooltip = item.tooltip;
    this.contextValue = item.contextValue;
    const color = ICON_COLOR[item.icon];
    this.iconPath = new vscode.ThemeIcon(stillIf(reducesMotion(), item.icon), color ? new vscode.ThemeColor(color) : undefined);
    this.command = { title: l10n.t('Show Progress'), command: SHOW_PROGRESS_COMMAND, arguments: [item.stagingId] };
  }
}
