import * as vscode from 'vscode';
import type { ConnectionsTreeModel, ServerItem } from './connectionsTreeModel';
import { DatabaseNode } from './treeNodes/databaseNode';
import { MessageNode } from './treeNodes/messageNode';
import { ServerNode } from './treeNodes/serverNode';

type ConnectionTreeNode = ServerNode | DatabaseNode | MessageNode;

/** Thin: maps the model's items to nodes. */
export class ConnectionsTreeProvider implements vscode.TreeDataProvider<ConnectionTreeNode>, vscode.Disposable {
  private servers: ServerItem[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription;

  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly model: ConnectionsTreeModel) {
    this.subscription = model.servers$.subscribe((servers) => {
      this.servers = servers;
      this.changed.fire();
    });
  }

  refresh(): void {
    this.changed.fire();
  }

  getTreeItem(node: ConnectionTreeNode): vscode.TreeItem {
    return node;
  }

  async getChildren(node?: ConnectionTreeNode): Promise<ConnectionTreeNode[]> {
    if (!node) {
      return this.servers.map((s) => new ServerNode(s));
    }
    if (!(node instanceof ServerNode)) {
      return [];
    }
    return (await this.model.children(node.profileId)).map((c) =>
      c.kind === 'database' ? new DatabaseNode(c.profileId, c.name, c.sizeBytes) : new MessageNode(c.profileId, c.text, c.tooltip, c.command),
    );
  }

  dispose(): void {
    this.subscription.unsubscribe();
    this.changed.dispose();
  }
}
