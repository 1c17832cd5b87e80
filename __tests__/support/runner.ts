// Runs a built action the way the GitHub runner does, and reads back what it did.
//
// A fresh `node <action dir>/<runs.main>` process (no stdin, cwd = a temp workspace) with
// INPUT_<NAME> for every declared input, fresh GITHUB_OUTPUT/ENV/STATE/STEP_SUMMARY/PATH files, an
// event file and the usual GITHUB_*/RUNNER_* variables; afterwards the files are parsed with the
// runner's rules and stdout's workflow commands are decoded. The parsing is written from the
// runner's documented formats, independently of @actions/core, so a test of an action bundled with
// @actions/core checks the real wire format rather than core against itself.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter as PATH_DELIMITER, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'

// ------------------------------------------------------------------------------------------------
// Workflow commands on stdout: `::name key=value,key=value::data`

export interface WorkflowCommand {
  command: string
  properties: Record<string, string>
  data: string
  /** 0-based index of the stdout line */
  line: number
}

// The runner's escaping (the inverse of @actions/core's escapeData/escapeProperty), decoded in one
// pass so `%250A` becomes `%0A`, not a newline.
const DATA_ESCAPES: Record<string, string> = { '%25': '%', '%0D': '\r', '%0A': '\n' }
const PROPERTY_ESCAPES: Record<string, string> = { ...DATA_ESCAPES, '%3A': ':', '%2C': ',' }

export function unescapeData(s: string): string {
  return s.replace(/%(25|0D|0A)/g, m => DATA_ESCAPES[m])
}

export function unescapeProperty(s: string): string {
  return s.replace(/%(25|0D|0A|3A|2C)/g, m => PROPERTY_ESCAPES[m])
}

/** Parses one line as a command, or returns undefined when it is ordinary output. */
export function parseCommandLine(text: string, line = 0): WorkflowCommand | undefined {
  const trimmed = text.trimStart()
  if (!trimmed.startsWith('::')) return undefined
  const end = trimmed.indexOf('::', 2)
  if (end < 0) return undefined
  const info = trimmed.slice(2, end)
  const space = info.indexOf(' ')
  const command = space < 0 ? info : info.slice(0, space)
  if (command === '') return undefined
  const properties: Record<string, string> = {}
  if (space >= 0) {
    for (const pair of info.slice(space + 1).split(',')) {
      const eq = pair.indexOf('=')
      if (eq <= 0) continue
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1))
    }
  }
  return { command, properties, data: unescapeData(trimmed.slice(end + 2)), line }
}

/**
 * All commands in stdout, honouring `::stop-commands::<token>` (nothing is a command until a line
 * `::<token>::`), as the runner does.
 */
export function parseCommands(stdout: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = []
  let stopToken: string | undefined
  stdout.split(/\r?\n/).forEach((text, i) => {
    if (stopToken !== undefined) {
      if (text.trim() === `::${stopToken}::`) stopToken = undefined
      return
    }
    const cmd = parseCommandLine(text, i)
    if (!cmd) return
    if (cmd.command === 'stop-commands') {
      stopToken = cmd.data
      return
    }
    out.push(cmd)
  })
  return out
}

// ------------------------------------------------------------------------------------------------
// File commands: GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STATE (`name=value` or `name<<DELIM` ... `DELIM`)

export interface FileCommandResult {
  values: Record<string, string>
  /** in file order, repeated names included */
  entries: Array<[string, string]>
  errors: string[]
}

