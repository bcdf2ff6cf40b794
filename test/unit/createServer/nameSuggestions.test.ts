import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_NAME_CANDIDATES } from '../../../machines/flexDeployment/serverNameSuggestions';
import type { HostMessage } from '../../../machines/webview/protocol';
import type { FormCatalog } from '../../../src/createServer/formCatalog';
import { FakeCatalog, FakeLog, formCatalogOver, SUBSCRIPTION } from './fakes';

/** Azure's name check with names taken at will, a failure after some calls, and a pause to type on during. */
class NameCatalog extends FakeCatalog {
  readonly taken = new Set<string>();
  failAfter = Infinity;
  beforeAnswer: (serverName: string) => void = () => {};
  override async checkNameAvailability(_s: string, serverName: string) {
    this.calls.push(`checkNameAvailability:${serverName}`);
    if (this.calls.filter((c) => c.startsWith('checkNameAvailability')).length > this.failAfter) throw new Error('429 TooManyRequests');
    this.beforeAnswer(serverName);
    return this.taken.has(serverName) ? { available: false, message: 'Specified server name is already used.' } : { available: true };
  }
}

let catalog: NameCatalog;
let log: FakeLog;
let posted: HostMessage[];
let refused: string | undefined;
let form: FormCatalog;

beforeEach(() => {
  catalog = new NameCatalog();
  log = new FakeLog();
  posted = [];
  refused = undefined;
  // Every random ending is 'ssss': the candidates for pgs are pgs-2, pgs-westeurope, pgs-ssss.
  form = formCatalogOver(catalog, posted, { log, refusedServerName: () => refused, random: () => 0.5 });
});

const ask = (serverName: string) => form.onServerNameChanged(SUBSCRIPTION.subscriptionId, serverName, 'westeurope');
const checked = () => catalog.calls.filter((c) => c.startsWith('checkNameAvailability')).map((c) => c.split(':')[1]);
const suggestions = () => posted.filter((m) => m.type === 'form.serverNameSuggestions');

describe('free names suggested for a taken server name', () => {
  it('suggests only names Azure just found free, in the rule\'s order', async () => {
    catalog.taken.add('pgs').add('pgs-2');
    await ask('pgs');
    expect(checked()).toEqual(['pgs', 'pgs-2', 'pgs-westeurope', 'pgs-ssss']);
    expect(suggestions()).toEqual([{ type: 'form.serverNameSuggestions', serverName: 'pgs', suggestions: ['pgs-westeurope', 'pgs-ssss'] }]);
  });

  it('stops at three free names, and never checks more candidates than the rule gives', async () => {
    catalog.taken.add('pg-dev');
    await ask('pg-dev');
    expect(suggestions()[0]).toMatchObject({ suggestions: ['pg-dev-2', 'pg-dev-westeurope', 'pg-dev-ssss'] });
    expect(checked()).toHaveLength(4);

    posted.length = 0;
    catalog.calls.length = 0;
    for (const name of ['pg-1', 'pg-2', 'pg-1-westeurope', 'pg-1-ssss']) catalog.taken.add(name);
    await ask('pg-1');
    expect(checked().length).toBeLessThanOrEqual(1 + MAX_NAME_CANDIDATES);
    expect(suggestions()[0]).toMatchObject({ serverName: 'pg-1', suggestions: [] });
  });

  it('a free name gets no suggestions and no further calls', async () => {
    await ask('pg-free');
    expect(checked()).toEqual(['pg-free']);
    expect(suggestions()).toEqual([]);
  });

  it('a failed check (throttled) suggests nothing rather than an unchecked name', async () => {
    catalog.taken.add('pgs');
    catalog.failAfter = 2;
    await ask('pgs');
    expect(posted).toContainEqual(expect.objectContaining({ type: 'form.serverNameAvailability', serverName: 'pgs', available: false }));
    expect(suggestions()).toEqual([]);
    expect(log.lines.join('\n')).toMatch(/Checking names to suggest failed, so none is suggested: 429/);
  });

  it('typing on stops the checks of the older name and drops its suggestions', async () => {
    catalog.taken.add('pgs');
    let typedOn: Promise<void> | undefined;
    catalog.beforeAnswer = (name) => {
      if (name === 'pgs-2') typedOn = ask('pgs-x');
    };
    await ask('pgs');
    await typedOn;
    expect(checked()).toEqual(['pgs', 'pgs-2', 'pgs-x']);
    expect(suggestions()).toEqual([]);
  });

  it('a name ARM refused on the retried deployment gets suggestions even when the check calls it free now', async () => {
    refused = 'pg-refused';
    await ask('pg-refused');
    expect(posted[0]).toMatchObject({ type: 'form.serverNameAvailability', serverName: 'pg-refused', available: true });
    expect(suggestions()[0]).toMatchObject({ serverName: 'pg-refused', suggestions: ['pg-refused-2', 'pg-refused-westeurope', 'pg-refused-ssss'] });
  });
});
