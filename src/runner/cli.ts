// `maestro-actions run <workflow.yml> [--job ID] [--secrets FILE] [--var K=V]... [--env K=V]...
// [--workspace DIR] [--server URL] [--bot LABEL=STATUS]...`. Exit code: 0 when the job succeeds, 1
// when it fails or is cancelled, 2 when the workflow cannot run (invalid, unsupported features, bad
// arguments). `--server` and `--bot` are read here and acted on by a `prepare` hook (src/runner/
// start.ts starts the Maestro sandbox and the simulated bot runner).
import { readFileSync } from 'node:fs'
import { killRunningSteps } from './protocol.js'
import { type RunWorkflowOptions, type RunWorkflowResult, runWorkflow } from './run.js'
import { WorkflowError } from './workflow.js'

export const USAGE = `Usage: maestro-actions run <workflow.yml> [options]

Runs one job of a GitHub Actions workflow locally, step by step, as the GitHub runner would.

Options:
  --job ID            the job to run (default: the only job)
  --secrets FILE      secrets, as a dotenv file (NAME=value) or a JSON object
  --var K=V           a \`vars\` context value (repeatable)
  --env K=V           an environment variable for every step (repeatable)
  --input K=V         a workflow_dispatch input (repeatable)
  --workspace DIR     the repository the steps run in (default: the current directory)
  --event NAME        github.event_name (default: workflow_dispatch)
  --node PATH         node binary for JavaScript actions (default: this node)
  --debug             show ::debug:: lines
  -h, --help          this help

Maestro:
  --server URL        a real Maestro (BOTCITY_LOGIN and BOTCITY_KEY come from --secrets);
                      without it the job runs against a fresh local sandbox
  --bot LABEL=STATUS  how the sandbox's simulated bot runner finishes tasks of LABEL:
                      SUCCESS, FAILED, PARTIALLY_COMPLETED, or manual (left alone) (repeatable)`

export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** dotenv (`NAME=value`, `export NAME=value`, quotes, `#` comments) or a JSON object. */
export function parseSecretsFile(content: string, file: string): Record<string, string> {
  const trimmed = content.trim()
  if (trimmed.startsWith('{')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(trimmed)
    } catch (e) {
      throw new UsageError(`${file}: invalid JSON: ${e instanceof Error ? e.message : String(e)}`)
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new UsageError(`${file}: expected a JSON object of name to value`)
    }
    return Object.fromEntries(
      Object.entries(parsed).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])
    )
  }
  const out: Record<string, string> = {}
  const lines = content.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim()
    if (!line || line.startsWith('#')) continue
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line)
    if (!m) throw new UsageError(`${file}:${i + 1}: expected NAME=value`)
    let value = m[2]
    const q = value[0]
    if ((q === '"' || q === "'") && value.length >= 2) {
      // A quoted value may span lines (multi-line secrets such as PEM keys).
      let rest = value.slice(1)
      while (!rest.endsWith(q) && i + 1 < lines.length) rest += `\n${lines[++i]}`
      if (!rest.endsWith(q)) throw new UsageError(`${file}:${i + 1}: unterminated quote`)
      value = rest.slice(0, -1)
      if (q === '"') value = value.replace(/\\n/g, '\n').replace(/\\"/g, '"')
    } else {
      value = value.replace(/\s+#.*$/, '')
    }
    out[m[1]] = value
  }
  return out
}

function keyValue(arg: string | undefined, flag: string): [string, string] {
  const eq = arg?.indexOf('=') ?? -1
  if (!arg || eq <= 0) throw new UsageError(`${flag} expects NAME=value, got '${arg ?? ''}'`)
  return [arg.slice(0, eq), arg.slice(eq + 1)]
}

/** runWorkflow options plus the Maestro options a `prepare` hook acts on. */
export interface CliOptions extends RunWorkflowOptions {
  /** `--server URL`: a real Maestro instead of the sandbox. */
  server?: string
  /** `--bot LABEL=STATUS`: the simulated bot runner's result per automation label. */
  bots?: Record<string, string>
}

