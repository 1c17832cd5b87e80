// The `maestro-actions` command as `npm start` and `npx maestro-actions run` use it: the runner's
// CLI with a `prepare` hook that, unless `--server` names a real Maestro, starts a fresh Maestro
// sandbox on loopback (automations and a demo credential set seeded), passes its address, login
// and key to the workflow as the secrets BOTCITY_SERVER, BOTCITY_LOGIN and BOTCITY_KEY, plays the
// bot Runner for tasks a step waits for, and prints a report of what landed once the job is done.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox/index.js'
import {
  type BotBehaviour,
  type BotPlay,
  type BotRunner,
  parseBehaviour,
  startBotRunner
} from './bot-runner.js'
import { type CliHooks, type CliOptions, UsageError, main } from './cli.js'
import type { TextSink } from './display.js'
import type { RunWorkflowResult } from './run.js'
import { SecretMasker } from './masker.js'
import { type LandedState, renderReport } from './report.js'

/** The workflow `npm start` runs. */
export const DEFAULT_EXAMPLE = 'examples/workflows/release-with-maestro.yml'

/** Automations the sandbox always has, and what the simulated bot runner does with their tasks. */
export const DEMO_AUTOMATIONS: Record<string, BotBehaviour> = {
  // The release pipeline's own task: the workflow finishes it with finish-task.
  'release-pipeline': 'manual',
  // Bots that run when a workflow creates a task for them (and usually waits for it).
  'regression-bot': 'SUCCESS',
  'invoice-bot': 'SUCCESS'
}

export const DEMO_CREDENTIAL_LABEL = 'deploy-credentials'

/** A demo credential set with fresh random values: a token and a multi-line signing key. */
export function demoCredentials(): Record<string, Record<string, string>> {
  const line = () => randomBytes(48).toString('base64')
  return {
    [DEMO_CREDENTIAL_LABEL]: {
      'api-token': `demo-token-${randomBytes(12).toString('hex')}`,
      'signing-key': [
        '-----BEGIN DEMO SIGNING KEY-----',
        line(),
        line(),
        '-----END DEMO SIGNING KEY-----'
      ].join('\n')
    }
  }
}

export interface WorkflowAutomation {
  label: string
  /**
   * Whether a step waits for its tasks: the create-task step itself (`wait:` anything but false),
   * or a wait-task step whose `task-id` is that step's `task-id` output.
   */
  waited: boolean
}

/**
 * The automation labels a workflow's create-task steps name literally, so the sandbox can have
 * them (a real Maestro answers 404 for an unknown label) and the bot runner knows which tasks a
 * step waits for. Labels computed by expressions are not known here.
 */
export function workflowAutomations(workflowText: string): WorkflowAutomation[] {
  let doc: unknown
  try {
    doc = parseYaml(workflowText)
  } catch {
    return [] // the runner reports the parse error with its file and line
  }
  const out = new Map<string, WorkflowAutomation>()
  const wait = (label: string, waited: boolean) =>
    out.set(label, { label, waited: waited || (out.get(label)?.waited ?? false) })
  const jobs = (doc as { jobs?: Record<string, { steps?: unknown[] }> } | null)?.jobs ?? {}
  for (const job of Object.values(jobs)) {
    const steps = (Array.isArray(job?.steps) ? job.steps : []) as {
      id?: unknown
      uses?: unknown
      with?: Record<string, unknown>
    }[]
    // Step ids are per job: a wait-task step can only name a create-task step of its own job.
    const labelOfStep = new Map<string, string>()
    for (const s of steps) {
      if (typeof s?.uses !== 'string' || !/(^|\/)create-task(@|$)/.test(s.uses)) continue
      const label = s.with?.['activity-label']
      if (typeof label !== 'string' || label.includes('${{')) continue
      if (typeof s.id === 'string') labelOfStep.set(s.id, label)
      const w = s.with?.wait
      wait(label, !(w === undefined || w === false || String(w).trim() === 'false'))
    }
    for (const s of steps) {
      if (typeof s?.uses !== 'string' || !/(^|\/)wait-task(@|$)/.test(s.uses)) continue
      const taskId = String(s.with?.['task-id'] ?? '')
      for (const m of taskId.matchAll(/\bsteps\.([A-Za-z_][\w-]*)\.outputs\.task-id(?![\w-])/g)) {
        const label = labelOfStep.get(m[1])
        if (label !== undefined) wait(label, true)
      }
    }
  }
  return [...out.values()]
}

export interface SandboxHooksOptions {
  /** Where the intro and the report go. Default: the run's stdout, else process.stdout. */
  stdout?: TextSink
  /** The bot runner's timing (ms); the tests shorten it. */
  bot?: { runningAfterMs?: number; runningForMs?: number; pollMs?: number }
  /** Sandbox options over the demo's (e.g. a known key or credential set, for the tests). */
  sandbox?: Pick<SandboxOptions, 'login' | 'key' | 'credentials'>
  /** Told what landed once the job is done (the tests assert on it). */
  onReport?: (report: { result: RunWorkflowResult; state?: LandedState; plays: BotPlay[] }) => void
}

function where(url: string): string {
  const u = new URL(url)
  return `${u.hostname} port ${u.port}`
}

