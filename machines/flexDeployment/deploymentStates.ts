import type { SnapshotFrom, StateValue } from 'xstate';
import { deploymentMachine, type DeploymentTag } from './deploymentMachine';
import type { StagedFlexProfile } from './stagedFlexProfile';

/**
 * The deployment machine's states by name: how a record stores one (`succeeded.profileCreated`)
 * and what it means. Names and tags are read from the machine definition, so adding a state, or
 * changing what one means, is a change to deploymentMachine.ts alone.
 */

export type DeploymentStateValue = SnapshotFrom<typeof deploymentMachine>['value'];

/** A leaf state's path, dotted: `{ succeeded: 'profileCreated' }` is `succeeded.profileCreated`. */
export type DeploymentStateName = Flattened<DeploymentStateValue>;
type Flattened<V> = V extends string ? V : { [K in keyof V & string]: `${K}.${Flattened<V[K]>}` }[keyof V & string];

/** What the walk reads of a state node. */
interface MachineNode {
  path: string[];
  tags: string[];
  type: string;
  states: Record<string, MachineNode>;
  initial: { target: readonly MachineNode[] };
}

interface LeafState {
  /** Its own tags and its ancestors': what `hasTag` answers in it. */
  tags: ReadonlySet<DeploymentTag>;
  final: boolean;
}

// The type is derived from the same config as the walk, so the two name the same states: every
// name the type allows has its leaf here.
const leaves = Object.fromEntries(leavesOf(deploymentMachine.root, [])) as Record<DeploymentStateName, LeafState>;

export const DEPLOYMENT_STATES = Object.keys(leaves) as [DeploymentStateName, ...DeploymentStateName[]];

/** The state a new deployment starts in. */
export const INITIAL_STATE = initialLeafOf(deploymentMachine.root) as DeploymentStateName;

export function isDeploymentState(name: unknown): name is DeploymentStateName {
  return (DEPLOYMENT_STATES as readonly unknown[]).includes(name);
}

/** `hasTag` for a state known by its name (a record) or its value (a view), without a snapshot. */
export function stateHasTag(state: DeploymentStateName | DeploymentStateValue, tag: DeploymentTag): boolean {
  return leaves[stateNameOf(state)].tags.has(tag);
}

/** A final state takes no more events: the record has nothing more to tell. */
export function isFinalState(state: DeploymentStateName): boolean {
  return leaves[state].final;
}

export function stateNameOf(value: DeploymentStateValue | DeploymentStateName): DeploymentStateName {
  return flatten(value) as DeploymentStateName;
}

export function stateValueOf(name: DeploymentStateName): DeploymentStateValue {
  const [leaf, ...ancestors] = name.split('.').reverse();
  return ancestors.reduce<StateValue>((inner, parent) => ({ [parent]: inner }), leaf) as DeploymentStateValue;
}

/**
 * The state a schema-1 record (the spec's plain StagedFlexProfile) was in, from its status and flags:
 * it stored no state.
 */
export function stateOfStagedProfile(old: Pick<StagedFlexProfile, 'status' | 'profileCreated' | 'dashboardOpened'>): DeploymentStateName {
  if (old.status !== 'succeeded') return old.status;
  if (old.dashboardOpened) return 'succeeded.dashboardOpened';
  return old.profileCreated ? 'succeeded.profileCreated' : 'succeeded.creatingProfile';
}

function flatten(value: StateValue): string {
  if (typeof value === 'string') return value;
  // One active child per level: the machine has no parallel states.
  const [parent, child] = Object.entries(value)[0];
  return child === undefined ? parent : `${parent}.${flatten(child)}`;
}

function* leavesOf(node: MachineNode, inherited: readonly DeploymentTag[]): Generator<[string, LeafState]> {
  const tags = [...inherited, ...(node.tags as DeploymentTag[])];
  const children = Object.values(node.states);
  if (children.length === 0) {
    yield [nameOf(node), { tags: new Set(tags), final: node.type === 'final' }];
    return;
  }
  for (const child of children) yield* leavesOf(child, tags);
}

function initialLeafOf(node: MachineNode): string {
  const first = node.initial.target[0];
  return first ? initialLeafOf(first) : nameOf(node);
}

/** The name a record stores for a state node: its path, dotted. */
function nameOf(node: MachineNode): string {
  return node.path.join('.');
}
