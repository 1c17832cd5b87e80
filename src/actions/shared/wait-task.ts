// Waiting for a Maestro task to finish: shared by create-task (wait: true) and wait-task, so both
// read the same wait inputs, wait the same way and fail with the same words.
import { TASK_FINISH_STATUSES, type TaskFinishStatus } from '../../maestro/index.js'
import type { InputKindTable } from './input-kinds.js'
import { parseEnum, type InputReader } from './inputs.js'

/** The parts of a Maestro task that waiting looks at. */
export interface WatchedTask {
  id: number | string
  state: string
  finishStatus?: string | null
  finishMessage?: string | null
}

export interface TaskWatcher<T extends WatchedTask> {
  getTask(id: number | string): Promise<T>
  interruptTask(id: number | string): Promise<unknown>
}

export interface WaitOptions<T extends WatchedTask = WatchedTask> {
  timeoutMs: number
  pollIntervalMs: number
  interruptOnTimeout: boolean
  /** Aborted when the workflow is cancelled (SIGINT/SIGTERM). */
  signal?: AbortSignal
  log: (message: string) => void
  /** Told about every read of the task, so a caller still knows the last state if a poll fails. */
  onTask?: (task: T) => void
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  now?: () => number
}

export type WaitOutcome<T> =
  | { kind: 'finished'; task: T }
  | { kind: 'timed-out'; task: T; waitedMs: number; interrupted: boolean }
  | { kind: 'cancelled'; task: T; interrupted: boolean }

const FINAL_STATES = new Set(['FINISHED', 'CANCELED'])

/** Polls the task until it is FINISHED or CANCELED, the time is up, or the step is cancelled. */
export async function waitForTask<T extends WatchedTask>(
  client: TaskWatcher<T>,
  taskId: number | string,
  options: WaitOptions<T>,
  first?: T
): Promise<WaitOutcome<T>> {
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? abortableSleep
  const started = now()
  let task = first ?? (await client.getTask(taskId))
  let lastState = ''

  for (;;) {
    options.onTask?.(task)
    if (task.state !== lastState) {
      options.log(`Task ${taskId} is ${task.state}${elapsed(now() - started)}`)
      lastState = task.state
    }
    if (FINAL_STATES.has(task.state)) return { kind: 'finished', task }

    const waitedMs = now() - started
    if (options.signal?.aborted) {
      return { kind: 'cancelled', task, interrupted: await interrupt(client, taskId, options) }
    }
    if (waitedMs >= options.timeoutMs) {
      return {
        kind: 'timed-out',
        task,
        waitedMs,
        interrupted: await interrupt(client, taskId, options)
      }
    }
    await sleep(Math.min(options.pollIntervalMs, options.timeoutMs - waitedMs), options.signal)
    if (options.signal?.aborted) continue // report the cancellation with the state we have
    task = await client.getTask(taskId)
  }
}

async function interrupt<T extends WatchedTask>(
  client: TaskWatcher<T>,
  taskId: number | string,
  options: Pick<WaitOptions, 'interruptOnTimeout' | 'log'>
): Promise<boolean> {
  if (!options.interruptOnTimeout) return false
  await client.interruptTask(taskId)
  options.log(`Asked Maestro to interrupt task ${taskId}`)
  return true
}