export function parseFileCommand(text: string): FileCommandResult {
  const result: FileCommandResult = { values: {}, entries: [], errors: [] }
  const lines = text.split(/\r?\n/)
  const set = (name: string, value: string) => {
    result.values[name] = value
    result.entries.push([name, value])
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line === '') continue
    const eq = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (eq >= 0 && (heredoc < 0 || eq < heredoc)) {
      const name = line.slice(0, eq)
      if (name === '') result.errors.push(`line ${i + 1}: empty name`)
      else set(name, line.slice(eq + 1))
    } else if (heredoc >= 0) {
      const name = line.slice(0, heredoc)
      const delim = line.slice(heredoc + 2)
      if (name === '' || delim === '') {
        result.errors.push(`line ${i + 1}: empty name or delimiter`)
        continue
      }
      const body: string[] = []
      let closed = false
      for (i++; i < lines.length; i++) {
        if (lines[i] === delim) {
          closed = true
          break
        }
        body.push(lines[i])
      }
      if (!closed) result.errors.push(`matching delimiter not found for '${name}'`)
      else set(name, body.join('\n'))
    } else {
      result.errors.push(`line ${i + 1}: invalid format`)
    }
  }
  return result
}

// ------------------------------------------------------------------------------------------------
// action.yml

export interface ActionInputSpec {
  description?: string
  required?: boolean
  default?: unknown
}

export interface ActionMetadata {
  name: string
  inputs: Record<string, ActionInputSpec>
  outputs: Record<string, { description?: string }>
  runs: { using: string; main?: string; pre?: string; post?: string }
}

export function readActionMetadata(actionDir: string): ActionMetadata {
  const file = ['action.yml', 'action.yaml']
    .map(f => join(actionDir, f))
    .find(f => {
      try {
        readFileSync(f)
        return true
      } catch {
        return false
      }
    })
  if (!file) throw new Error(`no action.yml in ${actionDir}`)
  const meta = parseYaml(readFileSync(file, 'utf8')) as ActionMetadata
  return { ...meta, inputs: meta.inputs ?? {}, outputs: meta.outputs ?? {} }
}

/** The runner's INPUT_ variable name: spaces to `_`, upper-cased, hyphens kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** A default the runner would pass as-is; `${{ ... }}` expressions are not evaluated here. */
function literalDefault(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined
  const text = typeof value === 'string' ? value : String(value)
  return text.includes('${{') ? undefined : text
}

// ------------------------------------------------------------------------------------------------
// Running

export interface RunOptions {
  /** Folder holding action.yml */
  actionDir: string
  inputs?: Record<string, string>
  /** Extra environment (wins over the defaults) */
  env?: Record<string, string>
  event?: unknown
  eventName?: string
  /** Node binary; default: the one running the tests */
  node?: string
  /** Which `runs` entry to execute */
  stage?: 'main' | 'pre' | 'post'
  /** State from an earlier stage, passed as STATE_<name> */
  state?: Record<string, string>
  /** Reuse folders (runSteps shares them across steps); default: fresh temp folders */
  workspace?: string
  runnerTemp?: string
  /** RUNNER_DEBUG=1 */
  debug?: boolean
  timeoutMs?: number
}

export interface RunResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  stdout: string
  stderr: string
  outputs: Record<string, string>
  env: Record<string, string>
  state: Record<string, string>
  summary: string
  path: string[]
  commands: WorkflowCommand[]
  /** values registered with ::add-mask::, in order */
  masks: string[]
  /** malformed file-command lines (the runner fails the step on these) */
  fileErrors: string[]
  /** inputs passed but not declared in action.yml (the runner warns about them) */
  unexpectedInputs: string[]
  durationMs: number
  /** where things were, for debugging a failed test */
  dirs: { workspace: string; runnerTemp: string; files: string }
  /** the environment the action got */
  childEnv: Record<string, string>
}

const KEPT_ENV = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SYSTEMROOT', 'USERPROFILE']

/**
 * Linux refuses to start a process with one environment string over 128 KiB (E2BIG), so longer
 * values reach the action through a preload that sets them in its process.env before it starts:
 * the action still reads an ordinary INPUT_ variable.
 */
const LARGE_ENV_VALUE = 64 * 1024
// A file: URL, not a path: `--import C:\\...` would read `C:` as a URL scheme on Windows.
const LARGE_ENV_PRELOAD = new URL('large-env-preload.mjs', import.meta.url).href
export const LARGE_ENV_VARIABLE = 'MAESTRO_TEST_LARGE_ENV'

