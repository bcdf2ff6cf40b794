import { createHash } from 'node:crypto';
import type { ResourceDurations } from '../types';
import { evaluateDeep, evaluateString, TemplateExpressionError, type ExpressionScope } from './expressions';
import { textOr } from '../http/text';

/** ARM answers 400 with this code and message when a template or its parameters do not validate. */
export class TemplateValidationError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type ResourceKind = keyof ResourceDurations | 'other';

export interface PlannedResource {
  /** Full type, e.g. Microsoft.DBforPostgreSQL/flexibleServers/firewallRules. */
  type: string;
  /** Full name, e.g. myserver/AllowAll. */
  name: string;
  id: string;
  apiVersion: string;
  location?: string;
  sku?: Record<string, unknown>;
  tags?: Record<string, string>;
  properties: Record<string, unknown>;
  dependsOn: string[];
  kind: ResourceKind;
  /** The flexible server this resource is or belongs to. */
  serverName?: string;
}

/** A parameter as ARM echoes it in the deployment: secure values are never returned. */
export type EchoedParameter = { type: string; value?: unknown };

export interface DeploymentPlan {
  mode: string;
  templateHash: string;
  resources: PlannedResource[];
  parameters: Record<string, EchoedParameter>;
  /** Evaluated when the deployment succeeds, so `reference()` sees the created resources. */
  evaluateOutputs(reference: (id: string) => unknown): Record<string, { type: string; value: unknown }>;
}

export interface PlanScope {
  subscriptionId: string;
  tenantId: string;
  subscriptionName: string;
  resourceGroup: string;
  location: string;
}

interface TemplateResource {
  type?: string;
  name?: string;
  apiVersion?: string;
  condition?: unknown;
  copy?: unknown;
  location?: unknown;
  sku?: unknown;
  tags?: unknown;
  properties?: unknown;
  dependsOn?: unknown[];
  resources?: TemplateResource[];
}

const PROVIDER = 'microsoft.dbforpostgresql/flexibleservers';

