// Running one job of a workflow, step by step, as GitHub's runner does: pre stages, main steps in
// order (each `if:` evaluated against the job's status), then post stages in reverse order.
// Env precedence: runner < workflow `env` < job `env` < GITHUB_ENV exports < step `env`.
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, isAbsolute, join, resolve } from 'node:path'
import { type ActionMetadata, loadActionMetadata } from './action-metadata.js'
import { type GithubContextOptions, buildFacts } from './context.js'
import { Display, type Outcome, type TextSink } from './display.js'
import {
  type ExpressionScope,
  type JobStatus,
  type TemplateToken,
  evaluateBoolean,
  evaluateCondition,
  evaluateString,
  evaluateTemplateString,
  evaluateToken
} from './expressions.js'
import { SecretMasker } from './masker.js'
import { endOrphans } from './orphans.js'
import { shellCommand } from './shell.js'
import {
  type ActionStage,
  type StepEvent,
  type StepProcessResult,
  hostEnvironment,
  runNodeAction,
  runStepProcess
} from './protocol.js'
import { type DispatchInput, type PlannedStep, loadWorkflow } from './workflow.js'

export interface RunWorkflowOptions {
  workflowPath: string
  /** The job to run; default: the only job (an error lists the jobs when there are several). */
  jobId?: string
  /** The repository checkout the steps run in. Default: the current directory. */
  workspace?: string
  secrets?: Record<string, string>
  vars?: Record<string, string>
  /**
   * Extra environment for every step, below the workflow's own `env` (like variables set on the
   * runner machine). The extension point for callers that prepare services (e.g. a sandbox).
   */
  env?: Record<string, string>
  /** Node binary for JavaScript actions. Default: the one running this code. */
  nodePath?: string
  /** Where the log goes. Default: process.stdout. */
  stdout?: TextSink
  /** Force colour on or off. Default: on only for a TTY with NO_COLOR unset. */
  color?: boolean
  /** Show `::debug::` output and set RUNNER_DEBUG. */
  debug?: boolean
  /**
   * workflow_dispatch inputs (the `inputs` context, typed by their declaration, and
   * github.event.inputs). Declared defaults fill the rest.
   */
  inputs?: Record<string, string>
  /** github context values (event_name, event, repository, sha, ref, actor, run_id...). */
  github?: GithubContextOptions
  runnerName?: string
  /** Start steps with the host's environment (minus GITHUB_*, RUNNER_*...). Default: true. */
  inheritEnv?: boolean
  /** Cancels the job as GitHub's cancel button does: the running step is ended. */
  signal?: AbortSignal
  /** Keep the runner's temp folder (RUNNER_TEMP) after the run. */
  keepTemp?: boolean
  /**
   * Print the steps' job summaries (raw Markdown) at the end of the log. Default: true. A caller
   * that renders them itself (the demo's report) turns it off.
   */
  printSummary?: boolean
}

export interface StepResult {
  /** The step id (`id:` or GitHub's generated one, e.g. `__run`). */
  id: string
  name: string
  stage: ActionStage
  outcome: Outcome
  conclusion: Outcome
  outputs: Record<string, string>
  summary: string
  durationMs: number
}

export interface RunWorkflowResult {
  result: JobStatus
  jobId: string
  steps: StepResult[]
  /** Variables exported with GITHUB_ENV by the end of the job. */
  env: Record<string, string>
  /** Every step summary, in order. */
  summary: string
  /** The log as printed, masked and without colour. */
  log: string
  durationMs: number
  /**
   * Masks text with every value this run masked (secrets, `add-mask`, the actions' masks), for
   * callers that print more after the run. The values themselves are not exposed.
   */
  mask: (text: string) => string
}

interface MainRecord {
  step: PlannedStep
  name: string
  ran: boolean
  env: Record<string, string>
  inputs: Record<string, string>
  state: Record<string, string>
  metadata?: ActionMetadata
}

