import { randomUUID } from 'node:crypto';
import type { ArmErrorBody } from '../http/armResponse';
import { providerError, type ResourceFailure } from './failures';
import type { DeploymentPlan, PlannedResource } from './template';
import { scaled } from '../simulatedTime';

export type StepState = 'Accepted' | 'Running' | 'Succeeded' | 'Failed';

/** How one resource of this run will end, decided when it starts. */
export type StepScript =
  | { result: 'succeed'; seconds: number }
  | { result: 'fail'; seconds: number; failure: ResourceFailure }
  | { result: 'hang' }
  | { result: 'vanish'; seconds: number; keepServer: boolean };

export interface Step {
  resource: PlannedResource;
  /** ARM's operation id: an opaque upper-case hex string. */
  operationId: string;
  script: StepScript;
  startedAt: number;
  runningAt: number;
  /** Infinity while the step hangs. */
  endsAt: number;
  state: StepState;
  failure?: ResourceFailure;
}

/** What the run needs from the rest of the sandbox while it advances. */
export interface RunEnvironment {
  /** Decides how a resource ends; may fail at once (e.g. the server name is taken). */
  scriptFor(run: DeploymentRun, resource: PlannedResource): StepScript;
  /** Creates the resource for real (server, rule, administrator, database). */
  onSucceeded(run: DeploymentRun, resource: PlannedResource, at: number): void;
  /** The resource's state for `reference()` in outputs. */
  reference(run: DeploymentRun, idOrName: string): unknown;
  speed(): number;
}

export type DeploymentState = 'Accepted' | 'Running' | 'Succeeded' | 'Failed' | 'Canceled';

/** A deployment stays Accepted this many simulated seconds before its first resource starts. */
const ACCEPTED_SECONDS = 3;

/**
 * One ARM deployment in simulated time: resources run one after another in dependency order, each
 * Accepted → Running → Succeeded (or Failed). State is derived lazily from the clock on every read,
 * so no timers run and a stopped sandbox leaves nothing behind.
 */
export class DeploymentRun {
  readonly correlationId = randomUUID();
  /** The id in the Azure-AsyncOperation URL. */
  readonly statusId = randomUUID().replace(/-/g, '').toUpperCase();
  state: DeploymentState = 'Accepted';
  readonly steps: Step[] = [];
  finishedAt?: number;
  error?: ArmErrorBody;
  outputs?: Record<string, { type: string; value: unknown }>;
  /** True once the deployment has been removed from history (scripted 'vanish'). */
  vanished = false;
  private nextResource = 0;
  private lastChange: number;
  /** When the accepted deployment starts its first resource. */
  private runningAt: number;

  constructor(
    readonly subscriptionId: string,
    readonly resourceGroup: string,
    readonly name: string,
    readonly plan: DeploymentPlan,
    readonly acceptedAt: number,
    speed: number,
    /** ARM's refusal to run it at all (a provider it may not register): the deployment fails with it, no resource started. */
    private readonly refusal?: ArmErrorBody,
  ) {
    this.lastChange = acceptedAt;
    this.runningAt = acceptedAt + scaled(ACCEPTED_SECONDS, speed);
  }

  get id(): string {
    return `/subscriptions/${this.subscriptionId}/resourceGroups/${this.resourceGroup}/providers/Microsoft.Resources/deployments/${this.name}`;
  }

  get isTerminal(): boolean {
    return this.state === 'Succeeded' || this.state === 'Failed' || this.state === 'Canceled';
  }

  get timestamp(): number {
    return this.lastChange;
  }

  /** Applies every transition due by `now`, in order, each at the time it happened. */
  advance(now: number, env: RunEnvironment): void {
    if (this.state === 'Accepted') {
      if (now < this.runningAt) return;
      if (this.refusal) return this.refuse(this.refusal);
      this.state = 'Running';
      this.lastChange = this.runningAt;
      this.startNext(this.runningAt, env);
    }
    while (this.state === 'Running') {
      const step = this.steps[this.steps.length - 1];
      if (!step) return;
      if (step.state === 'Accepted' && now >= step.runningAt) {
        step.state = 'Running';
        this.lastChange = step.runningAt;
      }
      if (now < step.endsAt) return;
      this.finishStep(step, env);
    }
  }

  /** A new speed factor: what remains of the current phase shrinks or stretches by `factor`. */
  rescale(now: number, factor: number): void {
    const rescaled = (t: number): number => (t > now ? now + (t - now) * factor : t);
    if (this.state === 'Accepted') this.runningAt = rescaled(this.runningAt);
    const step = this.steps[this.steps.length - 1];
    if (step && !this.isTerminal) {
      step.runningAt = rescaled(step.runningAt);
      step.endsAt = rescaled(step.endsAt);
    }
  }

  cancel(now: number): void {
    if (this.isTerminal) return;
    const step = this.steps[this.steps.length - 1];
    if (step && (step.state === 'Running' || step.state === 'Accepted')) {
      step.state = 'Failed';
      step.endsAt = now;
      step.failure = { code: 'DeploymentCanceled', message: 'The deployment was canceled.', statusCode: 'Conflict' };
    }
    this.state = 'Canceled';
    this.finish(now);
  }

  private startNext(at: number, env: RunEnvironment): void {
    const resource = this.plan.resources[this.nextResource++];
    if (!resource) {
      this.outputs = this.plan.evaluateOutputs((id) => env.reference(this, id));
      this.state = 'Succeeded';
      this.finish(at);
      return;
    }
    const script = env.scriptFor(this, resource);
    const seconds = script.result === 'hang' ? Infinity : script.seconds;
    const duration = scaled(seconds, env.speed());
    // A short Accepted phase before the provider reports the resource Running.
    const accepted = Math.min(duration / 10, scaled(5, env.speed()));
    this.steps.push({
      resource,
      operationId: operationIdOf(),
      script,
      startedAt: at,
      runningAt: at + accepted,
      endsAt: at + duration,
      state: 'Accepted',
    });
    this.lastChange = at;
  }

  private finishStep(step: Step, env: RunEnvironment): void {
    const at = step.endsAt;
    const script = step.script;
    if (script.result === 'fail') {
      step.state = 'Failed';
      step.failure = script.failure;
      this.state = 'Failed';
      this.error = deploymentFailed(this.id, step, script.failure);
      this.finish(at);
      return;
    }
    step.state = 'Succeeded';
    if (script.result === 'vanish') {
      if (script.keepServer) env.onSucceeded(this, step.resource, at);
      this.vanished = true;
      this.state = 'Failed';
      this.finish(at);
      return;
    }
    env.onSucceeded(this, step.resource, at);
    this.startNext(at, env);
  }

  private refuse(error: ArmErrorBody): void {
    this.state = 'Failed';
    this.error = error;
    this.finish(this.runningAt);
  }

  private finish(at: number): void {
    this.finishedAt = at;
    this.lastChange = at;
  }
}

function deploymentFailed(deploymentId: string, step: Step, failure: ResourceFailure): ArmErrorBody {
  return {
    code: 'DeploymentFailed',
    target: deploymentId,
    message: 'At least one resource deployment operation failed. Please list deployment operations for details. Please see https://aka.ms/arm-deployment-operations for usage details.',
    details: [
      {
        code: 'ResourceDeploymentFailure',
        target: step.resource.id,
        message: "The resource write operation failed to complete successfully, because it reached terminal provisioning state 'Failed'.",
        details: [providerError(failure)],
      },
    ],
  };
}

function operationIdOf(): string {
  return randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase();
}
