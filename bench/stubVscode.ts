import { EventEmitter } from '../test/support/fakeEventEmitter';
import { MemoryMemento, MemorySecrets } from '../test/support/trackerFakes';

/**
 * Just enough of the `vscode` module for the built extension's activate() to run in a bare Node
 * process: each member is here because activation touches it (registrations are kept, UI calls
 * return nothing). Settings answer from `settings`, by id; the extension's output channel is
 * recorded, so a caller can wait for a line.
 */
export interface StubVscode {
  api: Record<string, unknown>;
  /** The extension's log, a line per call, as `[level] message`. */
  readonly logLines: string[];
  /** Resolves when a logged line includes `text`. */
  whenLogged(text: string): Promise<void>;
}

const disposable = () => ({ dispose: () => undefined });

export function stubVscode(settings: Record<string, unknown>): StubVscode {
  const logLines: string[] = [];
  const waiting: { text: string; resolve: () => void }[] = [];
  const record = (level: string) => (message: string) => {
    const line = `[${level}] ${message}`;
    logLines.push(line);
    for (const w of waiting.filter((w) => line.includes(w.text))) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve();
    }
  };
  // warn and error: what activation logs when something fails, for the caller to read.
  const channel = () => ({ trace: record('trace'), debug: record('debug'), info: record('info'), warn: record('warning'), error: record('error'), dispose: () => undefined });

  class Disposable {
    constructor(private readonly onDispose: () => void) {}
    static from(...items: { dispose(): unknown }[]): Disposable {
      return new Disposable(() => items.forEach((item) => item.dispose()));
    }
    dispose(): void {
      this.onDispose();
    }
  }

  // Extended by the tree nodes' classes when the bundle is evaluated; no node is made at activation.
  class TreeItem {}

  const api = {
    EventEmitter,
    Disposable,
    TreeItem,
    StatusBarAlignment: { Left: 1 },
    window: {
      createOutputChannel: channel,
      createStatusBarItem: () => ({ hide: () => undefined, dispose: () => undefined }),
      // The Deployments view checks its servers with Azure when shown: never at activation here.
      createTreeView: () => ({ dispose: () => undefined, onDidChangeVisibility: disposable }),
      registerWebviewPanelSerializer: disposable,
    },
    commands: {
      registerCommand: disposable,
    },
    env: {
      // As for a user with telemetry off: the logger is made, and sends nothing.
      createTelemetryLogger: () => ({ isUsageEnabled: false, logUsage: () => undefined, dispose: () => undefined }),
    },
    workspace: {
      getConfiguration: (section?: string) => {
        const id = (key: string) => (section ? `${section}.${key}` : key);
        return {
          get: (key: string) => settings[id(key)],
          inspect: (key: string) => ({ key: id(key), globalValue: settings[id(key)] }),
        };
      },
      onDidChangeConfiguration: disposable,
    },
  };
  return {
    api,
    logLines,
    whenLogged: (text) =>
      logLines.some((line) => line.includes(text)) ? Promise.resolve() : new Promise((resolve) => waiting.push({ text, resolve })),
  };
}

/** An ExtensionContext whose global storage is `storageDir` and whose globalState is `globalState`. */
export function stubExtensionContext(storageDir: string, globalState: MemoryMemento, extensionDir: string) {
  const uri = (path: string) => ({ scheme: 'file', fsPath: path });
  return {
    subscriptions: [] as { dispose(): unknown }[],
    globalStorageUri: uri(storageDir),
    extensionUri: uri(extensionDir),
    globalState,
    secrets: new MemorySecrets(),
  };
}
