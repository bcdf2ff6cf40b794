import type { ConnectionProfile } from '../connections/connectionProfile';
import type { ClipboardWriter } from '../webview/clipboard';

/** Where New Query opened: the PostgreSQL extension's SQL editor, or psql in a terminal. */
export type QueryOpened = 'editor' | 'terminal';

/** What the dashboard needs of VS Code's window besides its panel. */
export interface DashboardWindow extends ClipboardWriter {
  /** A modal question; true only when the user picks `action`. */
  confirm(question: string, detail: string, action: string): PromiseLike<boolean>;
  /**
   * New Query: an untitled SQL document when the PostgreSQL extension is installed (it connects
   * it), else a terminal running psql with the profile's libpq environment and no password in it.
   */
  openQuery(profile: ConnectionProfile): PromiseLike<QueryOpened>;
}
