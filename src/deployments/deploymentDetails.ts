import type { DeploymentContext } from '../../machines/flexDeployment/stagedFlexProfile';

/** The output channel's surface: View Details writes the whole story of one deployment there. */
export interface DetailsOutput {
  clear(): void;
  appendLine(line: string): void;
  show(preserveFocus: boolean): void;
}

export function showDeploymentDetails(deployment: Readonly<DeploymentContext>, output: DetailsOutput): void {
  output.clear();
  for (const line of formatDeploymentDetails(deployment)) {
    output.appendLine(line);
  }
  output.show(false);
}

/** The full ARM error chain and the audit trail, as lines; never anything secret. */
export function formatDeploymentDetails(d: Readonly<DeploymentContext>): string[] {
  const lines = [
    `Deployment of '${d.serverName}' (${d.status})`,
    `  Deployment:      ${d.deploymentName}`,
    `  Resource group:  ${d.resourceGroupName}`,
    `  Subscription:    ${d.subscriptionId}`,
    `  Tenant:          ${d.tenantId}`,
    `  Location:        ${d.location}`,
    `  Started:         ${new Date(d.createdAt).toISOString()}`,
  ];
  if (d.terminalAt !== undefined) {
    lines.push(`  Ended:           ${new Date(d.terminalAt).toISOString()}`);
  }
  if (d.serverResourceId) {
    lines.push(`  Server:          ${d.serverResourceId}`);
  }
  if (d.error || d.armError) {
    lines.push('', 'Error:');
    const chain = d.armError?.chain?.length ? d.armError.chain : d.armError ? [d.armError] : [];
    chain.forEach((e, depth) => {
      const target = 'target' in e && e.target ? ` (target: ${e.target})` : '';
      lines.push(`${'  '.repeat(depth + 1)}${e.code}: ${e.message}${target}`);
    });
    if (chain.length === 0 && d.error) {
      lines.push(`  ${d.error}`);
    }
  }
  if (d.effectError) {
    lines.push('', `Last follow-up error: ${d.effectError}`);
  }
  lines.push('', 'Audit trail:');
  for (const entry of d.audit) {
    lines.push(`  ${new Date(entry.at).toISOString()}  ${entry.event} → ${entry.to}`);
  }
  return lines;
}