export function defaultGithubEnv(workspace: string, runnerTemp: string): Record<string, string> {
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'acme/bots',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_JOB: 'test',
    GITHUB_RUN_ID: '1658821493',
    GITHUB_RUN_NUMBER: '42',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: 'ffac537e6cbbf934b08745a378932722df287a53',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_ACTOR: 'octocat',
    GITHUB_TRIGGERING_ACTOR: 'octocat',
    GITHUB_ACTION: '__acme_maestro-actions',
    GITHUB_RETENTION_DAYS: '90',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 2',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: join(runnerTemp, 'toolcache')
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}

/** Runs one stage of an action in a fresh process. Never rejects for a failing action. */
export async function runStep(options: RunOptions): Promise<RunResult> {
  const actionDir = resolve(options.actionDir)
  const meta = readActionMetadata(actionDir)
  const stage = options.stage ?? 'main'
  const script = meta.runs[stage]
  if (!script) throw new Error(`${actionDir}/action.yml has no runs.${stage}`)

  const base = mkdtempSync(join(tmpdir(), 'action-run-'))
  const workspace = options.workspace ?? join(base, 'workspace')
  const runnerTemp = options.runnerTemp ?? join(base, 'runner-temp')
  const files = join(base, 'files')
  for (const d of [workspace, runnerTemp, files]) mkdirSync(d, { recursive: true })
  const fileFor = (n: string) => join(files, n)
  for (const n of ['output', 'env', 'state', 'summary', 'path']) writeFileSync(fileFor(n), '')
  const eventPath = join(files, 'event.json')
  writeFileSync(eventPath, JSON.stringify(options.event ?? {}, null, 2))

  const env: Record<string, string> = {}
  for (const k of KEPT_ENV) if (process.env[k] !== undefined) env[k] = process.env[k] as string
  Object.assign(env, defaultGithubEnv(workspace, runnerTemp), {
    GITHUB_EVENT_NAME: options.eventName ?? 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_ACTION_PATH: actionDir,
    GITHUB_OUTPUT: fileFor('output'),
    GITHUB_ENV: fileFor('env'),
    GITHUB_STATE: fileFor('state'),
    GITHUB_STEP_SUMMARY: fileFor('summary'),
    GITHUB_PATH: fileFor('path')
  })
  if (options.debug) env.RUNNER_DEBUG = '1'
  for (const [k, v] of Object.entries(options.state ?? {})) env[`STATE_${k}`] = v
  const given = options.inputs ?? {}
  for (const [name, spec] of Object.entries(meta.inputs)) {
    env[inputEnvName(name)] = given[name] ?? literalDefault(spec?.default) ?? ''
  }
  const unexpectedInputs = Object.keys(given).filter(n => !(n in meta.inputs))
  for (const n of unexpectedInputs) env[inputEnvName(n)] = given[n]
  Object.assign(env, options.env)
  const childEnv = { ...env }
  const large = Object.keys(env).filter(k => env[k].length > LARGE_ENV_VALUE)
  const nodeArgs: string[] = []
  if (large.length > 0) {
    const file = join(files, 'large-env.json')
    writeFileSync(file, JSON.stringify(Object.fromEntries(large.map(k => [k, env[k]]))))
    for (const k of large) delete env[k]
    env[LARGE_ENV_VARIABLE] = file
    nodeArgs.push('--import', LARGE_ENV_PRELOAD)
  }

  const started = performance.now()
  const child = spawn(options.node ?? process.execPath, [...nodeArgs, join(actionDir, script)], {
    cwd: workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const out: Buffer[] = []
  const err: Buffer[] = []
  child.stdout.on('data', (d: Buffer) => out.push(d))
  child.stderr.on('data', (d: Buffer) => err.push(d))
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    child.kill('SIGKILL')
  }, options.timeoutMs ?? 30_000)
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(
    (ok, fail) => {
      child.on('error', fail)
      child.on('close', (code, sig) => ok([code, sig]))
    }
  ).finally(() => clearTimeout(timer))
  const durationMs = performance.now() - started

  const stdout = Buffer.concat(out).toString('utf8')
  const stderr = Buffer.concat(err).toString('utf8')
  const outputs = parseFileCommand(readText(fileFor('output')))
  const envFile = parseFileCommand(readText(fileFor('env')))
  const state = parseFileCommand(readText(fileFor('state')))
  const commands = parseCommands(stdout)
  return {
    exitCode,
    signal,
    timedOut,
    stdout,
    stderr,
    outputs: outputs.values,
    env: envFile.values,
    state: state.values,
    summary: readText(fileFor('summary')),
    path: readText(fileFor('path'))
      .split(/\r?\n/)
      .filter(l => l.trim() !== ''),
    commands,
    masks: commands.filter(c => c.command === 'add-mask').map(c => c.data),
    fileErrors: [
      ...outputs.errors.map(e => `GITHUB_OUTPUT ${e}`),
      ...envFile.errors.map(e => `GITHUB_ENV ${e}`),
      ...state.errors.map(e => `GITHUB_STATE ${e}`)
    ],
    unexpectedInputs,
    durationMs,
    dirs: { workspace, runnerTemp, files },
    childEnv
  }
}