/** Turns a deployment PUT body into the ordered resources to run; throws TemplateValidationError. */
export function planDeployment(body: unknown, scope: PlanScope): DeploymentPlan {
  const properties = asRecord(asRecord(body).properties);
  if (properties.templateLink) {
    throw new TemplateValidationError('InvalidTemplate', 'The pgflex sandbox runs inline templates only; templateLink is not supported.');
  }
  const template = asRecord(properties.template);
  if (!Array.isArray(template.resources)) {
    throw new TemplateValidationError('InvalidRequestContent', "The request content was invalid and could not be deserialized: 'properties.template.resources' is required.");
  }
  const declared = asRecord(template.parameters);
  const given = asRecord(properties.parameters);
  for (const name of Object.keys(given)) {
    if (!findKey(declared, name)) {
      throw new TemplateValidationError(
        'InvalidTemplate',
        `Deployment template validation failed: 'The template parameters '${name}' in the parameters file are not valid; they are not present in the original template and can therefore not be provided at deployment time. The only supported parameters for this template are '${Object.keys(declared).join(', ')}'.'.`,
      );
    }
  }
  const values = new Map<string, unknown>();
  const echoed: Record<string, EchoedParameter> = {};
  const variables = asRecord(template.variables);
  const evaluatedVariables = new Map<string, unknown>();
  const rgId = `/subscriptions/${scope.subscriptionId}/resourceGroups/${scope.resourceGroup}`;

  const exprScope = (reference: (id: string) => unknown): ExpressionScope => ({
    parameter(name) {
      const key = [...values.keys()].find((k) => k.toLowerCase() === name.toLowerCase());
      if (key === undefined) throw new TemplateExpressionError(`The template parameter '${name}' is not found.`);
      return values.get(key);
    },
    variable(name) {
      const key = findKey(variables, name);
      if (key === undefined) throw new TemplateExpressionError(`The template variable '${name}' is not found.`);
      if (!evaluatedVariables.has(key)) evaluatedVariables.set(key, evaluateDeep(variables[key], this));
      return evaluatedVariables.get(key);
    },
    resourceGroup: () => ({ id: rgId, name: scope.resourceGroup, location: scope.location }),
    subscription: () => ({
      id: `/subscriptions/${scope.subscriptionId}`,
      subscriptionId: scope.subscriptionId,
      tenantId: scope.tenantId,
      displayName: scope.subscriptionName,
    }),
    resourceId: (type, names) => buildResourceId(scope, type, names),
    reference: (idOrName) => reference(idOrName),
  });
  const planningScope = exprScope((id) => {
    throw new TemplateExpressionError(`The template reference '${id}' is not valid: reference() is only evaluated in outputs by the pgflex sandbox.`);
  });

  try {
    for (const [name, raw] of Object.entries(declared)) {
      const decl = asRecord(raw);
      const type = textOr(decl.type, 'string');
      const givenKey = findKey(given, name);
      let value: unknown;
      if (givenKey !== undefined) value = asRecord(given[givenKey]).value;
      else if ('defaultValue' in decl) value = evaluateDeep(decl.defaultValue, planningScope);
      else {
        throw new TemplateValidationError(
          'InvalidTemplate',
          `Deployment template validation failed: 'The value for the template parameter '${name}' at line '1' and column '1' is not provided. Please see https://aka.ms/arm-create-parameter-file for usage details.'.`,
        );
      }
      if (Array.isArray(decl.allowedValues) && !decl.allowedValues.some((a) => JSON.stringify(a) === JSON.stringify(value))) {
        throw new TemplateValidationError(
          'InvalidTemplate',
          `Deployment template validation failed: 'The provided value '${String(value)}' for the template parameter '${name}' is not valid. The parameter value is not part of the allowed value(s): '${decl.allowedValues.join(',')}'.'.`,
        );
      }
      values.set(name, value);
      echoed[name] = type.toLowerCase().startsWith('secure') ? { type: capitalize(type) } : { type: capitalize(type), value };
    }
    const resources = planAll(template.resources as TemplateResource[], planningScope, scope);
    const outputs = asRecord(template.outputs);
    return {
      mode: textOr(properties.mode, 'Incremental'),
      templateHash: templateHashOf(template),
      resources: orderByDependencies(resources),
      parameters: echoed,
      evaluateOutputs(reference) {
        const outputScope = exprScope(reference);
        return Object.fromEntries(
          Object.entries(outputs).map(([name, raw]) => {
            const decl = asRecord(raw);
            return [name, { type: capitalize(textOr(decl.type, 'string')), value: evaluateDeep(decl.value, outputScope) }];
          }),
        );
      },
    };
  } catch (error) {
    if (error instanceof TemplateExpressionError) {
      throw new TemplateValidationError('InvalidTemplate', `Deployment template validation failed: '${error.message}'.`);
    }
    throw error;
  }
}

/**
 * Resources whose condition holds, each followed by its nested children, which take the parent's
 * type and name as prefix.
 */
function planAll(resources: TemplateResource[], exprScope: ExpressionScope, scope: PlanScope, parent?: PlannedResource): PlannedResource[] {
  return resources
    .filter((r) => r.condition === undefined || Boolean(evaluateDeep(r.condition, exprScope)))
    .flatMap((r) => {
      const planned = planResource(r, exprScope, scope, parent);
      return [planned, ...planAll(r.resources ?? [], exprScope, scope, planned)];
    });
}

