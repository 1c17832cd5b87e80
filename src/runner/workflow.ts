// Loading a workflow: GitHub's parser validates it (errors come back as file:line), then the
// chosen job is checked against what this runner supports. Anything outside the subset is refused
// here, before a single step runs, with the file and line of the offending key.
import { existsSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import {
  NoOperationTraceWriter,
  convertWorkflowTemplate,
  isBasicExpression,
  isMapping,
  isSequence,
  isString,
  parseWorkflow
} from '@actions/workflow-parser'
import { LineCounter, parseDocument, visit } from 'yaml'
import { actionFile, loadActionMetadata, unsupportedReason } from './action-metadata.js'
import type { TemplateToken } from './expressions.js'
import { shellProblem } from './shell.js'

export interface Problem {
  /** `file:line` (or `file:line:column`). */
  at: string
  message: string
}

/** The workflow cannot run here: parse errors, or features outside the supported subset. */
export class WorkflowError extends Error {
  constructor(
    readonly kind: 'parse' | 'unsupported' | 'job',
    readonly problems: Problem[]
  ) {
    const head =
      kind === 'parse'
        ? 'The workflow is not valid'
        : kind === 'unsupported'
          ? 'The workflow uses features this local runner does not support (nothing was run)'
          : 'Cannot choose a job'
    super(`${head}:\n${problems.map(p => `  ${p.at}: ${p.message}`).join('\n')}`)
    this.name = 'WorkflowError'
  }
}

export type StepKind =
  | { type: 'run'; script: TemplateToken; shell?: TemplateToken }
  | { type: 'checkout'; uses: string }
  | { type: 'node'; uses: string; actionDir: string }

export interface PlannedStep {
  /** Position in the job, from 0. */
  index: number
  /** The step's id: its `id:`, or the one GitHub generates (`__run`, `__run_2`, `__self`...). */
  id: string
  /** Whether `id:` was written (only those appear in the `steps` context). */
  hasId: boolean
  name?: TemplateToken
  /** The `if:` expression, already `success() && (...)` when it calls no status function. */
  condition: string
  continueOnError?: TemplateToken | boolean
  env?: TemplateToken
  with?: TemplateToken
  workingDirectory?: TemplateToken
  timeoutMinutes?: TemplateToken
  kind: StepKind
  /** `file:line` of the step. */
  at: string
}

export interface PlannedJob {
  id: string
  name?: TemplateToken
  condition: string
  env?: TemplateToken
  defaultShell?: string
  defaultWorkingDirectory?: string
  timeoutMinutes?: TemplateToken
  steps: PlannedStep[]
  at: string
}

/** An input declared under `on.workflow_dispatch.inputs`. */
export interface DispatchInput {
  name: string
  type: string
  required: boolean
  default?: string | number | boolean
}

export interface LoadedWorkflow {
  file: string
  name: string
  dispatchInputs: DispatchInput[]
  env?: TemplateToken
  jobIds: string[]
  job: PlannedJob
  /** The YAML value of a scalar mixing text and `${{ }}` (see ExpressionScope.templateText). */
  templateText: (token: TemplateToken) => string | undefined
}

/** String scalars holding `${{`, by `line:column` of where they start. */
function mixedScalars(content: string): Map<string, string> {
  const lc = new LineCounter()
  const doc = parseDocument(content, { lineCounter: lc, keepSourceTokens: false })
  const out = new Map<string, string>()
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && node.value.includes('${{') && node.range) {
        const pos = lc.linePos(node.range[0])
        out.set(`${pos.line}:${pos.col}`, node.value)
      }
    }
  })
  return out
}

function lineOf(file: string, token: TemplateToken | undefined): string {
  return token?.line !== undefined ? `${file}:${token.line}` : file
}

function find(map: TemplateToken | undefined, key: string): TemplateToken | undefined {
  if (!map || !isMapping(map)) return undefined
  for (const pair of map) {
    if (isString(pair.key) && pair.key.value === key) return pair.value
  }
  return undefined
}