export interface Step extends Omit<RunOptions, 'workspace' | 'runnerTemp' | 'state'> {
  /** Run the action's post stage with the state its main stage saved (same action dir). */
  postOf?: number
}

/**
 * Runs steps in order in one job: a shared workspace and RUNNER_TEMP; variables a step writes to
 * GITHUB_ENV are in the environment of every later step, and GITHUB_PATH entries are prepended
 * to PATH, as the runner does. Step-level `env` wins over carried variables.
 */
export async function runSteps(steps: Step[]): Promise<RunResult[]> {
  const base = mkdtempSync(join(tmpdir(), 'action-job-'))
  const workspace = join(base, 'workspace')
  const runnerTemp = join(base, 'runner-temp')
  mkdirSync(workspace)
  mkdirSync(runnerTemp)
  const carried: Record<string, string> = {}
  const paths: string[] = []
  const results: RunResult[] = []
  for (const step of steps) {
    const env: Record<string, string> = { ...carried }
    if (paths.length > 0) {
      env.PATH =
        [...paths].reverse().join(PATH_DELIMITER) + PATH_DELIMITER + (process.env.PATH ?? '')
    }
    const state = step.postOf === undefined ? undefined : results[step.postOf]?.state
    const result = await runStep({
      ...step,
      env: { ...env, ...step.env },
      workspace,
      runnerTemp,
      state,
      stage: step.postOf === undefined ? step.stage : 'post'
    })
    Object.assign(carried, result.env)
    paths.push(...result.path)
    results.push(result)
  }
  return results
}

// ------------------------------------------------------------------------------------------------
// Mask checks

export type LeakPlace = 'stdout' | 'stderr' | 'outputs' | 'env' | 'state' | 'summary' | 'path'

export interface Leak {
  /** `masks`: a line of a known secret was not registered (in time) with ::add-mask:: */
  place: LeakPlace | 'masks'
  /** line number (stdout/stderr, 1-based), file-command name, or `line <n>` of a secret */
  where: string
  /** which mask (index into result.masks), -1 for a known secret; never the value itself */
  mask: number
  /** which of `options.secrets`, for a leak of a known secret */
  secret?: number
  kind: 'before-mask' | 'after-mask' | 'in-file' | 'never-masked' | 'unmasked-line' | 'late-mask'
}

export interface LeakCheckOptions {
  /** Names of outputs / env variables / state the action deliberately sets to a secret, or true for all. */
  allow?: {
    outputs?: readonly string[] | true
    env?: readonly string[] | true
    state?: readonly string[] | true
    summary?: boolean
  }
  /** Masks shorter than this are ignored (a one-character "secret" matches everything). Default 1. */
  minLength?: number
  /**
   * Values the test knows are secret, checked whether or not the action masked them: neither the
   * value, nor any line of it, nor their JSON-escaped or URL-encoded forms may appear anywhere but
   * in ::add-mask:: commands (which the runner never prints) and allowed files. Forms shorter than
   * 2 characters are not searched (they match ordinary text).
   */
  secrets?: readonly string[]
  /** Of `secrets`, those the action saw: every non-empty line (trimmed) must be registered. */
  mustMask?: readonly string[]
  /**
   * Of `mustMask`, those the action had from its start (the key, a token from the environment):
   * registered before its first stdout line that is not a mask command, as anything could print them.
   */
  maskFirst?: readonly string[]
}