/** The text of a thrown value, whether or not it is an Error. */
function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** The first line of a script for a default step name (block scalar headers skipped). */
function firstLine(s: string): string {
  const line = s.split('\n').find(l => l.trim() !== '' && !/^[|>][-+0-9]*$/.test(l.trim()))
  return line?.trim() ?? ''
}

/** A script as written (expressions not evaluated, so secrets in them are never shown). */
function sourceText(token: TemplateToken | undefined): string {
  if (!token) return ''
  const t = token as unknown as { source?: string; value?: unknown; expression?: string }
  if (t.value !== undefined) return String(t.value)
  if (t.source !== undefined) return t.source
  return t.expression !== undefined ? `\${{ ${t.expression} }}` : ''
}

/** A note when the action asks for a newer Node than the one that will run it. */
export function runtimeNote(
  using: string | undefined,
  nodePath: string | undefined
): string | undefined {
  const wanted = Number(/^node(\d+)$/.exec(using ?? '')?.[1])
  const have = Number(process.versions.node.split('.')[0])
  if (nodePath !== undefined || !Number.isFinite(wanted) || wanted <= have) return undefined
  return `The action asks for ${using}; it runs with Node ${process.versions.node} (choose another with --node / nodePath).`
}

/** The `inputs` context of a workflow_dispatch run: given values over declared defaults. */
export function dispatchInputs(
  declared: DispatchInput[],
  given: Record<string, string>
): { values: Record<string, unknown>; eventInputs: Record<string, string>; warnings: string[] } {
  const values: Record<string, unknown> = {}
  const eventInputs: Record<string, string> = {}
  const warnings: string[] = []
  for (const input of declared) {
    const raw = input.name in given ? given[input.name] : input.default
    if (raw === undefined && input.required) {
      warnings.push(`Input required and not supplied: ${input.name}`)
    }
    const text = raw === undefined ? '' : String(raw)
    eventInputs[input.name] = text
    values[input.name] =
      input.type === 'boolean'
        ? text === 'true'
        : input.type === 'number' && text !== ''
          ? Number(text)
          : text
  }
  const unknown = Object.keys(given).filter(k => !declared.some(d => d.name === k))
  if (unknown.length > 0) {
    warnings.push(
      `Unexpected input(s) ${unknown.map(k => `'${k}'`).join(', ')}, valid inputs are [${declared
        .map(d => `'${d.name}'`)
        .join(', ')}]`
    )
  }
  return { values, eventInputs, warnings }
}

