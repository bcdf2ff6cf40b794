import type { FrameLocator, Page } from 'playwright-core';
import type { FirewallRange } from '../../../machines/flexDeployment/networking';
import { runCommandUntil } from '../harness/palette';
import { findWebview } from '../harness/webview';
import type { VsCodeSession } from '../harness/vscodeSession';

/** The session the form is typed into: its first window, its screenshots, its typed secrets. */
type FormSession = Pick<VsCodeSession, 'page' | 'shot' | 'typedSecrets'>;

/**
 * Chromium sends a page's changed form state to the browser process 1 s after the change, and the
 * browser writes it to the session-restore file up to 2.5 s later, unless a newer state replaced it
 * in the meantime. A person takes longer than that to reach Create; the driver waits as long, or
 * the suite would submit before anything typed could reach the disk. A sleep on purpose: no state
 * says "Chromium has written what it will write", and this time is what the secret scan measures.
 */
const HUMAN_PAUSE_BEFORE_SUBMIT_MS = 4_000;
/** How often chooseOption tries a choice that did not take before it fails. */
const CHOOSE_OPTION_ATTEMPTS = 5;

export const CREATE_COMMAND = 'PostgreSQL: Create Azure Database for PostgreSQL Flexible Server';
export const CREATE_FORM_HEADING = 'h1:text("Create Azure Database for PostgreSQL Flexible Server")';
export const SERVER_NAME_INPUT = 'vscode-textfield#serverName input';

export type AuthenticationLabel =
  | 'PostgreSQL authentication only'
  | 'Microsoft Entra authentication only'
  | 'PostgreSQL and Microsoft Entra authentication';

export interface CreateFormInput {
  serverName: string;
  resourceGroup: string;
  /** Typed as a group Create makes (Create new), instead of picked among the existing ones. */
  newResourceGroup?: boolean;
  location: string;
  authentication?: AuthenticationLabel;
  adminLogin?: string;
  password?: string;
  options?: ServerOptionsInput;
}

/** The server options as a person picks them, by the labels the form shows. */
export interface ServerOptionsInput {
  tier?: 'General Purpose' | 'Memory Optimized';
  zone?: string;
  highAvailability?: 'Same zone' | 'Zone redundant';
  standbyZone?: string;
  backupRetentionDays?: number;
  geoRedundantBackup?: boolean;
  storageAutoGrow?: boolean;
  tags?: { name: string; value: string }[];
  /** Custom firewall ranges, added with public access (the form's default). */
  firewallRanges?: FirewallRange[];
}

/**
 * Opens the create form from the palette and waits until it has loaded the subscriptions. Run
 * again, the command brings the form already open to the front, never a second one.
 */
export async function openCreateForm(page: Page): Promise<FrameLocator> {
  await runCommandUntil(page, CREATE_COMMAND, () => findWebview(page, CREATE_FORM_HEADING, 30_000));
  return findCreateForm(page);
}

/**
 * The create form on screen. Every create form has the same heading, so that alone names none:
 * the form a command just opened or brought to the front is the one on screen, and the form a
 * Retry filled is the one that shows the retried server's name.
 */
export async function findCreateForm(page: Page, filledWithServer?: string): Promise<FrameLocator> {
  const form = await findWebview(page, filledWithServer === undefined ? CREATE_FORM_HEADING : (content) => isFormFilledWith(content, filledWithServer));
  await form.locator('#serverName').waitFor({ state: 'visible', timeout: 30_000 });
  // The fields take input at once; a person picks from the lists once the subscriptions are in.
  await form.locator('vscode-single-select#subscriptionId:not([aria-busy="true"])').waitFor({ state: 'visible', timeout: 30_000 });
  return form;
}

async function isFormFilledWith(content: FrameLocator, serverName: string): Promise<boolean> {
  const field = content.locator(SERVER_NAME_INPUT);
  return (await content.locator(CREATE_FORM_HEADING).isVisible()) && (await field.count()) === 1 && (await field.inputValue()) === serverName;
}

