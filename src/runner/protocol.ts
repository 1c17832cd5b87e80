// Running one step's process the way GitHub's runner does: fresh per-step command files
// (GITHUB_ENV, GITHUB_OUTPUT, GITHUB_STATE, GITHUB_PATH, GITHUB_STEP_SUMMARY), workflow commands
// read from the output line by line as it arrives, and the files read back when the process ends.
// `runNodeAction` adds the JavaScript-action part: INPUT_* and STATE_* variables and `node <main>`.
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { isAbsolute, join, resolve } from 'node:path'
import {
  type ActionMetadata,
  inputEnvName,
  loadActionMetadata,
  resolveInputs,
  unsupportedReason
} from './action-metadata.js'
import {
  FileCommandError,
  parseKeyValueFile,
  parsePathFile,
  parseWorkflowCommand,
  type WorkflowCommand
} from './commands.js'

export type StepEvent =
  | { type: 'line'; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'command'; stream: 'stdout' | 'stderr'; command: WorkflowCommand; raw: string }

export interface StepProcessOptions {
  command: string
  args: string[]
  cwd: string
  /** The complete environment of the process; the command-file variables are added to it. */
  env: Record<string, string>
  /** Where the step's command files are created (a fresh folder each call). */
  tempDir?: string
  /** Called for every output line as it arrives, in order (mask registration must not lag). */
  onEvent?: (event: StepEvent) => void
  signal?: AbortSignal
  timeoutMs?: number
}

export interface FileCommandResults {
  outputs: Record<string, string>
  env: Record<string, string>
  path: string[]
  state: Record<string, string>
  summary: string
  /** Malformed command files: the step fails with these, as on GitHub. */
  errors: string[]
}

export interface StepProcessResult extends FileCommandResults {
  exitCode: number
  /** The process id, also its process group id (undefined when it could not start). */
  pid?: number
  /** Set when the process was ended by a signal (cancellation, timeout). */
  signal?: string
  timedOut: boolean
  cancelled: boolean
  stdout: string
  stderr: string
  commands: WorkflowCommand[]
  /** Values registered with `::add-mask::`, in order. */
  masks: string[]
}

interface CommandFiles {
  GITHUB_ENV: string
  GITHUB_OUTPUT: string
  GITHUB_STATE: string
  GITHUB_PATH: string
  GITHUB_STEP_SUMMARY: string
}

export function createCommandFiles(tempDir: string): CommandFiles {
  const dir = join(tempDir, '_runner_file_commands', randomUUID())
  mkdirSync(dir, { recursive: true })
  const files: CommandFiles = {
    GITHUB_ENV: join(dir, 'set_env'),
    GITHUB_OUTPUT: join(dir, 'set_output'),
    GITHUB_STATE: join(dir, 'save_state'),
    GITHUB_PATH: join(dir, 'add_path'),
    GITHUB_STEP_SUMMARY: join(dir, 'step_summary')
  }
  for (const f of Object.values(files)) writeFileSync(f, '')
  return files
}

export function readCommandFiles(files: CommandFiles): FileCommandResults {
  const errors: string[] = []
  const kv = (name: keyof CommandFiles): Record<string, string> => {
    try {
      return Object.fromEntries(parseKeyValueFile(readFileSync(files[name], 'utf8'), name))
    } catch (e) {
      errors.push(e instanceof FileCommandError ? e.message : String(e))
      return {}
    }
  }
  return {
    env: kv('GITHUB_ENV'),
    outputs: kv('GITHUB_OUTPUT'),
    state: kv('GITHUB_STATE'),
    path: parsePathFile(readFileSync(files.GITHUB_PATH, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    errors
  }
}

/** Splits a stream into lines, handing each complete line on as it arrives. */
function lineSplitter(onLine: (line: string) => void) {
  let buffer = ''
  return {
    push(chunk: string) {
      buffer += chunk
      let nl
      while ((nl = buffer.indexOf('\n')) >= 0) {
        onLine(buffer.slice(0, nl).replace(/\r$/, ''))
        buffer = buffer.slice(nl + 1)
      }
    },
    end() {
      if (buffer !== '') onLine(buffer)
      buffer = ''
    }
  }
}

/** How long a cancelled or timed-out step has to exit after SIGTERM before SIGKILL. */
export const KILL_GRACE_MS = 5000

/** Process groups of the steps running now, so a forced stop can end them. */
const running = new Set<number>()

/** Ends every step process still running (e.g. on a second Ctrl-C). */
export function killRunningSteps(signal: NodeJS.Signals = 'SIGKILL'): void {
  for (const pid of running) {
    try {
      process.kill(-pid, signal)
    } catch {
      // Already gone.
    }
  }
}

export async function runStepProcess(opts: StepProcessOptions): Promise<StepProcessResult> {
  const files = createCommandFiles(opts.tempDir ?? tmpdir())
  const commands: WorkflowCommand[] = []
  const masks: string[] = []
  const legacyOutputs: Record<string, string> = {}
  const legacyState: Record<string, string> = {}
  let stopToken: string | undefined
  let stdout = ''
  let stderr = ''

  const handle = (stream: 'stdout' | 'stderr') => (line: string) => {
    if (stopToken !== undefined) {
      if (line.trim() === `::${stopToken}::`) {
        stopToken = undefined
        return
      }
      opts.onEvent?.({ type: 'line', stream, text: line })
      return
    }
    const command = parseWorkflowCommand(line)
    if (!command) {
      opts.onEvent?.({ type: 'line', stream, text: line })
      return
    }
    commands.push(command)
    if (command.command === 'add-mask') masks.push(command.message)
    else if (command.command === 'set-output' && command.properties.name) {
      legacyOutputs[command.properties.name] = command.message
    } else if (command.command === 'save-state' && command.properties.name) {
      legacyState[command.properties.name] = command.message
    } else if (command.command === 'stop-commands' && command.message) {
      stopToken = command.message
    }
    opts.onEvent?.({ type: 'command', stream, command, raw: line })
  }

  const child = spawn(opts.command, opts.args, {
    cwd: opts.cwd,
    env: { ...opts.env, ...files },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so cancelling ends the whole tree a script started.
    detached: true
  })
  if (child.pid !== undefined) running.add(child.pid)
  let cancelled = false
  let timedOut = false
  let escalation: ReturnType<typeof setTimeout> | undefined
  const signalGroup = (sig: NodeJS.Signals) => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
    try {
      process.kill(-child.pid, sig)
    } catch {
      child.kill(sig)
    }
  }
  // Like the runner: ask politely first, then force a process that ignores it.
  const kill = () => {
    signalGroup('SIGTERM')
    escalation ??= setTimeout(() => signalGroup('SIGKILL'), KILL_GRACE_MS)
  }
  const onAbort = () => {
    cancelled = true
    kill()
  }
  opts.signal?.addEventListener('abort', onAbort)
  if (opts.signal?.aborted) onAbort()
  const timer =
    opts.timeoutMs !== undefined
      ? setTimeout(() => {
          timedOut = true
          kill()
        }, opts.timeoutMs)
      : undefined

  const out = lineSplitter(handle('stdout'))
  const err = lineSplitter(handle('stderr'))
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    stdout += c
    out.push(c)
  })
  child.stderr.setEncoding('utf8').on('data', (c: string) => {
    stderr += c
    err.push(c)
  })
  const [exitCode, signal] = await new Promise<[number, string | undefined]>(done => {
    child.on('error', e => {
      stderr += `${e.message}\n`
      err.push(`${e.message}\n`)
      done([127, undefined])
    })
    child.on('close', (code, sig) => done([code ?? 1, sig ?? undefined]))
  })
  if (child.pid !== undefined) running.delete(child.pid)
  if (escalation) clearTimeout(escalation)
  out.end()
  err.end()
  if (timer) clearTimeout(timer)
  opts.signal?.removeEventListener('abort', onAbort)

  const fromFiles = readCommandFiles(files)
  return {
    exitCode: signal && exitCode === 0 ? 1 : exitCode,
    pid: child.pid,
    signal,
    timedOut,
    cancelled,
    stdout,
    stderr,
    commands,
    masks,
    ...fromFiles,
    outputs: { ...legacyOutputs, ...fromFiles.outputs },
    state: { ...legacyState, ...fromFiles.state }
  }
}

