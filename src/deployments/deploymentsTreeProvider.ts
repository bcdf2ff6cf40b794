import * as vscode from 'vscode';
import type { Observable } from 'rxjs';
import type { DeploymentItem } from './deploymentItems';
import { DeploymentNode } from './treeNodes/deploymentNode';

/** Thin: renders the model's latest rows. */
export class DeploymentsTreeProvider implements vscode.TreeDataProvider<DeploymentNode>, vscode.Disposable {
  private items: DeploymentItem[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription;

  readonly onDidChangeTreeData = this.changed.event;

  constructor(items$: Observable<DeploymentItem[]>) {
    this.subscription = items$.subscribe((items) => {
      this.items = items;
      this.changed.fire();
    });
  }

  getTreeItem(node: DeploymentNode): vscode.TreeItem {
    return node;
  }

  getChildren(node?: DeploymentNode): DeploymentNode[] {
    return node ? [] : this.items.map((item) => new DeploymentNode(item));
  }

  dispose(): void {
    this.subscription.unsubscribe();
    this.changed.dispose();
  }
}