/** The CLI hooks: a fresh sandbox per run unless `--server` is given, and the report. */
export function sandboxHooks(hookOptions: SandboxHooksOptions = {}): CliHooks {
  return {
    async prepare(opts: CliOptions) {
      const sink = hookOptions.stdout ?? opts.stdout ?? process.stdout
      const secrets = opts.secrets ?? {}
      if (opts.server) {
        if (opts.bots && Object.keys(opts.bots).length > 0)
          throw new UsageError(
            '--bot plays the sandbox Runner; against a real Maestro (--server), real Runners do'
          )
        const missing = ['BOTCITY_LOGIN', 'BOTCITY_KEY'].filter(k => !secrets[k])
        if (missing.length > 0)
          throw new UsageError(
            `--server needs the secrets ${missing.join(' and ')} (e.g. --secrets .secrets.env with BOTCITY_LOGIN=... and BOTCITY_KEY=...)`
          )
        return {
          options: { printSummary: false, ...(hookOptions.stdout ? { stdout: sink } : {}) },
          finish: async result => {
            sink.write(renderReport({ result, where: 'the server given with --server' }))
            hookOptions.onReport?.({ result, plays: [] })
          }
        }
      }

      const labels: Record<string, BotBehaviour> = { ...DEMO_AUTOMATIONS }
      let workflowText = ''
      try {
        workflowText = readFileSync(opts.workflowPath, 'utf8')
      } catch {
        // The runner reports an unreadable workflow.
      }
      for (const a of workflowAutomations(workflowText)) {
        if (!Object.hasOwn(labels, a.label)) labels[a.label] = a.waited ? 'SUCCESS' : 'manual'
      }
      for (const [label, word] of Object.entries(opts.bots ?? {})) {
        try {
          labels[label] = parseBehaviour(word)
        } catch (e) {
          throw new UsageError(`--bot ${label}: ${(e as Error).message}`)
        }
      }

      const credentials = hookOptions.sandbox?.credentials ?? demoCredentials()
      const sandbox: Sandbox = await startSandbox({
        port: 0,
        control: true,
        // A login that is no ordinary word: as a secret it is masked wherever it appears.
        login: `demo-${randomBytes(3).toString('hex')}`,
        ...hookOptions.sandbox,
        automations: Object.keys(labels),
        credentials
      })
      const masker = new SecretMasker()
      const sandboxSecrets = {
        BOTCITY_SERVER: sandbox.url,
        BOTCITY_LOGIN: sandbox.login,
        BOTCITY_KEY: sandbox.key
      }
      for (const v of Object.values(secrets)) masker.add(v)
      for (const v of Object.values(sandboxSecrets)) masker.add(v)
      for (const set of Object.values(credentials))
        for (const v of Object.values(set)) masker.add(v)
      const print = (lines: string[]) => sink.write(masker.mask(`${lines.join('\n')}\n`))

      let bots: BotRunner | undefined
      try {
        bots = startBotRunner({ url: sandbox.url, labels, fallback: 'manual', ...hookOptions.bot })
      } catch (e) {
        await sandbox.close()
        throw e
      }
      const played = Object.entries(labels).filter(([, b]) => b !== 'manual')
      const overridden = Object.keys(sandboxSecrets).filter(k => k in secrets)
      print([
        `Maestro sandbox: a fresh local Maestro on ${where(sandbox.url)}, stopped when the job ends.`,
        `  Its address, login and key reach the workflow as the secrets BOTCITY_SERVER, BOTCITY_LOGIN, BOTCITY_KEY (masked as ***).`,
        ...(overridden.length > 0
          ? [
              `  ${overridden.join(', ')} from --secrets are replaced by the sandbox's; use --server for a real Maestro.`
            ]
          : []),
        `  Automations: ${Object.keys(labels).join(', ')}`,
        ...Object.entries(credentials).map(
          ([label, set]) =>
            `  Credential set ${label}: ${Object.keys(set).join(', ')} (random values, masked)`
        ),
        played.length > 0
          ? `  Bot runner (simulated): finishes new tasks of ${played.map(([l, b]) => `${l} (${b})`).join(', ')} about a second after they are created.`
          : '  Bot runner (simulated): no automation is played.',
        ''
      ])

      return {
        options: {
          secrets: sandboxSecrets,
          printSummary: false,
          ...(hookOptions.stdout ? { stdout: sink } : {})
        },
        finish: async result => {
          await bots?.stop()
          let state: LandedState | undefined
          try {
            const response = await fetch(`${sandbox.url}/_sandbox/state`)
            state = (await response.json()) as LandedState
          } catch (e) {
            print([`Could not read the sandbox state: ${(e as Error).message}`])
          }
          const report = renderReport({
            result,
            state,
            plays: bots?.plays,
            where: 'the local sandbox'
          })
          sink.write(masker.mask(report))
          hookOptions.onReport?.({ result, state, plays: [...(bots?.plays ?? [])] })
          for (const e of bots?.errors ?? []) print([`Bot runner (simulated): ${e}`])
        },
        cleanup: async () => {
          await bots?.stop()
          await sandbox.close()
        }
      }
    }
  }
}

/** `maestro-actions ...` with the sandbox hooks. Resolves to the exit code. */
export function cliMain(argv: string[], options: SandboxHooksOptions = {}): Promise<number> {
  return main(argv, sandboxHooks(options))
}
