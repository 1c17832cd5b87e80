// A simulated bot runner for the demo and the example tests. In a real Maestro, a Runner on a
// machine picks up a new task, runs the bot and reports how it finished; in the sandbox nothing
// moves a task until someone plays that part. This plays it through the sandbox's control API:
// it watches `GET /_sandbox/state` for new tasks and finishes each one with
// `POST /_sandbox/tasks/{id}/run`, with the status chosen for its automation label.
//
// Only the sandbox has those endpoints: against a real Maestro, real Runners do this.

export const FINISH_STATUSES = ['SUCCESS', 'FAILED', 'PARTIALLY_COMPLETED'] as const
export type FinishStatus = (typeof FINISH_STATUSES)[number]
/** What the bot runner does with a label's tasks: finish them so, or leave them alone. */
export type BotBehaviour = FinishStatus | 'manual'

export interface BotRunnerOptions {
  /** The sandbox's URL (it must have been started with `control: true`). */
  url: string
  /** Behaviour per automation label. */
  labels?: Record<string, BotBehaviour>
  /** Behaviour for labels not in `labels`. Default: SUCCESS. */
  fallback?: BotBehaviour
  /** How long a task waits before it starts running, and then runs, in ms. Default 300 / 700. */
  runningAfterMs?: number
  runningForMs?: number
  /** How often the state is read, in ms. Default 100. */
  pollMs?: number
  /** Told about each task the runner plays (for the report). */
  onPlay?: (play: BotPlay) => void
}

export interface BotPlay {
  taskId: number
  label: string
  finishStatus: FinishStatus
  /** When the task is due to be finished (ms since the epoch). */
  dueAt: number
}

export interface BotRunner {
  /** The tasks played so far, in order. */
  readonly plays: BotPlay[]
  /** Errors met while watching (the sandbox gone, a refused call), for the report. */
  readonly errors: string[]
  stop(): Promise<void>
}

/** Parses `SUCCESS`, `failed`, `manual`...; throws with the accepted words otherwise. */
export function parseBehaviour(text: string): BotBehaviour {
  const word = text.trim().toUpperCase()
  if (word === 'MANUAL') return 'manual'
  if ((FINISH_STATUSES as readonly string[]).includes(word)) return word as FinishStatus
  throw new Error(
    `a bot behaviour is one of ${FINISH_STATUSES.join(', ')} or manual, got '${text.trim()}'`
  )
}

export function behaviourFor(
  label: string,
  labels: Record<string, BotBehaviour> = {},
  fallback: BotBehaviour = 'SUCCESS'
): BotBehaviour {
  return Object.hasOwn(labels, label) ? labels[label] : fallback
}

interface SandboxTask {
  id: number
  state: string
  activityLabel: string
}

export function startBotRunner(options: BotRunnerOptions): BotRunner {
  const pollMs = options.pollMs ?? 100
  const runningAfterMs = options.runningAfterMs ?? 300
  const runningForMs = options.runningForMs ?? 700
  const seen = new Set<number>()
  const plays: BotPlay[] = []
  const errors: string[] = []
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let current: Promise<void> = Promise.resolve()

  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${options.url}/_sandbox/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`${method} /_sandbox/${path}: ${response.status} ${text}`)
    return text ? (JSON.parse(text) as unknown) : undefined
  }

  const tick = async () => {
    const state = (await control('GET', 'state')) as { tasks: SandboxTask[] }
    for (const task of state.tasks) {
      if (seen.has(task.id)) continue
      seen.add(task.id)
      if (task.state !== 'START') continue
      const behaviour = behaviourFor(task.activityLabel, options.labels, options.fallback)
      if (behaviour === 'manual') continue
      await control('POST', `tasks/${task.id}/run`, {
        finishStatus: behaviour,
        finishMessage: `Simulated bot run: ${behaviour}`,
        runningAfterMs,
        finishAfterMs: runningForMs
      })
      const play: BotPlay = {
        taskId: task.id,
        label: task.activityLabel,
        finishStatus: behaviour,
        dueAt: Date.now() + runningAfterMs + runningForMs
      }
      plays.push(play)
      options.onPlay?.(play)
    }
  }

  const loop = () => {
    if (stopped) return
    current = tick()
      .catch(e => {
        const text = e instanceof Error ? e.message : String(e)
        if (errors.at(-1) !== text) errors.push(text)
      })
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, pollMs)
      })
  }
  loop()

  return {
    plays,
    errors,
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await current
    }
  }
}