function elapsed(ms: number): string {
  return ms < 1000 ? '' : ` (after ${formatDuration(ms)})`
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  return s % 60 === 0 ? `${m} min` : `${m} min ${s % 60} s`
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    if (signal?.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done(): void {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}

/**
 * Whether a finished task passes the step. A CANCELED task never does: nobody asked for that.
 */
export function finishedAsAllowed(task: WatchedTask, allowedStatuses: readonly string[]): boolean {
  return task.state === 'FINISHED' && allowedStatuses.includes(task.finishStatus ?? '')
}

// ---------------------------------------------------------------------------------------------
// The wait inputs, shared by every action that waits (the metadata check knows `...WaitInputs`).

export const WaitInputs = {
  waitTimeoutSeconds: 'wait-timeout-seconds',
  pollIntervalSeconds: 'poll-interval-seconds',
  interruptOnTimeout: 'interrupt-on-timeout',
  allowedStatuses: 'allowed-statuses'
} as const

/** Five days: the longest a self-hosted job may run. */
export const MAX_WAIT_SECONDS = 5 * 24 * 3600

/** The wait inputs' kinds, for the bad-input matrix (see input-kinds.ts). */
export const WaitInputKinds = {
  [WaitInputs.waitTimeoutSeconds]: { kind: 'seconds', min: 1, max: MAX_WAIT_SECONDS },
  [WaitInputs.pollIntervalSeconds]: { kind: 'seconds', min: 1, max: 3600 },
  [WaitInputs.interruptOnTimeout]: { kind: 'boolean' },
  [WaitInputs.allowedStatuses]: { kind: 'enum', values: TASK_FINISH_STATUSES, list: true }
} as const satisfies InputKindTable<typeof WaitInputs>

export interface WaitConfig {
  timeoutMs: number
  pollIntervalMs: number
  interruptOnTimeout: boolean
  allowedStatuses: TaskFinishStatus[]
}

/**
 * `allowed-statuses`: one per line or comma-separated, case-insensitive, each one of the three
 * finish statuses. Empty means SUCCESS only. Duplicates are dropped.
 */
export function parseAllowedStatuses(input: string, raw: string): TaskFinishStatus[] {
  const items = raw
    .split(/[\r\n,]+/)
    .map(s => s.trim())
    .filter(s => s !== '')
  if (items.length === 0) return ['SUCCESS']
  const out: TaskFinishStatus[] = []
  for (const item of items) {
    const status = parseEnum(input, item, { values: TASK_FINISH_STATUSES })
    if (!out.includes(status)) out.push(status)
  }
  return out
}

/** Reads and validates the wait inputs (WaitInputs) through the action's input reader. */
export function readWaitInputs(inputs: InputReader): WaitConfig {
  return {
    timeoutMs: inputs.secondsToMs(WaitInputs.waitTimeoutSeconds, {
      min: 1,
      max: MAX_WAIT_SECONDS,
      default: 3600
    }),
    pollIntervalMs: inputs.secondsToMs(WaitInputs.pollIntervalSeconds, {
      min: 1,
      max: 3600,
      default: 10
    }),
    interruptOnTimeout: inputs.boolean(WaitInputs.interruptOnTimeout, false),
    allowedStatuses: parseAllowedStatuses(
      WaitInputs.allowedStatuses,
      inputs.raw(WaitInputs.allowedStatuses)
    )
  }
}

/** The message that fails the step after waiting, or undefined when the step passes. */
export function waitFailure(
  outcome: WaitOutcome<WatchedTask>,
  config: Pick<WaitConfig, 'allowedStatuses'>
): string | undefined {
  const { task } = outcome
  const left = (interrupted: boolean) =>
    interrupted
      ? 'Asked Maestro to interrupt it.'
      : `It was left running (set '${WaitInputs.interruptOnTimeout}: true' to interrupt it).`
  if (outcome.kind === 'timed-out') {
    return (
      `Timed out after ${formatDuration(outcome.waitedMs)} waiting for task ${task.id} ` +
      `to finish; its last state was ${task.state} (${WaitInputs.waitTimeoutSeconds}). ` +
      left(outcome.interrupted)
    )
  }
  if (outcome.kind === 'cancelled') {
    return (
      `The step was cancelled while waiting for task ${task.id} (last state ${task.state}). ` +
      left(outcome.interrupted)
    )
  }
  if (finishedAsAllowed(task, config.allowedStatuses)) return undefined
  const allowed = `Allowed finish statuses: ${config.allowedStatuses.join(', ')} ('${WaitInputs.allowedStatuses}')`
  if (task.state !== 'FINISHED') {
    return `Task ${task.id} was ${task.state} in Maestro without finishing. ${allowed}.`
  }
  const why = task.finishMessage ? `: ${task.finishMessage}` : ' (no finish message)'
  return `Task ${task.id} finished with ${task.finishStatus ?? 'no status'}${why}. ${allowed}.`
}

/** How the summary heading ends after waiting: "Maestro task 7 <verb>". */
export function waitSummaryVerb(outcome: WaitOutcome<WatchedTask>): string {
  if (outcome.kind === 'timed-out') return 'did not finish in time'
  if (outcome.kind === 'cancelled') return 'was still running when the step was cancelled'
  if (outcome.task.state !== 'FINISHED') return `was ${outcome.task.state}`
  return `finished: ${outcome.task.finishStatus ?? 'no status'}`
}

export type SignalSource = Pick<NodeJS.Process, 'on' | 'off'>

/**
 * The signals a cancelled workflow sends. The runner sends SIGINT, then SIGTERM; on Windows it
 * sends Ctrl+C (SIGINT to Node), then Ctrl+Break, which Node names SIGBREAK and which ends the
 * process at once unless it is listened to.
 */
export function cancelSignals(platform: NodeJS.Platform = process.platform): NodeJS.Signals[] {
  return platform === 'win32' ? ['SIGINT', 'SIGTERM', 'SIGBREAK'] : ['SIGINT', 'SIGTERM']
}

/** An AbortSignal that fires when the workflow is cancelled (see cancelSignals), until disposed. */
export function abortOnSignals(
  source: SignalSource,
  log: (message: string) => void,
  platform: NodeJS.Platform = process.platform
): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController()
  const onSignal = (name: NodeJS.Signals) => {
    if (!controller.signal.aborted) log(`Received ${name}: the workflow is being cancelled`)
    controller.abort()
  }
  const signals = cancelSignals(platform)
  for (const name of signals) source.on(name, onSignal)
  return {
    signal: controller.signal,
    dispose: () => {
      for (const name of signals) source.off(name, onSignal)
    }
  }
}

export interface StepWaitOptions<T extends WatchedTask> {
  log: (message: string) => void
  /** Where SIGINT/SIGTERM come from (tests); default: process. */
  signals?: SignalSource
  /** The task as already read or created, so the first poll is not a repeat. */
  first?: T
  onTask?: (task: T) => void
}

/** waitForTask inside a step: the wait inputs applied, and a cancelled workflow stops the wait. */
export async function waitForTaskInStep<T extends WatchedTask>(
  client: TaskWatcher<T>,
  taskId: number | string,
  config: Omit<WaitConfig, 'allowedStatuses'>,
  options: StepWaitOptions<T>
): Promise<WaitOutcome<T>> {
  const cancel = abortOnSignals(options.signals ?? process, options.log)
  try {
    return await waitForTask(
      client,
      taskId,
      {
        timeoutMs: config.timeoutMs,
        pollIntervalMs: config.pollIntervalMs,
        interruptOnTimeout: config.interruptOnTimeout,
        signal: cancel.signal,
        log: options.log,
        onTask: options.onTask
      },
      options.first
    )
  } finally {
    cancel.dispose()
  }
}
