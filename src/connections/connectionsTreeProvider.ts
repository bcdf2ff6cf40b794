import type { Subscription } from 'rxjs';
import * as vscode from 'vscode';
import type { ConnectionsTreeModel, ServerItem } from './connectionsTreeModel';
import { DatabaseNode } from './treeNodes/databaseNode';
import { MessageNode } from './treeNodes/messageNode';
import { ServerNode } from './treeNodes/serverNode';

type ConnectionTreeNode = ServerNode | DatabaseNode | MessageNode;

/** Thin: maps the model's items to nodes. */
export class ConnectionsTreeProvider implements vscode.TreeDataProvider<ConnectionTreeNode>, vscode.Disposable {
  /** Undefined until the view first shows them (servers()). */
  private servers: ServerItem[] | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private subscription: Subscription | undefined;

  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly model: ConnectionsTreeModel) {}

  refresh(): void {
    this.changed.fire();
  }

  getTreeItem(node: ConnectionTreeNode): vscode.TreeItem {
    return node;
  }

  async getChildren(node?: ConnectionTreeNode): Promise<ConnectionTreeNode[]> {
    if (!node) {
      return this.watchServers().map((s) => new ServerNode(s));
    }
    if (!(node instanceof ServerNode)) {
      return [];
    }
    return (await this.model.children(node.profileId)).map((c) =>
      c.kind === 'database' ? new DatabaseNode(c.profileId, c.name, c.sizeBytes) : new MessageNode(c.profileId, c.text, c.tooltip, c.command),
    );
  }

  dispose(): void {
    this.subscription?.unsubscribe();
    this.changed.dispose();
  }

  /**
   * The servers, followed from the first time VS Code asks for them (the view is shown), not from
   * activation: a hidden view costs nothing however many connections are saved.
   */
  private watchServers(): ServerItem[] {
    this.subscription ??= this.model.servers$.subscribe((servers) => {
      const shown = this.servers !== undefined;
      this.servers = servers;
      if (shown) this.changed.fire();
    });
    return this.servers ?? [];
  }
}