/**
 * vscode-single-select: open its list, click the option (both live in its shadow DOM), and see the
 * face show it. The select is first centred in the webview: its list opens below it, and at the
 * bottom of a long form the workbench's status bar would lie over the options. A select whose
 * options follow another field (the zones follow the tier) is enabled a render after that field
 * changes, and the form may still be moving then: a click on the face in between opens nothing,
 * and a list that opened closes when the select moves (its list is placed where the select was).
 * So the whole choice is tried again until the face shows the label.
 */
export async function chooseOption(form: FrameLocator, selectId: string, label: string): Promise<void> {
  const select = form.locator(`vscode-single-select#${selectId}:not([disabled])`);
  await select.waitFor({ state: 'visible', timeout: 30_000 });
  const option = select.locator('li.option', { hasText: label }).first();
  const faceShowingLabel = select.locator('.select-face .text', { hasText: label });
  for (let attempt = 1; ; attempt += 1) {
    try {
      await select.evaluate((element) => element.scrollIntoView({ block: 'center' }));
      if (!(await select.evaluate((element) => element.hasAttribute('open')))) await select.locator('.select-face').click({ timeout: 5_000 });
      await option.click({ timeout: 5_000 });
      await faceShowingLabel.waitFor({ state: 'visible', timeout: 2_000 });
      return;
    } catch (error) {
      if (attempt === CHOOSE_OPTION_ATTEMPTS) throw error;
      console.log(`[e2e] #${selectId} did not take '${label}' (attempt ${attempt}: ${(error as Error).message.split('\n')[0]}); choosing again`);
    }
  }
}

async function typeInto(form: FrameLocator, fieldId: string, text: string): Promise<void> {
  await form.locator(`vscode-textfield#${fieldId} input`).fill(text);
}

/**
 * Fills the form as a person would; version, tier, size and storage keep the form's defaults.
 * The password is noted in the session's typed secrets, which its close() searches the disk for.
 */
export async function fillCreateForm(vscode: FormSession, form: FrameLocator, input: CreateFormInput): Promise<void> {
  if (input.newResourceGroup) {
    await form.locator('vscode-radio[aria-label="Create new"]').click();
    await typeInto(form, 'resourceGroupName', input.resourceGroup);
  } else {
    await chooseOption(form, 'resourceGroupName', input.resourceGroup);
  }
  await typeInto(form, 'serverName', input.serverName);
  await chooseOption(form, 'location', input.location);
  // The version list fills once the location's capabilities arrive.
  await form.locator('vscode-single-select#version vscode-option').first().waitFor({ state: 'attached', timeout: 30_000 });
  if (input.options) await chooseServerOptions(form, input.options);
  const authentication = input.authentication ?? 'PostgreSQL authentication only';
  await form.locator(`vscode-radio[aria-label="${authentication}"]`).click();
  if (authentication !== 'Microsoft Entra authentication only') {
    await typeInto(form, 'adminLogin', input.adminLogin ?? 'pgadmin');
    await typePassword(vscode, form, input.password);
  }
  await pauseBeforeSubmit(vscode);
}

/**
 * Finds a user or group in the tenant's directory by the start of its name and makes it the
 * Microsoft Entra administrator (the form offers this once Entra authentication is chosen).
 */
export async function chooseEntraAdministrator(form: FrameLocator, search: string, principalName: string): Promise<void> {
  await typeInto(form, 'entraAdminSearch', search);
  await form.locator('.entra-search vscode-button', { hasText: 'Search' }).click();
  await form.locator('.entra-results vscode-button', { hasText: `${principalName} · ` }).click();
  await form.locator('.entra-admin p[role="status"]', { hasText: `${principalName} (` }).waitFor({ state: 'visible', timeout: 10_000 });
}

