// The top-level wrapper: the one place that turns whatever an action throws into exactly one
// `::error` annotation and exit code 1. Actions never call core.setFailed themselves: they throw.
import { inspect } from 'node:util'
import type { ActionCore } from './core.js'
import { ActionInputError } from './inputs.js'
import { redact } from './secrets.js'

export interface FailureReport {
  /** Annotation title, e.g. `Invalid input 'priority'` or `Create task failed`. */
  title: string
  message: string
  /** Only for core.debug (stack traces, causes). */
  debug?: string
  kind: 'input' | 'maestro' | 'outcome' | 'bug'
}

/**
 * A failure the action decided on, not a bug nor a server error: e.g. the task it waited for
 * finished FAILED, or the wait timed out. Printed as is (no bug hint), under `<action> failed`.
 */
export class ActionFailure extends Error {
  override name = 'ActionFailure'
  /**
   * Maestro caused it (e.g. an upload failed after the record was created), so
   * `fail-on-error: false` may turn it into a warning like any other Maestro failure.
   */
  readonly fromMaestro: boolean

  constructor(message: string, options: { cause?: unknown; fromMaestro?: boolean } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.fromMaestro = options.fromMaestro ?? false
  }
}

const MAESTRO_ERRORS = new Set(['MaestroHttpError', 'MaestroNetworkError', 'MaestroInputError'])

const BUG_HINT =
  'This looks like a bug in maestro-actions, not in your workflow: please report it with this ' +
  "step's debug log (re-run the job with debug logging enabled)."

function prop(value: object, name: string): unknown {
  return (value as Record<string, unknown>)[name]
}

function stackAndCauses(error: Error): string {
  const parts = [error.stack ?? `${error.name}: ${error.message}`]
  let cause: unknown = error.cause
  for (let depth = 0; cause !== undefined && depth < 5; depth++) {
    parts.push(
      `Caused by: ${cause instanceof Error ? (cause.stack ?? cause.message) : inspect(cause)}`
    )
    cause = cause instanceof Error ? cause.cause : undefined
  }
  return parts.join('\n')
}

/**
 * Classifies a thrown value. Client errors are recognised by `name` (duck typing), so this module
 * does not import src/maestro and works across bundle copies.
 */
export function describeFailure(actionName: string, thrown: unknown): FailureReport {
  if (thrown instanceof ActionInputError) {
    return { kind: 'input', title: `Invalid input '${thrown.input}'`, message: thrown.message }
  }
  if (thrown instanceof Error || (typeof thrown === 'object' && thrown !== null)) {
    const name = String(prop(thrown, 'name') ?? '')
    const message = String(prop(thrown, 'message') ?? '')
    if (name === 'ActionInputError' && typeof prop(thrown, 'input') === 'string') {
      return { kind: 'input', title: `Invalid input '${String(prop(thrown, 'input'))}'`, message }
    }
    if (name === 'ActionFailure' && message !== '') {
      if (prop(thrown, 'fromMaestro') === true) {
        const debug = thrown instanceof Error ? stackAndCauses(thrown) : undefined
        return { kind: 'maestro', title: `${actionName} failed`, message, debug }
      }
      return { kind: 'outcome', title: `${actionName} failed`, message }
    }
    if (MAESTRO_ERRORS.has(name)) {
      const hint = prop(thrown, 'hint')
      const full =
        typeof hint === 'string' && hint !== '' && !message.includes(hint)
          ? `${message} ${hint}`
          : message
      return {
        kind: 'maestro',
        title: `${actionName} failed`,
        message: full || name,
        debug: thrown instanceof Error ? stackAndCauses(thrown) : undefined
      }
    }
    if (thrown instanceof Error) {
      return {
        kind: 'bug',
        title: `${actionName} failed`,
        message: `${thrown.message || thrown.name}. ${BUG_HINT}`,
        debug: stackAndCauses(thrown)
      }
    }
  }
  // Not an Error: a string, a number, a plain object, undefined...
  const text =
    typeof thrown === 'string' ? thrown : inspect(thrown, { depth: 2, breakLength: Infinity })
  return {
    kind: 'bug',
    title: `${actionName} failed`,
    message: `Unexpected value thrown: ${text}. ${BUG_HINT}`
  }
}

export interface RunActionOptions {
  core: ActionCore
  /** Default sets process.exitCode (no process.exit: stdout must flush). */
  setExitCode?: (code: number) => void
}

/**
 * Runs an action's logic. On success exit code stays 0; on any thrown value: one `::error` with a
 * title, exit code 1, details only in debug. Every printed text is redacted of masked values.
 * Returns the exit code (for tests).
 */
export async function runAction(
  name: string,
  fn: (core: ActionCore) => unknown,
  options: RunActionOptions
): Promise<number> {
  const { core } = options
  const setExitCode =
    options.setExitCode ??
    ((code: number) => {
      process.exitCode = code
    })
  try {
    await fn(core)
    return 0
  } catch (thrown) {
    let report: FailureReport
    try {
      report = describeFailure(name, thrown)
    } catch {
      // A hostile thrown value (throwing getters, a revoked proxy...): still one error line.
      report = {
        kind: 'bug',
        title: `${name} failed`,
        message: `Unexpected value thrown. ${BUG_HINT}`
      }
    }
    if (report.debug) core.debug(redact(report.debug))
    core.error(redact(report.message), { title: redact(report.title) })
    setExitCode(1)
    return 1
  }
}