/** Variables of the host that must not leak into a step (they belong to the runner). */
export function hostEnvironment(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue
    if (/^(GITHUB_|RUNNER_|INPUT_|STATE_|ACTIONS_)/.test(k)) continue
    env[k] = v
  }
  return env
}

export type ActionStage = 'pre' | 'main' | 'post'

export interface RunNodeActionOptions {
  /** Folder holding action.yml. */
  actionDir: string
  /** `with:` values; declared defaults fill the rest. */
  inputs?: Record<string, string>
  /** The step's environment (job env, GITHUB_* variables...). Default: the host's, filtered. */
  env?: Record<string, string>
  workspace: string
  /** Node binary. Default: the one running this code. */
  nodePath?: string
  stage?: ActionStage
  /** Saved state (from GITHUB_STATE of earlier stages), given as STATE_<name>. */
  state?: Record<string, string>
  tempDir?: string
  onEvent?: (event: StepEvent) => void
  signal?: AbortSignal
  timeoutMs?: number
  /** Already loaded metadata (saves a read). */
  metadata?: ActionMetadata
  /** Evaluates `${{ }}` in input defaults. Default: defaults are passed as written. */
  evaluateDefault?: (text: string) => string
  /** Input warnings (also returned), reported before the process starts. */
  onWarning?: (warning: string) => void
}

export interface NodeActionResult extends StepProcessResult {
  /** The inputs the action got, after defaults. */
  inputs: Record<string, string>
  /** Input warnings (missing required, unexpected), worded as GitHub's. */
  warnings: string[]
}

/** Runs one stage of a JavaScript action as the runner does: `node <file>` in the workspace. */
export async function runNodeAction(opts: RunNodeActionOptions): Promise<NodeActionResult> {
  const actionDir = resolve(opts.actionDir)
  const meta = opts.metadata ?? loadActionMetadata(actionDir)
  const reason = unsupportedReason(meta)
  if (reason) throw new Error(reason)
  const stage = opts.stage ?? 'main'
  const entry = stage === 'main' ? meta.main : stage === 'pre' ? meta.pre : meta.post
  if (!entry) throw new Error(`${meta.file}: the action has no runs.${stage}`)
  const { values, warnings } = resolveInputs(meta, opts.inputs ?? {}, opts.evaluateDefault)
  for (const w of warnings) opts.onWarning?.(w)
  const env: Record<string, string> = { ...(opts.env ?? hostEnvironment()) }
  for (const [name, value] of Object.entries(values)) env[inputEnvName(name)] = value
  for (const [name, value] of Object.entries(opts.state ?? {})) env[`STATE_${name}`] = value
  env.GITHUB_ACTION_PATH = actionDir
  env.GITHUB_WORKSPACE ??= resolve(opts.workspace)
  const result = await runStepProcess({
    command: opts.nodePath ?? process.execPath,
    args: [isAbsolute(entry) ? entry : join(actionDir, entry)],
    cwd: opts.workspace,
    env,
    tempDir: opts.tempDir,
    onEvent: opts.onEvent,
    signal: opts.signal,
    timeoutMs: opts.timeoutMs
  })
  return { ...result, inputs: values, warnings }
}