function allowed(list: readonly string[] | true | undefined, name: string): boolean {
  return list === true || (list ?? []).includes(name)
}

/** The non-empty lines of a secret, trimmed: what the runner must be told to mask. */
export function secretLines(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/\r?\n/)
        .map(l => l.trim())
        .filter(l => l !== '')
    )
  ]
}

/** A secret, its lines, and how JSON or a URL would write each, to search printed text for. */
export function leakForms(value: string, minLength = 2): string[] {
  const plain = [value, value.trim(), ...secretLines(value)]
  const forms = plain.flatMap(v => [v, JSON.stringify(v).slice(1, -1), encodeURIComponent(v)])
  return [...new Set(forms)].filter(f => f.trim().length >= minLength)
}

/**
 * Every place a secret shows up where it must not. For values registered with ::add-mask::: on
 * stdout/stderr (other than ::add-mask:: lines, which the runner never prints), before or after
 * its mask command, including in decoded command data; in the output/env/state/summary/path files
 * unless allowed. For `options.secrets`, the same for each of their forms (see leakForms), masked
 * or not; and for `mustMask` / `maskFirst`, each line registered (in time).
 */
export function findLeaks(result: RunResult, options: LeakCheckOptions = {}): Leak[] {
  const leaks: Leak[] = []
  const minLength = options.minLength ?? 1
  const maskCommands = result.commands.filter(c => c.command === 'add-mask')
  const firstMaskLine = (value: string) => maskCommands.find(c => c.data === value)?.line
  const masks = result.masks
    .map((value, index) => ({ value, index, line: maskCommands[index].line }))
    .filter(m => m.value.trim() !== '' && m.value.length >= minLength)
    // a value registered twice is reported once, under its first registration
    .filter((m, i, all) => all.findIndex(o => o.value === m.value) === i)
  // Known secrets: each form, registered (at its first mask command) or not.
  const known = (options.secrets ?? []).flatMap((secret, i) =>
    leakForms(secret).map(value => ({ value, secret: i, line: firstMaskLine(value) }))
  )
  // One search list: a masked value found is reported as that mask, once per place.
  type Watched = { value: string; mask: number; secret?: number; line: number | undefined }
  const watched: Watched[] = [
    ...masks.map(m => ({ value: m.value, mask: m.index, line: m.line as number | undefined })),
    ...known.map(k => ({ ...k, mask: -1 }))
  ]
  const report = (
    place: LeakPlace,
    where: string,
    found: Watched[],
    kind: (w: Watched) => Leak['kind']
  ) => {
    const seen = new Set<string>()
    for (const w of found) {
      const id = w.secret === undefined ? `m${w.mask}` : `s${w.secret}`
      if (seen.has(id)) continue
      seen.add(id)
      const leak: Leak = { place, where, mask: w.mask, kind: kind(w) }
      if (w.secret !== undefined) leak.secret = w.secret
      leaks.push(leak)
    }
  }
  const inClear = (line: number) => (w: Watched) =>
    w.line === undefined ? 'never-masked' : line < w.line ? 'before-mask' : 'after-mask'

  const commandsByLine = new Map(result.commands.map(c => [c.line, c]))
  let firstOutputLine: number | undefined
  result.stdout.split(/\r?\n/).forEach((text, line) => {
    const cmd = commandsByLine.get(line)
    if (cmd?.command === 'add-mask') return
    if (text !== '' && firstOutputLine === undefined) firstOutputLine = line
    const decoded = cmd ? [cmd.data, ...Object.values(cmd.properties)].join('\n') : ''
    const found = watched.filter(w => text.includes(w.value) || decoded.includes(w.value))
    report('stdout', String(line + 1), found, inClear(line))
  })
  result.stderr.split(/\r?\n/).forEach((text, line) => {
    const found = watched.filter(w => text.includes(w.value))
    report('stderr', String(line + 1), found, w => (w.mask >= 0 ? 'after-mask' : 'never-masked'))
  })
  const files: Array<[LeakPlace, Record<string, string>, readonly string[] | true | undefined]> = [
    ['outputs', result.outputs, options.allow?.outputs],
    ['env', result.env, options.allow?.env],
    ['state', result.state, options.allow?.state]
  ]
  for (const [place, values, allow] of files) {
    for (const [name, value] of Object.entries(values)) {
      if (allowed(allow, name)) continue
      report(
        place,
        name,
        watched.filter(w => value.includes(w.value)),
        () => 'in-file'
      )
    }
  }
  if (!options.allow?.summary) {
    const found = watched.filter(w => result.summary.includes(w.value))
    report('summary', 'GITHUB_STEP_SUMMARY', found, () => 'in-file')
  }
  const inPath = watched.filter(w => result.path.some(p => p.includes(w.value)))
  report('path', 'GITHUB_PATH', inPath, () => 'in-file')

  // Registration: each line of a secret the action saw, and in time for those it had from the start.
  const secrets = options.secrets ?? []
  const check = (list: readonly string[] | undefined, first: boolean) => {
    for (const value of list ?? []) {
      const i = secrets.indexOf(value)
      if (i < 0) throw new Error('mustMask and maskFirst values must be among options.secrets')
      secretLines(value).forEach((text, n) => {
        const line = firstMaskLine(text)
        const where = `line ${n + 1}`
        if (line === undefined)
          leaks.push({ place: 'masks', where, mask: -1, secret: i, kind: 'unmasked-line' })
        else if (first && firstOutputLine !== undefined && line > firstOutputLine)
          leaks.push({ place: 'masks', where, mask: -1, secret: i, kind: 'late-mask' })
      })
    }
  }
  check(options.mustMask, false)
  check(options.maskFirst, true)
  return leaks
}

