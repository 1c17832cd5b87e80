// Waiting for a Maestro task to finish: shared by create-task (wait: true) and wait-task.

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

export interface WaitOptions {
  timeoutMs: number
  pollIntervalMs: number
  interruptOnTimeout: boolean
  /** Aborted when the workflow is cancelled (SIGINT/SIGTERM). */
  signal?: AbortSignal
  log: (message: string) => void
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
  options: WaitOptions,
  first?: T
): Promise<WaitOutcome<T>> {
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? abortableSleep
  const started = now()
  let task = first ?? (await client.getTask(taskId))
  let lastState = ''

  for (;;) {
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
  options: WaitOptions
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