/** The key token of `key` in a mapping (its line is where the key is written). */
function findKey(map: TemplateToken | undefined, key: string): TemplateToken | undefined {
  if (!map || !isMapping(map)) return undefined
  for (const pair of map) {
    if (isString(pair.key) && pair.key.value === key) return pair.key
  }
  return undefined
}

function literal(token: TemplateToken | undefined): string | undefined {
  if (!token || isBasicExpression(token) || !token.isLiteral) return undefined
  return String((token as unknown as { value: unknown }).value)
}

function defaultsRun(token: TemplateToken | undefined) {
  const run = find(find(token, 'defaults'), 'run')
  return {
    shell: literal(find(run, 'shell')),
    workingDirectory: literal(find(run, 'working-directory'))
  }
}

export interface LoadOptions {
  jobId?: string
  /** Where `./actions/x` and `./` resolve. Default: the current directory. */
  workspace?: string
}

export async function loadWorkflow(
  workflowPath: string,
  opts: LoadOptions = {}
): Promise<LoadedWorkflow> {
  const workspace = resolve(opts.workspace ?? process.cwd())
  const rel = relative(process.cwd(), resolve(workflowPath))
  const file = rel && !rel.startsWith('..') ? rel : resolve(workflowPath)
  let content: string
  try {
    content = readFileSync(workflowPath, 'utf8')
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(e)
    throw new WorkflowError('parse', [{ at: file, message: `cannot read the workflow: ${why}` }])
  }
  const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter())
  const parseProblems = (): Problem[] =>
    parsed.context.errors.getErrors().map(e => ({
      at: e.range ? `${file}:${e.range.start.line}:${e.range.start.column}` : file,
      message: e.rawMessage
    }))
  if (parsed.context.errors.count > 0 || !parsed.value)
    throw new WorkflowError('parse', parseProblems())
  const template = await convertWorkflowTemplate(parsed.context, parsed.value)
  if (parsed.context.errors.count > 0) throw new WorkflowError('parse', parseProblems())

  const root = parsed.value
  const rawJobs = find(root, 'jobs')
  const jobIds = template.jobs.map(j => j.id.value)
  let jobId = opts.jobId
  if (jobId === undefined) {
    if (jobIds.length !== 1) {
      throw new WorkflowError('job', [
        {
          at: lineOf(file, rawJobs),
          message: `the workflow has ${jobIds.length} jobs (${jobIds.join(', ')}); choose one with --job`
        }
      ])
    }
    jobId = jobIds[0]
  }
  const job = template.jobs.find(j => j.id.value === jobId)
  if (!job) {
    throw new WorkflowError('job', [
      {
        at: lineOf(file, rawJobs),
        message: `no job '${jobId}'; the jobs are: ${jobIds.join(', ')}`
      }
    ])
  }
  const rawJob = find(rawJobs, jobId)
  const at = lineOf(file, rawJob)
  const problems: Problem[] = []
  const refuse = (token: TemplateToken | undefined, message: string) =>
    problems.push({ at: token ? lineOf(file, token) : at, message })

  if (job.type === 'reusableWorkflowJob') {
    refuse(
      find(rawJob, 'uses'),
      `job '${jobId}' calls a reusable workflow; reusable workflows are not supported`
    )
    throw new WorkflowError('unsupported', problems)
  }
  for (const [key, what] of [
    ['strategy', 'strategy/matrix'],
    ['services', 'service containers (services)'],
    ['container', 'job containers (container)'],
    ['needs', 'job dependencies (needs; one job runs at a time here)']
  ] as const) {
    const token = findKey(rawJob, key)
    if (token) refuse(token, `${what} is not supported`)
  }
  const wfDefaults = defaultsRun(root)
  const jobDefaults = defaultsRun(rawJob)
  for (const [owner, shell] of [
    [root, wfDefaults.shell],
    [rawJob, jobDefaults.shell]
  ] as const) {
    const problem = shell === undefined ? undefined : shellProblem(shell)
    if (problem) refuse(find(find(find(owner, 'defaults'), 'run'), 'shell'), problem)
  }

  const rawSteps = find(rawJob, 'steps')
  const steps: PlannedStep[] = []
  job.steps.forEach((step, index) => {
    const raw = rawSteps && isSequence(rawSteps) ? rawSteps.get(index) : undefined
    const stepAt = lineOf(file, raw)
    const base = {
      index,
      id: step.id,
      hasId: find(raw, 'id') !== undefined,
      name: step.name,
      condition: step.if?.expression ?? 'success()',
      continueOnError: step['continue-on-error'],
      env: find(raw, 'env'),
      with: find(raw, 'with'),
      workingDirectory: find(raw, 'working-directory'),
      timeoutMinutes: find(raw, 'timeout-minutes'),
      at: stepAt
    }
    if ('run' in step) {
      const shell = find(raw, 'shell')
      const s = literal(shell)
      const problem = s === undefined ? undefined : shellProblem(s)
      if (problem) refuse(shell, problem)
      if (step.background) refuse(find(raw, 'background'), 'background steps are not supported')
      steps.push({ ...base, kind: { type: 'run', script: step.run, shell } })
    } else if ('uses' in step) {
      const uses = step.uses.value
      const usesToken = find(raw, 'uses')
      if (step.background) refuse(find(raw, 'background'), 'background steps are not supported')
      if (/^actions\/checkout@/i.test(uses)) {
        steps.push({ ...base, kind: { type: 'checkout', uses } })
      } else if (uses.startsWith('./') || uses === '.') {
        const actionDir = join(workspace, uses)
        if (!actionFile(actionDir)) {
          refuse(usesToken, `'${uses}': no action.yml in ${actionDir}`)
        } else {
          try {
            const meta = loadActionMetadata(actionDir)
            const reason = unsupportedReason(meta)
            if (reason) refuse(usesToken, `'${uses}' cannot run here: ${reason}`)
            for (const [stage, entry] of [
              ['main', meta.main],
              ['pre', meta.pre],
              ['post', meta.post]
            ]) {
              if (!reason && entry && !existsSync(resolve(actionDir, entry))) {
                refuse(
                  usesToken,
                  `'${uses}': runs.${stage} ${entry} does not exist (${resolve(actionDir, entry)}); build the action first`
                )
              }
            }
          } catch (e) {
            refuse(usesToken, `'${uses}': ${e instanceof Error ? e.message : String(e)}`)
          }
        }
        steps.push({ ...base, kind: { type: 'node', uses, actionDir } })
      } else if (uses.startsWith('docker://')) {
        refuse(usesToken, `'${uses}': Docker actions are not supported`)
      } else {
        refuse(
          usesToken,
          `'${uses}': remote actions are not supported (only actions/checkout, as a no-op, and local ./ actions)`
        )
      }
    } else {
      refuse(raw, 'only run: and uses: steps are supported')
    }
  })
  if (problems.length > 0) throw new WorkflowError('unsupported', problems)

  const name = find(root, 'name')
  const scalars = mixedScalars(content)
  const dispatchInputs: DispatchInput[] = []
  const declared = find(find(find(root, 'on'), 'workflow_dispatch'), 'inputs')
  if (declared && isMapping(declared)) {
    for (const pair of declared) {
      if (!isString(pair.key)) continue
      const def = find(pair.value, 'default')
      const defValue =
        def && !isBasicExpression(def) && def.isLiteral
          ? (def as unknown as { value: string | number | boolean }).value
          : undefined
      dispatchInputs.push({
        name: pair.key.value,
        type: literal(find(pair.value, 'type')) ?? 'string',
        required: literal(find(pair.value, 'required')) === 'true',
        default: defValue
      })
    }
  }
  return {
    dispatchInputs,
    templateText: token =>
      token.range
        ? scalars.get(`${token.range.start.line}:${token.range.start.column}`)
        : undefined,
    file,
    name: literal(name) ?? file,
    env: find(root, 'env'),
    jobIds,
    job: {
      id: jobId,
      name: job.name,
      condition: job.if?.expression ?? 'success()',
      env: job.env,
      defaultShell: jobDefaults.shell ?? wfDefaults.shell,
      defaultWorkingDirectory: jobDefaults.workingDirectory ?? wfDefaults.workingDirectory,
      timeoutMinutes: find(rawJob, 'timeout-minutes'),
      steps,
      at
    }
  }
}
