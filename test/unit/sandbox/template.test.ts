import { describe, expect, it } from 'vitest';
import { planDeployment, TemplateValidationError } from '../../../sandbox/deployments/template';

const scope = { subscriptionId: 'sub-1', tenantId: 'tenant-1', subscriptionName: 'Sub', resourceGroup: 'rg-1', location: 'eastus' };
const SERVER = 'Microsoft.DBforPostgreSQL/flexibleServers';

function body(template: Record<string, unknown>, parameters: Record<string, unknown> = {}): unknown {
  return { properties: { mode: 'Incremental', template: { parameters: {}, ...template }, parameters } };
}

describe('sandbox template planning', () => {
  it('orders resources by dependsOn, whatever their order in the template', () => {
    const plan = planDeployment(
      body({
        parameters: { name: { type: 'string' } },
        resources: [
          { type: `${SERVER}/databases`, name: "[concat(parameters('name'), '/db')]", dependsOn: [`[resourceId('${SERVER}/firewallRules', parameters('name'), 'rule')]`] },
          { type: `${SERVER}/firewallRules`, name: "[format('{0}/{1}', parameters('name'), 'rule')]", dependsOn: [`[resourceId('${SERVER}', parameters('name'))]`] },
          { type: SERVER, name: "[parameters('name')]", location: '[resourceGroup().location]', properties: { version: '17' } },
        ],
      }, { name: { value: 'srv' } }),
      scope,
    );
    expect(plan.resources.map((r) => [r.kind, r.name, r.serverName])).toEqual([
      ['flexibleServers', 'srv', 'srv'],
      ['firewallRules', 'srv/rule', 'srv'],
      ['databases', 'srv/db', 'srv'],
    ]);
    expect(plan.resources[0].id).toBe(`/subscriptions/sub-1/resourceGroups/rg-1/providers/${SERVER}/srv`);
    expect(plan.resources[0].location).toBe('eastus');
  });

  it('flattens nested child resources, skips false conditions, and evaluates variables and functions', () => {
    const plan = planDeployment(
      body({
        variables: { server: "[toLower(concat('Srv-', parameters('suffix')))]" },
        parameters: { suffix: { type: 'string', defaultValue: 'A' }, withDb: { type: 'bool', defaultValue: false } },
        resources: [
          {
            type: SERVER,
            name: "[variables('server')]",
            properties: { ha: "[if(equals(parameters('suffix'), 'A'), 'Disabled', 'SameZone')]" },
            resources: [{ type: 'firewallRules', name: 'all', dependsOn: ["[variables('server')]"] }],
          },
          { condition: "[parameters('withDb')]", type: `${SERVER}/databases`, name: "[concat(variables('server'), '/db')]" },
        ],
      }),
      scope,
    );
    expect(plan.resources.map((r) => `${r.type}|${r.name}`)).toEqual([`${SERVER}|srv-a`, `${SERVER}/firewallRules|srv-a/all`]);
    expect(plan.resources[0].properties).toEqual({ ha: 'Disabled' });
  });

  it('echoes parameters with ARM types and never the value of a secure one', () => {
    const plan = planDeployment(
      body({ parameters: { login: { type: 'string' }, password: { type: 'securestring' }, days: { type: 'int', defaultValue: 7 } }, resources: [] }, { login: { value: 'admin1' }, password: { value: 'S3cret!pass' } }),
      scope,
    );
    expect(plan.parameters).toEqual({ login: { type: 'String', value: 'admin1' }, password: { type: 'SecureString' }, days: { type: 'Int', value: 7 } });
    expect(JSON.stringify(plan.parameters)).not.toContain('S3cret');
  });

  it('evaluates outputs with reference() when the deployment ends', () => {
    const plan = planDeployment(
      body({
        resources: [{ type: SERVER, name: 'srv' }],
        outputs: { fqdn: { type: 'string', value: `[reference(resourceId('${SERVER}', 'srv'), '2025-08-01').fullyQualifiedDomainName]` } },
      }),
      scope,
    );
    const outputs = plan.evaluateOutputs((id) => ({ fullyQualifiedDomainName: `${id.split('/').pop()}.postgres.database.azure.com` }));
    expect(outputs).toEqual({ fqdn: { type: 'String', value: 'srv.postgres.database.azure.com' } });
  });

  it.each([
    ['a missing parameter', body({ parameters: { name: { type: 'string' } }, resources: [] }), "parameter 'name'"],
    ['an undeclared parameter', body({ resources: [] }, { extra: { value: 1 } }), "'extra'"],
    ['a value outside allowedValues', body({ parameters: { v: { type: 'string', allowedValues: ['16', '17'] } }, resources: [] }, { v: { value: '9' } }), 'allowed value'],
    ['an unknown function', body({ resources: [{ type: SERVER, name: "[nope('x')]" }] }), "'nope'"],
    ['a malformed expression', body({ resources: [{ type: SERVER, name: "[concat('a']" }] }), 'is not valid'],
    ['a dependency cycle', body({ resources: [{ type: SERVER, name: 'a', dependsOn: ['b'] }, { type: SERVER, name: 'b', dependsOn: ['a'] }] }), 'Circular dependency'],
    ['a dependency on nothing', body({ resources: [{ type: SERVER, name: 'a', dependsOn: ['ghost'] }] }), "'ghost' is not defined"],
    ['a templateLink', { properties: { mode: 'Incremental', templateLink: { uri: 'https://example.com/t.json' } } }, 'inline templates only'],
  ])('rejects %s with InvalidTemplate', (_case, input, text) => {
    let caught: unknown;
    try {
      planDeployment(input, scope);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TemplateValidationError);
    expect((caught as TemplateValidationError).code).toBe('InvalidTemplate');
    expect((caught as Error).message).toContain(text);
  });
});