export async function runWorkflow(opts: RunWorkflowOptions): Promise<RunWorkflowResult> {
  const started = Date.now()
  const workspace = resolve(opts.workspace ?? process.cwd())
  const workflow = await loadWorkflow(opts.workflowPath, { jobId: opts.jobId, workspace })
  const job = workflow.job
  const secrets = { ...(opts.secrets ?? {}) }
  const vars = { ...(opts.vars ?? {}) }
  const masker = new SecretMasker()
  for (const v of Object.values(secrets)) masker.add(v)
  const display = new Display({
    sink: opts.stdout ?? process.stdout,
    masker,
    color: opts.color,
    debug: opts.debug
  })
  const tempDir = mkdtempSync(join(tmpdir(), 'maestro-actions-runner-'))
  // Marks every step process, so what they leave running is ended with the job (see orphans.ts).
  const trackingId = `maestro_${randomUUID()}`
  const stepGroups: number[] = []
  // Each distinct note once per run: the same runtime note before every step is noise.
  const notesShown = new Set<string>()
  try {
    return await runJob()
  } catch (e) {
    // Unexpected errors (bugs, I/O) still leave no temp folder behind.
    if (!opts.keepTemp) rmSync(tempDir, { recursive: true, force: true })
    throw e
  }

  async function runJob(): Promise<RunWorkflowResult> {
    const dispatch = dispatchInputs(workflow.dispatchInputs, opts.inputs ?? {})
    const eventName = opts.github?.event_name ?? 'workflow_dispatch'
    const github = { ...opts.github }
    if (eventName === 'workflow_dispatch' && github.event === undefined) {
      github.event = { inputs: dispatch.eventInputs }
    }
    const facts = buildFacts({
      workspace,
      tempDir,
      workflowName: workflow.name,
      jobId: job.id,
      github,
      runnerName: opts.runnerName,
      debug: opts.debug,
      secrets
    })

    let status: JobStatus = 'success'
    // The job is cancelled by the caller's signal or by its own timeout-minutes.
    const cancel = new AbortController()
    const onCallerAbort = () => cancel.abort()
    opts.signal?.addEventListener('abort', onCallerAbort)
    if (opts.signal?.aborted) cancel.abort()
    let jobTimer: ReturnType<typeof setTimeout> | undefined
    const stepsContext: Record<string, unknown> = {}
    const results: StepResult[] = []
    const exported: Record<string, string> = {}
    const prependPath: string[] = []
    const summaries: string[] = []

    const scope = (env: Record<string, string>, action = ''): ExpressionScope => ({
      contexts: {
        github: { ...facts.github, action },
        env,
        vars,
        secrets,
        job: { status },
        steps: stepsContext,
        runner: facts.runner,
        inputs: dispatch.values,
        matrix: {},
        strategy: {},
        needs: {}
      },
      jobStatus: () => status,
      workspace,
      templateText: workflow.templateText
    })
    const evalEnv = (token: TemplateToken | undefined, base: Record<string, string>) => {
      const out: Record<string, string> = {}
      const value = evaluateToken(token, scope(base))
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [k, v] of Object.entries(value)) {
          out[k] =
            v === null || v === undefined
              ? ''
              : typeof v === 'object'
                ? JSON.stringify(v)
                : String(v)
        }
      }
      return out
    }

    display.jobStart(workflow.name, job.id, workflow.file)
    for (const w of dispatch.warnings) display.annotation('warning', w)
    const baseEnv = { ...(opts.inheritEnv === false ? {} : hostEnvironment()), ...(opts.env ?? {}) }
    let jobEnv: Record<string, string>
    try {
      const wfEnv = evalEnv(workflow.env, {})
      jobEnv = { ...wfEnv, ...evalEnv(job.env, wfEnv) }
    } catch (e) {
      display.note(`Error: evaluating env: ${message(e)}`, 'red')
      return finish('failure')
    }
    const envContext = () => ({ ...jobEnv, ...exported })

    try {
      if (!evaluateCondition(job.condition, scope(envContext()))) {
        display.note(`Job ${job.id} skipped: its if condition is false`)
        return finish('success')
      }
    } catch (e) {
      display.note(`Error: the job's if condition: ${message(e)}`, 'red')
      return finish('failure')
    }

    try {
      const minutes = job.timeoutMinutes
        ? Number(evaluateToken(job.timeoutMinutes, scope(envContext())))
        : NaN
      if (Number.isFinite(minutes) && minutes > 0) {
        jobTimer = setTimeout(() => {
          display.annotation(
            'error',
            `The job has exceeded the maximum execution time of ${minutes} minutes.`
          )
          cancel.abort()
        }, minutes * 60_000)
      }
    } catch (e) {
      display.note(`Error: the job's timeout-minutes: ${message(e)}`, 'red')
    }

    const onEvent = (event: StepEvent) => {
      if (event.type === 'line') display.output(event.text)
      else {
        if (event.command.command === 'add-mask') masker.add(event.command.message)
        display.command(event.command, event.raw)
      }
    }

    const processEnv = (stepEnv: Record<string, string>, id: string): Record<string, string> => {
      const env: Record<string, string> = {
        ...baseEnv,
        ...facts.env,
        ...jobEnv,
        ...exported,
        ...stepEnv
      }
      env.GITHUB_ACTION = id
      env.RUNNER_TRACKING_ID ??= trackingId
      if (prependPath.length > 0) {
        env.PATH =
          [...prependPath].reverse().join(delimiter) + (env.PATH ? delimiter + env.PATH : '')
      }
      return env
    }

    const applyFileCommands = (r: StepProcessResult) => {
      for (const m of r.masks) masker.add(m)
      for (const [k, v] of Object.entries(r.env)) {
        // The runner refuses this one: it would reach every later JavaScript action.
        if (k.toUpperCase() === 'NODE_OPTIONS') {
          display.annotation(
            'error',
            "Can't store NODE_OPTIONS output parameter using '$GITHUB_ENV' command."
          )
        } else exported[k] = v
      }
      for (const p of r.path) {
        const at = prependPath.indexOf(p)
        if (at >= 0) prependPath.splice(at, 1)
        prependPath.push(p)
      }
      if (r.summary) summaries.push(r.summary)
      for (const e of r.errors) display.annotation('error', e)
    }

    const record = (
      step: PlannedStep,
      name: string,
      stage: ActionStage,
      outcome: Outcome,
      continueOnError: boolean,
      outputs: Record<string, string>,
      summary: string,
      t0: number
    ) => {
      const conclusion: Outcome = outcome === 'failure' && continueOnError ? 'success' : outcome
      if (stage === 'main' && step.hasId) stepsContext[step.id] = { outputs, outcome, conclusion }
      if (conclusion === 'failure' && status === 'success') status = 'failure'
      const durationMs = Date.now() - t0
      display.stepEnd(name, outcome, conclusion, durationMs)
      results.push({ id: step.id, name, stage, outcome, conclusion, outputs, summary, durationMs })
    }

    const timeoutMs = (step: PlannedStep, s: ExpressionScope): number | undefined => {
      if (!step.timeoutMinutes) return undefined
      const m = Number(evaluateToken(step.timeoutMinutes, s))
      return Number.isFinite(m) && m > 0 ? m * 60_000 : undefined
    }

    const defaultName = (step: PlannedStep) =>
      step.kind.type === 'run'
        ? `Run ${firstLine(sourceText(step.kind.script))}`
        : `Run ${step.kind.uses}`

    const mains: MainRecord[] = []
    // Once the job is cancelled, the steps that still run (always(), cancelled()) run to the end.
    const live = () => (cancel.signal.aborted ? undefined : cancel.signal)

    // Pre stages of JavaScript actions run first, at job start, in step order.
    for (const step of job.steps) {
      if (step.kind.type !== 'node') continue
      const meta = loadActionMetadata(step.kind.actionDir)
      const rec: MainRecord = {
        step,
        name: '',
        ran: false,
        env: {},
        inputs: {},
        state: {},
        metadata: meta
      }
      mains[step.index] = rec
      if (!meta.pre) continue
      const t0 = Date.now()
      let name = defaultName(step)
      try {
        name = step.name ? evaluateString(step.name, scope(envContext()), 'name') : name
      } catch {
        // Keep the default name; the main stage reports the error.
      }
      const s = scope(envContext(), step.id)
      let run: boolean
      try {
        run = evaluateCondition(meta.preIf ?? 'always()', s)
      } catch (e) {
        display.stepStart(`Pre ${name}`)
        display.annotation('error', `pre-if: ${message(e)}`)
        record(step, `Pre ${name}`, 'pre', 'failure', false, {}, '', t0)
        continue
      }
      if (!run) {
        record(step, `Pre ${name}`, 'pre', 'skipped', false, {}, '', t0)
        continue
      }
      display.stepStart(`Pre ${name}`)
      const r = await runActionStage(step, rec, 'pre', s)
      if (r) rec.state = { ...rec.state, ...r.state }
      record(
        step,
        `Pre ${name}`,
        'pre',
        r && !r.failed ? 'success' : r?.cancelled ? 'cancelled' : 'failure',
        false,
        {},
        r?.summary ?? '',
        t0
      )
    }

    async function runActionStage(
      step: PlannedStep,
      rec: MainRecord,
      stage: ActionStage,
      s: ExpressionScope
    ): Promise<(StepProcessResult & { failed: boolean }) | undefined> {
      try {
        if (stage === 'pre' || stage === 'main') {
          const stepEnv = evalEnv(step.env, envContext())
          const withScope = scope({ ...envContext(), ...stepEnv }, step.id)
          const withValues = evaluateToken(step.with, withScope) as
            Record<string, unknown> | undefined
          const given: Record<string, string> = {}
          for (const [k, v] of Object.entries(withValues ?? {})) {
            given[k] =
              v === null || v === undefined
                ? ''
                : typeof v === 'object'
                  ? JSON.stringify(v)
                  : String(v)
          }
          rec.env = stepEnv
          rec.inputs = given
        }
        const r = await runNodeAction({
          actionDir: step.kind.type === 'node' ? step.kind.actionDir : workspace,
          metadata: rec.metadata,
          inputs: rec.inputs,
          env: processEnv(rec.env, step.id),
          workspace,
          nodePath: opts.nodePath,
          stage,
          state: rec.state,
          tempDir,
          onEvent,
          signal: live(),
          timeoutMs: timeoutMs(step, s),
          // GitHub checks inputs when the main stage starts.
          onWarning: stage === 'main' ? w => display.annotation('warning', w) : undefined,
          evaluateDefault: text =>
            evaluateTemplateString(text, scope({ ...envContext(), ...rec.env }, step.id))
        })
        if (r.pid !== undefined) stepGroups.push(r.pid)
        applyFileCommands(r)
        if (r.timedOut) display.annotation('error', 'The step has timed out.')
        return { ...r, failed: r.exitCode !== 0 || r.errors.length > 0 || r.cancelled }
      } catch (e) {
        display.annotation('error', message(e))
        return undefined
      }
    }

    for (const step of job.steps) {
      if (cancel.signal.aborted) status = 'cancelled'
      const t0 = Date.now()
      let name = defaultName(step)
      let run: boolean
      let continueOnError = false
      try {
        if (step.name)
          name = evaluateString(step.name, scope(envContext(), step.id), 'name') || name
      } catch {
        // A name that cannot be evaluated falls back to the default one.
      }
      try {
        run = evaluateCondition(step.condition, scope(envContext(), step.id))
      } catch (e) {
        display.stepStart(name)
        display.annotation('error', `The step's if condition could not be evaluated: ${message(e)}`)
        record(step, name, 'main', 'failure', false, {}, '', t0)
        continue
      }
      if (!run) {
        record(step, name, 'main', 'skipped', false, {}, '', t0)
        continue
      }
      display.stepStart(name)
      let outcome: Outcome = 'failure'
      let outputs: Record<string, string> = {}
      let summary = ''
      try {
        const s = scope(envContext(), step.id)
        if (step.continueOnError !== undefined) {
          continueOnError =
            typeof step.continueOnError === 'boolean'
              ? step.continueOnError
              : evaluateBoolean(step.continueOnError, s)
        }
        if (step.kind.type === 'checkout') {
          display.info(
            `${step.kind.uses} is a no-op here: the workspace is used as it is (${workspace})`
          )
          outcome = 'success'
        } else if (step.kind.type === 'node') {
          const rec = mains[step.index]
          rec.name = name
          rec.ran = true
          const note = runtimeNote(rec.metadata?.using, opts.nodePath)
          if (note && !notesShown.has(note)) {
            notesShown.add(note)
            display.info(note)
          }
          const r = await runActionStage(step, rec, 'main', s)
          if (r) {
            rec.state = { ...rec.state, ...r.state }
            outputs = r.outputs
            summary = r.summary
            outcome = r.cancelled ? 'cancelled' : r.failed ? 'failure' : 'success'
          }
        } else {
          const stepEnv = evalEnv(step.env, envContext())
          const full = scope({ ...envContext(), ...stepEnv }, step.id)
          const script = evaluateString(step.kind.script, full, 'run')
          const shellName = step.kind.shell
            ? evaluateString(step.kind.shell, full, 'shell').trim()
            : (job.defaultShell ?? '')
          const wdText = step.workingDirectory
            ? evaluateString(step.workingDirectory, full, 'working-directory')
            : job.defaultWorkingDirectory
          const cwd = wdText ? (isAbsolute(wdText) ? wdText : join(workspace, wdText)) : workspace
          if (!existsSync(cwd) || !statSync(cwd).isDirectory()) {
            throw new Error(`working-directory ${wdText} does not exist (${cwd})`)
          }
          const file = join(tempDir, `${randomUUID()}.sh`)
          writeFileSync(file, script)
          const shell = shellCommand(shellName, file)
          if (opts.debug) {
            display.info(`shell: ${shell.command} ${shell.args.join(' ')}`)
            for (const l of script.replace(/\n$/, '').split('\n')) display.info(l)
          }
          const r = await runStepProcess({
            command: shell.command,
            args: shell.args,
            cwd,
            env: processEnv(stepEnv, step.id),
            tempDir,
            onEvent,
            signal: live(),
            timeoutMs: timeoutMs(step, full)
          })
          if (r.pid !== undefined) stepGroups.push(r.pid)
          applyFileCommands(r)
          outputs = r.outputs
          summary = r.summary
          if (r.cancelled) outcome = 'cancelled'
          else if (r.timedOut) {
            display.annotation('error', 'The step has timed out.')
            outcome = 'failure'
          } else if (r.exitCode !== 0) {
            display.annotation('error', `Process completed with exit code ${r.exitCode}.`)
            outcome = 'failure'
          } else outcome = r.errors.length > 0 ? 'failure' : 'success'
        }
      } catch (e) {
        display.annotation('error', message(e))
        outcome = 'failure'
      }
      if (outcome === 'cancelled' || cancel.signal.aborted) status = 'cancelled'
      record(step, name, 'main', outcome, continueOnError, outputs, summary, t0)
    }

    // Post stages: reverse order, only for actions whose main stage ran.
    for (const rec of [...mains].reverse()) {
      if (!rec || !rec.ran || !rec.metadata?.post) continue
      const t0 = Date.now()
      const name = `Post ${rec.name}`
      const s = scope(envContext(), rec.step.id)
      let run: boolean
      try {
        run = evaluateCondition(rec.metadata.postIf ?? 'always()', s)
      } catch (e) {
        display.stepStart(name)
        display.annotation('error', `post-if: ${message(e)}`)
        record(rec.step, name, 'post', 'failure', false, {}, '', t0)
        continue
      }
      if (!run) {
        record(rec.step, name, 'post', 'skipped', false, {}, '', t0)
        continue
      }
      display.stepStart(name)
      const r = await runActionStage(rec.step, rec, 'post', s)
      const outcome: Outcome = r && !r.failed ? 'success' : r?.cancelled ? 'cancelled' : 'failure'
      record(rec.step, name, 'post', outcome, false, {}, r?.summary ?? '', t0)
    }

    if (cancel.signal.aborted) status = 'cancelled'
    return finish(status)

    async function finish(result: JobStatus): Promise<RunWorkflowResult> {
      if (jobTimer) clearTimeout(jobTimer)
      opts.signal?.removeEventListener('abort', onCallerAbort)
      const orphans = await endOrphans(trackingId, stepGroups)
      if (orphans.length > 0) display.info('Cleaning up orphan processes')
      for (const o of orphans) display.info(`Terminate orphan process: pid (${o.pid}) (${o.name})`)
      const summary = summaries.join('\n')
      if (summary.trim() && opts.printSummary !== false) display.summary(summary)
      const durationMs = Date.now() - started
      display.jobEnd(job.id, result, durationMs)
      if (!opts.keepTemp) rmSync(tempDir, { recursive: true, force: true })
      return {
        result,
        jobId: job.id,
        steps: results,
        env: { ...exported },
        summary,
        log: display.text,
        durationMs,
        mask: text => masker.mask(text)
      }
    }
  }
}