/** The pause a person takes before Review + create (see HUMAN_PAUSE_BEFORE_SUBMIT_MS). */
export async function pauseBeforeSubmit(vscode: FormSession): Promise<void> {
  await vscode.page.waitForTimeout(HUMAN_PAUSE_BEFORE_SUBMIT_MS);
}

/** Types the password and its confirmation; it is noted in the session's typed secrets. */
export async function typePassword(vscode: FormSession, form: FrameLocator, password = 'Sandbox-Passw0rd!'): Promise<void> {
  vscode.typedSecrets.add(password);
  // By the accessible name: the password boxes must be labelled for a screen reader too.
  await form.getByLabel('Password', { exact: true }).fill(password);
  await form.getByLabel('Confirm password', { exact: true }).fill(password);
}

/** The value of a vscode-single-select (its option's value, not the label shown). */
export async function selectedValue(form: FrameLocator, selectId: string): Promise<string> {
  return form.locator(`vscode-single-select#${selectId}`).evaluate((select) => (select as HTMLSelectElement).value);
}

async function chooseServerOptions(form: FrameLocator, options: ServerOptionsInput): Promise<void> {
  // The tier first: the sizes, zones and HA modes offered follow it.
  if (options.tier) await chooseOption(form, 'tier', options.tier);
  if (options.zone) await chooseOption(form, 'availabilityZone', `Zone ${options.zone}`);
  if (options.highAvailability) await chooseOption(form, 'highAvailabilityMode', options.highAvailability);
  if (options.standbyZone) await chooseOption(form, 'standbyAvailabilityZone', `Zone ${options.standbyZone}`);
  if (options.backupRetentionDays !== undefined) await typeInto(form, 'backupRetentionDays', String(options.backupRetentionDays));
  if (options.geoRedundantBackup) await form.locator('vscode-checkbox#geoRedundantBackup').click();
  if (options.storageAutoGrow) await form.locator('vscode-checkbox#storageAutoGrow').click();
  for (const [index, tag] of (options.tags ?? []).entries()) {
    await form.locator('vscode-button', { hasText: 'Add tag' }).click();
    await typeInto(form, `tag-name-${index + 1}`, tag.name);
    await typeInto(form, `tag-value-${index + 1}`, tag.value);
  }
  for (const [index, range] of (options.firewallRanges ?? []).entries()) {
    await form.locator('vscode-button', { hasText: 'Add range' }).click();
    for (const field of ['name', 'startIpAddress', 'endIpAddress'] as const) await typeInto(form, `range-${field}-${index + 1}`, range[field]);
  }
}

/** Review + create: the form's choices in plain words, with Back and Create. */
export async function reviewCreateForm(form: FrameLocator): Promise<void> {
  await form.locator('vscode-button', { hasText: 'Review + create' }).click();
  await form.locator('h1', { hasText: 'Review + create' }).waitFor({ state: 'visible', timeout: 10_000 });
}

/** Review + create, then Create on the review: the billable step is always the second click. */
export async function submitCreateForm(form: FrameLocator): Promise<void> {
  await reviewCreateForm(form);
  await confirmCreate(form);
}

/** Create, on the review. */
export async function confirmCreate(form: FrameLocator): Promise<void> {
  await form.locator('vscode-button', { hasText: /^\s*Create\s*$/ }).click();
}

/** The whole create flow with a screenshot per step; returns once the progress view shows. */
export async function createServer(vscode: FormSession, input: CreateFormInput): Promise<FrameLocator> {
  const form = await openCreateForm(vscode.page);
  await vscode.shot('form');
  await fillCreateForm(vscode, form, input);
  await vscode.shot('filled');
  await reviewCreateForm(form);
  await vscode.shot('review');
  await confirmCreate(form);
  const progress = await findWebview(vscode.page, `h1:text("Provisioning ${input.serverName}")`);
  await vscode.shot('deploying');
  return progress;
}