export function describeLeak(l: Leak): string {
  const what = l.secret === undefined ? `mask #${l.mask}` : `secret #${l.secret}`
  if (l.kind === 'unmasked-line') return `${what}: ${l.where} is never registered with ::add-mask::`
  if (l.kind === 'late-mask')
    return `${what}: ${l.where} is registered with ::add-mask:: only after the step printed something`
  const where =
    l.place === 'stdout' || l.place === 'stderr'
      ? `${l.place} line ${l.where}`
      : `${l.place} '${l.where}'`
  const when =
    l.kind === 'before-mask'
      ? ' before it was masked'
      : l.kind === 'after-mask'
        ? ' in clear'
        : l.kind === 'never-masked'
          ? ' and was never masked'
          : ''
  return `${what} appears in ${where}${when}`
}

/** Throws (listing where, never the value) if any masked or known secret leaked. */
export function expectNoLeaks(result: RunResult, options: LeakCheckOptions = {}): void {
  const leaks = findLeaks(result, options)
  if (leaks.length > 0) {
    throw new Error(`secret leak(s):\n${leaks.map(l => `  ${describeLeak(l)}`).join('\n')}`)
  }
}

/** Commands of one kind, e.g. `commandsOf(result, 'error')`. */
export function commandsOf(result: RunResult, command: string): WorkflowCommand[] {
  return result.commands.filter(c => c.command === command)
}

/** The step's one `::error` command; throws unless there is exactly one, as a failure must print. */
export function onlyError(result: RunResult): WorkflowCommand {
  const errors = commandsOf(result, 'error')
  if (errors.length !== 1) {
    throw new Error(`expected exactly one ::error, got ${errors.length}:\n${result.stdout}`)
  }
  return errors[0]
}

export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures')

/** `actions/<name>` in this repository, for `runStep({ actionDir: actionDir('create-task') })`. */
export function actionDir(name: string): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'actions', name)
}