/** Turns the command line into runWorkflow options (plus the Maestro options). */
export function parseArgs(argv: string[]): CliOptions | 'help' {
  const args = [...argv]
  if (args.length === 0 || args[0] === '-h' || args[0] === '--help') return 'help'
  const command = args.shift()
  if (command !== 'run') throw new UsageError(`unknown command '${command}'`)
  const opts: CliOptions = { workflowPath: '', secrets: {}, vars: {}, env: {} }
  while (args.length > 0) {
    const a = args.shift() as string
    const value = () => {
      const v = args.shift()
      if (v === undefined) throw new UsageError(`${a} expects a value`)
      return v
    }
    switch (a) {
      case '--job':
        opts.jobId = value()
        break
      case '--secrets': {
        const f = value()
        let content: string
        try {
          content = readFileSync(f, 'utf8')
        } catch (e) {
          throw new UsageError(`cannot read ${f}: ${e instanceof Error ? e.message : String(e)}`)
        }
        Object.assign(opts.secrets ?? {}, parseSecretsFile(content, f))
        break
      }
      case '--var': {
        const [k, v] = keyValue(args.shift(), a)
        ;(opts.vars ?? {})[k] = v
        break
      }
      case '--env': {
        const [k, v] = keyValue(args.shift(), a)
        ;(opts.env ?? {})[k] = v
        break
      }
      case '--input': {
        const [k, v] = keyValue(args.shift(), a)
        opts.inputs = { ...opts.inputs, [k]: v }
        break
      }
      case '--workspace':
        opts.workspace = value()
        break
      case '--event':
        opts.github = { ...opts.github, event_name: value() }
        break
      case '--node':
        opts.nodePath = value()
        break
      case '--debug':
        opts.debug = true
        break
      case '--server': {
        const url = value()
        if (!/^https?:\/\/[^/]/i.test(url))
          throw new UsageError(`--server expects an http(s) URL, got '${url}'`)
        opts.server = url
        break
      }
      case '--bot': {
        const [k, v] = keyValue(args.shift(), a)
        opts.bots = { ...opts.bots, [k]: v }
        break
      }
      case '-h':
      case '--help':
        return 'help'
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`)
        if (opts.workflowPath)
          throw new UsageError(`one workflow at a time (got ${opts.workflowPath} and ${a})`)
        opts.workflowPath = a
    }
  }
  if (!opts.workflowPath)
    throw new UsageError('which workflow? e.g. maestro-actions run .github/workflows/ci.yml')
  return opts
}

export interface CliHooks {
  /**
   * Called with the parsed options before the run; returns options to merge (e.g. extra `env` and
   * `secrets` for a local service started here) and an optional cleanup run afterwards.
   */
  prepare?: (opts: CliOptions) => Promise<{
    options?: Partial<RunWorkflowOptions>
    /** Called with the job's result after the run (e.g. to report what landed in a service). */
    finish?: (result: RunWorkflowResult) => Promise<void>
    cleanup?: () => Promise<void>
  }>
}

/** Runs the CLI; resolves to the exit code. */
export async function main(argv: string[], hooks: CliHooks = {}): Promise<number> {
  let opts: CliOptions | 'help'
  try {
    opts = parseArgs(argv)
  } catch (e) {
    process.stderr.write(
      `maestro-actions: ${e instanceof Error ? e.message : String(e)}\n\n${USAGE}\n`
    )
    return 2
  }
  if (opts === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const controller = new AbortController()
  // First signal: cancel like GitHub (always()/cancelled() steps still run). Second: stop now.
  const onSignal = () => {
    if (controller.signal.aborted) {
      process.stderr.write('\nStopping now.\n')
      killRunningSteps()
      process.exit(130)
    }
    process.stderr.write('\nCancelling the job (again to stop at once)...\n')
    controller.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  let cleanup: (() => Promise<void>) | undefined
  try {
    const { server, bots: _bots, ...runOptions } = opts
    // Without a hook, --server is simply the BOTCITY_SERVER secret the workflows read.
    if (server) runOptions.secrets = { ...runOptions.secrets, BOTCITY_SERVER: server }
    const prepared = hooks.prepare ? await hooks.prepare(opts) : {}
    cleanup = prepared.cleanup
    const extra = prepared.options ?? {}
    const result = await runWorkflow({
      ...runOptions,
      ...extra,
      env: { ...runOptions.env, ...extra.env },
      secrets: { ...runOptions.secrets, ...extra.secrets },
      vars: { ...runOptions.vars, ...extra.vars },
      signal: controller.signal
    })
    await prepared.finish?.(result)
    return result.result === 'success' ? 0 : 1
  } catch (e) {
    if (e instanceof WorkflowError) process.stderr.write(`${e.message}\n`)
    else if (e instanceof UsageError)
      process.stderr.write(`maestro-actions: ${e.message}\n\n${USAGE}\n`)
    else
      process.stderr.write(
        `maestro-actions: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`
      )
    return 2
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await cleanup?.()
  }
}