function planResource(r: TemplateResource, exprScope: ExpressionScope, scope: PlanScope, parent?: PlannedResource): PlannedResource {
  if (r.copy !== undefined) throw new TemplateValidationError('InvalidTemplate', "Deployment template validation failed: 'copy loops are not supported by the pgflex sandbox'.");
  const ownType = String(evaluateString(String(r.type ?? ''), exprScope));
  const ownName = String(evaluateString(String(r.name ?? ''), exprScope));
  const type = parent ? `${parent.type}/${ownType}` : ownType;
  const name = parent ? `${parent.name}/${ownName}` : ownName;
  if (!type.includes('/') || !name) {
    throw new TemplateValidationError('InvalidTemplate', "Deployment template validation failed: 'Every template resource needs a type and a name.'.");
  }
  const names = name.split('/');
  const id = buildResourceId(scope, type, names);
  const lowerType = type.toLowerCase();
  return {
    type,
    name,
    id,
    apiVersion: String(r.apiVersion ?? ''),
    location: r.location === undefined ? undefined : String(evaluateDeep(r.location, exprScope)),
    sku: r.sku === undefined ? undefined : asRecord(evaluateDeep(r.sku, exprScope)),
    tags: r.tags === undefined ? undefined : (asRecord(evaluateDeep(r.tags, exprScope)) as Record<string, string>),
    properties: asRecord(evaluateDeep(r.properties ?? {}, exprScope)),
    dependsOn: (r.dependsOn ?? []).map((d) => String(evaluateDeep(d, exprScope))),
    kind: kindOf(lowerType),
    serverName: lowerType.startsWith(PROVIDER) ? names[0] : undefined,
  };
}

function kindOf(lowerType: string): ResourceKind {
  if (lowerType === PROVIDER) return 'flexibleServers';
  const child = lowerType.startsWith(`${PROVIDER}/`) ? lowerType.slice(PROVIDER.length + 1) : '';
  if (child === 'firewallrules') return 'firewallRules';
  if (child === 'administrators') return 'administrators';
  if (child === 'databases') return 'databases';
  return 'other';
}

/** Template order, except that a resource runs after everything it depends on. */
function orderByDependencies(resources: PlannedResource[]): PlannedResource[] {
  const ordered: PlannedResource[] = [];
  const visiting = new Set<PlannedResource>();
  const visit = (r: PlannedResource): void => {
    if (ordered.includes(r)) return;
    if (visiting.has(r)) {
      throw new TemplateValidationError('InvalidTemplate', `Deployment template validation failed: 'Circular dependency detected on resource: '${r.id}'.'.`);
    }
    visiting.add(r);
    for (const dep of r.dependsOn) {
      const target = resources.find((other) => matchesDependency(other, dep));
      if (!target) {
        throw new TemplateValidationError('InvalidTemplate', `Deployment template validation failed: 'The resource '${dep}' is not defined in the template.'.`);
      }
      visit(target);
    }
    ordered.push(r);
  };
  resources.forEach(visit);
  return ordered;
}

function matchesDependency(r: PlannedResource, dep: string): boolean {
  const d = dep.toLowerCase();
  return r.id.toLowerCase() === d || r.name.toLowerCase() === d || `${r.type}/${r.name}`.toLowerCase() === d;
}

export function buildResourceId(scope: Pick<PlanScope, 'subscriptionId' | 'resourceGroup'>, type: string, args: string[]): string {
  const [namespace, ...types] = type.split('/');
  const names = args.slice(-types.length);
  const leading = args.slice(0, args.length - types.length);
  const subscriptionId = leading.length === 2 ? leading[0] : scope.subscriptionId;
  const resourceGroup = leading.length >= 1 ? leading[leading.length - 1] : scope.resourceGroup;
  const path = types.map((t, i) => `${t}/${names[i] ?? ''}`).join('/');
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${namespace}/${path}`;
}

/** ARM reports a 19-digit decimal hash of the template. */
function templateHashOf(template: unknown): string {
  const digest = createHash('sha256').update(JSON.stringify(template)).digest();
  return (digest.readBigUInt64BE(0) % 10_000_000_000_000_000_000n).toString().padStart(19, '1');
}

function capitalize(type: string): string {
  const lower = type.toLowerCase();
  if (lower === 'securestring') return 'SecureString';
  if (lower === 'secureobject') return 'SecureObject';
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

function findKey(record: Record<string, unknown>, name: string): string | undefined {
  return Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase());
}

export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
