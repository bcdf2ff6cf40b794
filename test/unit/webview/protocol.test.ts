import { describe, expect, it } from 'vitest';
import { parseWebviewMessage, webviewStateSchema } from '../../../machines/webview/protocol';
import { formPrefillSchema } from '../../../machines/webview/createServerMessages';

const PASSWORD = 'Sup3r$ecret!';

describe('a message from a webview', () => {
  it('is taken when it is one of the protocol, as sent', () => {
    for (const message of [
      { type: 'ready' },
      { type: 'form.locationSelected', subscriptionId: 'sub-1', location: 'eastus' },
      { type: 'progress.cancel', stagingId: 'staging-1' },
      { type: 'dashboard.refresh' },
      { type: 'dashboard.disconnect' },
      { type: 'dashboard.newQuery' },
      { type: 'dashboard.copyConnectionString' },
      { type: 'dashboard.addClientIpRule' },
      { type: 'dashboard.removeFirewallRule', ruleName: 'office' },
      { type: 'dashboard.followMove' },
    ]) {
      expect(parseWebviewMessage(message)).toEqual({ ok: true, message });
    }
  });

  it('is rejected with every offending field and its rule, never its value', () => {
    const reading = parseWebviewMessage({ type: 'form.locationSelected', subscriptionId: '', location: PASSWORD.length });
    expect(reading).toEqual({
      ok: false,
      reason: 'subscriptionId: Too small: expected string to have >=1 characters; location: Invalid input: expected string, received number',
    });
    expect(JSON.stringify(parseWebviewMessage({ type: 'form.serverNameChanged', subscriptionId: 'sub-1', serverName: PASSWORD.repeat(30) }))).not.toContain(PASSWORD);
  });

  it("naming a firewall rule, is rejected without one or with one longer than ARM's", () => {
    for (const ruleName of ['', 'r'.repeat(201), 7]) {
      expect(parseWebviewMessage({ type: 'dashboard.removeFirewallRule', ruleName }).ok).toBe(false);
    }
    expect(parseWebviewMessage({ type: 'dashboard.removeFirewallRule' }).ok).toBe(false);
  });

  it('following a move, is rejected when the webview names where to: that is the host’s to say', () => {
    expect(parseWebviewMessage({ type: 'dashboard.followMove', to: { subscriptionId: 'sub-9', resourceGroup: 'rg-evil' } }).ok).toBe(false);
  });

  it('that is no message at all, or of no type the protocol has, is rejected saying so', () => {
    expect(parseWebviewMessage('nonsense')).toEqual({ ok: false, reason: '(message): Invalid input: expected object, received string' });
    // The reason lists the types there are: the mistake is plain from the log alone.
    for (const unknown of [{ type: 'form.delete', stagingId: 'staging-1' }, { stagingId: 'staging-1' }]) {
      const reading = parseWebviewMessage(unknown);
      expect(reading.ok).toBe(false);
      if (reading.ok) return;
      expect(reading.reason).toMatch(/^type: Invalid discriminator value\. Expected 'ready' \| /);
      expect(reading.reason).toContain("'progress.cancel'");
    }
  });
});

describe('the reason a message is rejected', () => {
  const unknownKey = (length: number) => parseWebviewMessage({ type: 'ready', ['k'.repeat(length)]: true });
  const reasonOf = (reading: ReturnType<typeof parseWebviewMessage>) => (reading.ok ? '' : reading.reason);

  it('is whole up to 1,000 characters, and cut there with an ellipsis beyond', () => {
    const framing = reasonOf(unknownKey(1)).length - 1;
    expect(reasonOf(unknownKey(1_000 - framing))).toHaveLength(1_000);
    expect(reasonOf(unknownKey(1_000 - framing))).not.toContain('…');
    const cut = reasonOf(unknownKey(1_001 - framing));
    expect(cut).toHaveLength(1_001);
    expect(cut.endsWith('k…')).toBe(true);
  });

  it('stays a line however many unknown keys a hostile page sends', () => {
    const junk = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`${'x'.repeat(100)}${i}`, true]));
    expect(reasonOf(parseWebviewMessage({ type: 'ready', ...junk }))).toHaveLength(1_001);
  });
});

describe('what a webview keeps across Reload Window', () => {
  it('is the deployment or the profile it shows, by an id of Azure size', () => {
    const profileId = 'flex-0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(webviewStateSchema.safeParse({ profileId }).data).toEqual({ profileId });
    expect(webviewStateSchema.safeParse({ stagingId: 'staging-1', profileId: 'p'.repeat(200) }).success).toBe(true);
    for (const id of ['', 'p'.repeat(201)]) expect(webviewStateSchema.safeParse({ profileId: id }).success).toBe(false);
  });
});

describe('a form prefill', () => {
  it('keeps the retried request but not its Entra administrator, whom the form asks Azure for again, nor a password', () => {
    const entraAdmin = { objectId: '00000000-0000-0000-0000-000000000001', principalName: 'ada@contoso.com', principalType: 'User' };
    const prefill = formPrefillSchema.parse({ serverName: 'pg-retried', entraAdmin, password: 'Secret-Passw0rd!' });
    expect(prefill).toMatchObject({ serverName: 'pg-retried' });
    expect(prefill).not.toHaveProperty('entraAdmin');
    expect(prefill).not.toHaveProperty('password');
  });
});
