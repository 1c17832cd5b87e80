// Shared by the example tests: the examples on disk, a throwaway workspace that sees the repo's
// actions/ and dist/, the check of `uses: ./...` inputs against action.yml, and a run of an example
// through the CLI's sandbox hooks with its output captured.
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll } from '@jest/globals'
import { parse as parseYaml } from 'yaml'
import type { BotPlay } from '../../src/runner/bot-runner.js'
import type { LandedState } from '../../src/runner/report.js'
import type { RunWorkflowResult } from '../../src/runner/run.js'
import { cliMain, type SandboxHooksOptions } from '../../src/runner/start.js'

export const ROOT = resolve('.')
export const EXAMPLES_DIR = join(ROOT, 'examples/workflows')

/** The example workflows, by file name. */
export function exampleFiles(): string[] {
  return readdirSync(EXAMPLES_DIR)
    .filter(f => /\.ya?ml$/.test(f))
    .sort()
}

const created: string[] = []
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A fresh workspace whose actions/ and dist/ are the repository's (steps may write to it). */
export function exampleWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'example-ws-'))
  created.push(dir)
  symlinkSync(join(ROOT, 'actions'), join(dir, 'actions'))
  symlinkSync(join(ROOT, 'dist'), join(dir, 'dist'))
  return dir
}

export interface InputProblem {
  at: string
  message: string
}

interface ActionYml {
  inputs?: Record<string, { required?: boolean; default?: unknown } | null>
}

/**
 * Every `uses: ./...` step's `with:` against the action's action.yml: an input the action does
 * not declare, or a required input without a default that the step does not give, is a problem.
 */
export function checkLocalActionInputs(
  workflowText: string,
  file: string,
  root = ROOT
): InputProblem[] {
  const doc = parseYaml(workflowText) as { jobs?: Record<string, { steps?: unknown[] }> }
  const problems: InputProblem[] = []
  for (const [jobId, job] of Object.entries(doc.jobs ?? {})) {
    ;(job.steps ?? []).forEach((raw, i) => {
      const step = raw as { uses?: string; name?: string; with?: Record<string, unknown> }
      if (typeof step.uses !== 'string' || !step.uses.startsWith('./')) return
      const at = `${file}: jobs.${jobId}.steps[${i}] (${step.name ?? step.uses})`
      let meta: ActionYml
      try {
        meta = parseYaml(readFileSync(join(root, step.uses, 'action.yml'), 'utf8')) as ActionYml
      } catch {
        problems.push({ at, message: `${step.uses} has no action.yml` })
        return
      }
      const declared = meta.inputs ?? {}
      const given = Object.keys(step.with ?? {})
      for (const name of given) {
        if (!Object.hasOwn(declared, name))
          problems.push({ at, message: `unknown input '${name}' for ${step.uses}` })
      }
      for (const [name, spec] of Object.entries(declared)) {
        const hasDefault = spec?.default !== undefined && spec?.default !== null
        if (spec?.required && !hasDefault && !given.includes(name))
          problems.push({ at, message: `missing required input '${name}' for ${step.uses}` })
      }
    })
  }
  return problems
}

export interface ExampleRun {
  code: number
  printed: string
  result?: RunWorkflowResult
  state?: LandedState
  plays: BotPlay[]
  workspace: string
}

/** Known secrets, so the tests can look for them in the output. */
export const KNOWN = {
  key: 'key-4a1f-never-printed-9c2e',
  token: 'tok-7d3b-deploy-secret-81aa',
  signingKey: [
    '-----BEGIN DEMO SIGNING KEY-----',
    'c2lnbmluZy1rZXktbGluZS1vbmUtc2VjcmV0LWFhYWFhYWFhYWFh',
    'c2lnbmluZy1rZXktbGluZS10d28tc2VjcmV0LWJiYmJiYmJiYmJi',
    '-----END DEMO SIGNING KEY-----'
  ].join('\n')
}

/** Runs `maestro-actions <argv>` in-process with the sandbox hooks, capturing everything printed. */
export async function runCli(
  argv: string[],
  options: Partial<SandboxHooksOptions> = {}
): Promise<Omit<ExampleRun, 'workspace'>> {
  let printed = ''
  let report: { result: RunWorkflowResult; state?: LandedState; plays: BotPlay[] } | undefined
  const code = await cliMain(argv, {
    stdout: { write: (s: string) => (printed += s) },
    bot: { runningAfterMs: 100, runningForMs: 300, pollMs: 50 },
    sandbox: {
      key: KNOWN.key,
      credentials: {
        'deploy-credentials': { 'api-token': KNOWN.token, 'signing-key': KNOWN.signingKey }
      }
    },
    onReport: r => (report = r),
    ...options
  })
  return { code, printed, result: report?.result, state: report?.state, plays: report?.plays ?? [] }
}

/** Runs one example in a fresh workspace. */
export async function runExample(file: string, ...args: string[]): Promise<ExampleRun> {
  const workspace = exampleWorkspace()
  const run = await runCli(['run', join(EXAMPLES_DIR, file), '--workspace', workspace, ...args])
  return { ...run, workspace }
}

/** Every form of the known secrets that must never be printed. */
export function secretForms(): string[] {
  return [
    KNOWN.key,
    KNOWN.token,
    KNOWN.signingKey,
    ...KNOWN.signingKey.split('\n').slice(1, 3),
    Buffer.from(KNOWN.token).toString('base64')
  ]
}
