/** ARM reads of deployment status (get, list): what the tracker's poller costs. */
export function pollerReads(counts: Record<string, number>): number {
  return sumOf(counts, (route) => route.startsWith('deployments.') && route !== 'deployments.put');
}

/** Deployment-operation reads: what the stepper of a visible progress panel costs. */
export function stepperReads(counts: Record<string, number>): number {
  return sumOf(counts, (route) => route.startsWith('operations.'));
}

function sumOf(counts: Record<string, number>, include: (route: string) => boolean): number {
  return Object.entries(counts).filter(([route]) => include(route)).reduce((sum, [, count]) => sum + count, 0);
}
