import type { CancelRequests } from './cancelRequests';
import type { DeploymentJournal } from './deploymentJournal';
import type { ObservationBoard } from './observationBoard';

/** What the tracker does when another window's file changes; each runs in its turn with the poll cycles. */
export interface SharedFileEvents {
  /** The journal changed: take in other windows' deployments. */
  journalChanged(): Promise<void>;
  /** The machine's poller posted ARM's answers: apply this window's. */
  boardPosted(): Promise<void>;
  /** Another window asked to cancel: answer for this window's deployments. */
  cancelAsked(): Promise<void>;
}

/**
 * The files other windows write — the journal, the poller's board, the cancel requests — watched,
 * so this window acts at once rather than at its next poll cycle. What they announce is done in
 * turn with the cycles (`inTurn`), and not at all once the window is closing.
 */
export class SharedFileWatches {
  private readonly watches: { dispose(): void }[] = [];
  private journalChangeQueued = false;
  private closed = false;

  constructor(
    private readonly files: { journal: DeploymentJournal; board: ObservationBoard; cancelRequests: CancelRequests },
    private readonly events: SharedFileEvents,
    private readonly ownsAny: () => boolean,
    private readonly inTurn: (work: () => Promise<void>) => Promise<void>,
    private readonly log: (message: string) => void,
  ) {}

  async start(): Promise<void> {
    this.watches.push(this.files.journal.watch(() => this.onJournalChanged()));
    this.watches.push(this.files.board.watch(() => this.onBoardPosted()));
    this.watches.push(await this.files.cancelRequests.watch(() => this.onCancelAsked()));
  }

  /** The window is closing: nothing more is heard, and nothing already heard is acted on. */
  close(): void {
    this.closed = true;
    for (const watch of this.watches.splice(0)) watch.dispose();
  }

  private onJournalChanged(): void {
    if (this.journalChangeQueued) return;
    this.journalChangeQueued = true;
    this.act("Reading other windows' deployments", () => {
      this.journalChangeQueued = false;
      return this.events.journalChanged();
    });
  }

  private onBoardPosted(): void {
    if (!this.ownsAny()) return;
    this.act("Applying ARM's answers from the poller", () => this.events.boardPosted());
  }

  private onCancelAsked(): void {
    if (!this.ownsAny()) return;
    this.act("Answering another window's cancel request", () => this.events.cancelAsked());
  }

  private act(what: string, work: () => Promise<void>): void {
    this.inTurn(async () => {
      if (!this.closed) await work();
    }).catch((error: unknown) => this.log(`${what} failed: ${String(error)}`));
  }
}
