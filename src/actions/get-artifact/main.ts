// Downloads result files (artifacts) from Maestro: by id, or every result file of a task. Every
// input, the destination folder and (when asked to publish) the runner's artifact service are
// checked before the first request. Files stream to disk through the client (a temporary file,
// checked against Content-Length, renamed into place), one after the other, under names that
// safeFileName reduced to one plain name inside the folder.
//
// When a download fails part-way through a list, the files already written stay: each is
// complete and verified, and deleting them would hide what did arrive. The outputs, the summary
// and the error all name exactly those files; the failed one left nothing behind.
import { readdirSync, statSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { Minimatch } from 'minimatch'
import { MaestroClient, type Artifact, type DownloadResult } from '../../maestro/index.js'
import { ConnectionInputKinds, ConnectionInputs, readConnection } from '../shared/connection.js'
import type { ActionCore } from '../shared/core.js'
import { allocateFileName, fileNameKey, refuseWindowsPath } from '../shared/file-names.js'
import type { InputKindTable } from '../shared/input-kinds.js'
import {
  ActionInputError,
  CONTROL_CHARS,
  createInputReader,
  invalidInput,
  quoteValue,
  refuseControlChars
} from '../shared/inputs.js'
import { checkWritableFolder } from '../shared/permissions.js'
import { ActionFailure } from '../shared/run.js'
import { maskSecret } from '../shared/secrets.js'
import { formatSize, plural, setOutputs, writeSummary } from '../shared/summary.js'

export const Inputs = {
  ...ConnectionInputs,
  artifactId: 'artifact-id',
  taskId: 'task-id',
  name: 'name',
  path: 'path',
  ifNoFilesFound: 'if-no-files-found',
  githubArtifactName: 'github-artifact-name'
} as const

export const Outputs = {
  files: 'files',
  artifactIds: 'artifact-ids',
  sha256: 'sha256',
  githubArtifactId: 'github-artifact-id'
} as const

export const NO_FILES_POLICIES = ['error', 'warn', 'ignore'] as const
export type NoFilesPolicy = (typeof NO_FILES_POLICIES)[number]

/** More ids or patterns than this in one step is a mistake (e.g. a whole file pasted in). */
export const MAX_ARTIFACT_IDS = 1000
export const MAX_NAME_PATTERNS = 100
const MAX_PATTERN_LENGTH = 1000
const MAX_PATH_LENGTH = 4096
/** The listing is asked for this many days back when the task's creation date is unknown. */
export const UNKNOWN_AGE_DAYS = 3650
const DAY_MS = 24 * 3600 * 1000

const ID_ACCEPTED =
  'result file ids (positive integers), one per line, comma-separated, or a JSON array such as [12, 13]'

// `artifact-id` and `task-id` are each optional, one of them is needed: every input is checked on
// its own before that rule, so a bad value is reported as such whatever the other says. `name`
// globs match result file names, not workspace paths (hence `lines`). The bad-input test's
// workspace holds a plain file `report.txt`.
export const InputKinds = {
  ...ConnectionInputKinds,
  [Inputs.artifactId]: {
    kind: 'lines',
    invalid: ['0', '12, abc', '-3', '1.5', '[12', '{"id": 12}']
  },
  [Inputs.taskId]: { kind: 'integer', min: 1, max: Number.MAX_SAFE_INTEGER },
  [Inputs.name]: { kind: 'lines', invalid: ['!', 'a\u0007b', 'n'.repeat(MAX_PATTERN_LENGTH + 1)] },
  [Inputs.path]: {
    kind: 'text',
    invalid: ['../outside', 'report.txt', 'report.txt/results', 'out\u0007']
  },
  [Inputs.ifNoFilesFound]: { kind: 'enum', values: NO_FILES_POLICIES },
  [Inputs.githubArtifactName]: { kind: 'text', invalid: ['a/b', 'results:1', 'a\u0007b'] }
} as const satisfies InputKindTable<typeof Inputs>

/**
 * `artifact-id`: ids one per line, separated by commas or spaces, or a JSON array (post-artifact's
 * `artifact-ids` output as it is). Repeats are dropped. Empty -> [].
 */
export function parseArtifactIds(input: string, raw: string): number[] {
  const value = raw.trim()
  if (value === '') return []
  let items: unknown[]
  if (value.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value)
      if (!Array.isArray(parsed)) throw new Error('not an array')
      items = parsed
    } catch {
      throw invalidInput(input, 'Not a JSON array of ids', value, ID_ACCEPTED)
    }
  } else {
    items = value.split(/[\s,]+/).filter(s => s !== '')
  }
  const ids: number[] = []
  for (const item of items) {
    const text = String(item).trim()
    const n = /^\+?\d+$/.test(text) ? Number(text) : NaN
    if (!Number.isSafeInteger(n) || n < 1) {
      throw invalidInput(input, `Not a result file id: ${quoteValue(text)}`, value, ID_ACCEPTED)
    }
    if (!ids.includes(n)) ids.push(n)
    if (ids.length > MAX_ARTIFACT_IDS) {
      throw invalidInput(
        input,
        `More than ${MAX_ARTIFACT_IDS} ids`,
        value,
        `${ID_ACCEPTED}; at most ${MAX_ARTIFACT_IDS} per step`
      )
    }
  }
  return ids
}

/** Globs on a result file's name and file name; `!pattern` excludes. */
export interface NameFilter {
  include: Minimatch[]
  exclude: Minimatch[]
  patterns: string[]
}

const GLOB_OPTIONS = { nocase: true, dot: true, nocomment: true, nonegate: true } as const

export function parseNameFilter(input: string, lines: readonly string[]): NameFilter | undefined {
  if (lines.length === 0) return undefined
  const accepted = `glob patterns on the result file's name, one per line (e.g. *.pdf or !draft-*), at most ${MAX_NAME_PATTERNS} of at most ${MAX_PATTERN_LENGTH} characters`
  if (lines.length > MAX_NAME_PATTERNS) {
    throw invalidInput(input, `${lines.length} patterns`, lines.join('\n'), accepted)
  }
  const filter: NameFilter = { include: [], exclude: [], patterns: [...lines] }
  for (const line of lines) {
    const negated = line.startsWith('!')
    const pattern = (negated ? line.slice(1) : line).trim()
    if (pattern === '') throw invalidInput(input, 'An empty pattern', line, accepted)
    if (pattern.length > MAX_PATTERN_LENGTH) throw invalidInput(input, 'Too long', line, accepted)
    // The pattern is tested (not the line): blanks after a leading ! are trimmed away.
    if (CONTROL_CHARS.test(pattern)) {
      throw invalidInput(input, 'Control characters', JSON.stringify(line), accepted)
    }
    let matcher: Minimatch
    try {
      matcher = new Minimatch(pattern, GLOB_OPTIONS)
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e)
      throw invalidInput(input, `Not a usable glob (${why})`, line, accepted)
    }
    ;(negated ? filter.exclude : filter.include).push(matcher)
  }
  return filter
}

/** True when the name or the file name matches an including pattern (or there is none) and neither matches an excluding one. */
export function matchesNameFilter(
  artifact: Pick<Artifact, 'name' | 'fileName'>,
  filter: NameFilter | undefined
): boolean {
  if (!filter) return true
  const names = [artifact.name, artifact.fileName].filter(
    (n): n is string => typeof n === 'string' && n !== ''
  )
  const hit = (m: Minimatch) => names.some(n => m.match(n))
  if (filter.include.length > 0 && !filter.include.some(hit)) return false
  return !filter.exclude.some(hit)
}

/**
 * `path`: the destination folder, absolute. Empty -> the workspace. A relative path stays inside
 * the workspace; an absolute one is taken as the user's explicit choice. It must be a folder or
 * not exist yet, under a folder this process can write to; on Windows, with names Windows can
 * create (the folders are made only after the first requests).
 */
export function parseDestination(
  input: string,
  raw: string,
  workspace: string,
  platform: NodeJS.Platform = process.platform
): string {
  const value = raw.trim()
  const accepted = `a folder, relative to the workspace (without climbing out of it with ..) or absolute, at most ${MAX_PATH_LENGTH} characters; created when missing`
  if (value === '') return path.resolve(workspace)
  if (value.length > MAX_PATH_LENGTH) throw invalidInput(input, 'Too long', value, accepted)
  refuseControlChars(input, value, accepted)
  refuseWindowsPath(input, value, accepted, platform)
  const root = path.resolve(workspace)
  const full = path.resolve(root, value)
  if (!path.isAbsolute(value)) {
    const inside = path.relative(root, full)
    if (inside.startsWith('..') || path.isAbsolute(inside)) {
      throw invalidInput(input, `Climbs out of the workspace (${root})`, value, accepted)
    }
  }
  // The nearest existing folder on the way must be a writable folder.
  let existing = full
  for (;;) {
    let stats
    try {
      stats = statSync(existing)
    } catch {
      const parent = path.dirname(existing)
      if (parent === existing) break
      existing = parent
      continue
    }
    if (!stats.isDirectory()) {
      const what = existing === full ? 'Not a folder' : `${existing} is a file, not a folder`
      throw invalidInput(input, what, value, accepted)
    }
    try {
      checkWritableFolder(existing, platform)
    } catch {
      throw invalidInput(input, `No permission to write in ${existing}`, value, accepted)
    }
    break
  }
  return full
}

const ARTIFACT_NAME_FORBIDDEN = /[":<>|*?\\/]/
const MAX_ARTIFACT_NAME_LENGTH = 255

/** `github-artifact-name`: the characters GitHub's artifact service refuses are refused here. */
export function parseGithubArtifactName(input: string, raw: string): string | undefined {
  const value = raw.trim()
  if (value === '') return undefined
  const accepted = `a workflow artifact name without " : < > | * ? \\ / or control characters, at most ${MAX_ARTIFACT_NAME_LENGTH} characters, e.g. maestro-results`
  refuseControlChars(input, value, accepted)
  if (ARTIFACT_NAME_FORBIDDEN.test(value)) {
    throw invalidInput(
      input,
      'A character GitHub does not allow in artifact names',
      value,
      accepted
    )
  }
  if (value.length > MAX_ARTIFACT_NAME_LENGTH)
    throw invalidInput(input, 'Too long', value, accepted)
  return value
}

/** GitHub Enterprise Server has no v4 artifact service; the same test as @actions/artifact's. */
function isGithubEnterpriseServer(env: NodeJS.ProcessEnv): boolean {
  let host: string
  try {
    host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname.toUpperCase()
  } catch {
    return false
  }
  return !(host === 'GITHUB.COM' || host.endsWith('.GHE.COM') || host.endsWith('.LOCALHOST'))
}

/**
 * Fails before any download when the runner's artifact service cannot be reached, so a step that
 * was asked to publish never downloads files it then cannot publish.
 */
export function checkArtifactService(input: string, name: string, env: NodeJS.ProcessEnv): void {
  const missing = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'].filter(v => !env[v]?.trim())
  const accepted = `leave '${input}' empty, or run the step in a GitHub Actions job on github.com or GHE.com, whose runner provides the artifact service`
  if (missing.length > 0) {
    throw new ActionInputError(
      input,
      `Cannot publish workflow artifact ${quoteValue(name)}: the runner's artifact service is not available to this step (${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set; local runners and container tools usually do not provide it). Nothing was downloaded. Accepted: ${accepted}`
    )
  }
  try {
    new URL(env.ACTIONS_RESULTS_URL ?? '')
  } catch {
    throw new ActionInputError(
      input,
      `Cannot publish workflow artifact ${quoteValue(name)}: ACTIONS_RESULTS_URL is not a URL. Nothing was downloaded. Accepted: ${accepted}`
    )
  }
  if (isGithubEnterpriseServer(env)) {
    throw new ActionInputError(
      input,
      `Cannot publish workflow artifact ${quoteValue(name)}: GitHub Enterprise Server (${env.GITHUB_SERVER_URL}) does not support the artifact service @actions/artifact 2+ uses. Nothing was downloaded. Accepted: ${accepted}`
    )
  }
}

/** How many days back the listing must reach to include everything made since the task. */
export function listingDays(dateCreation: string | undefined | null, now = Date.now()): number {
  const created = dateCreation ? Date.parse(dateCreation) : NaN
  if (Number.isNaN(created)) return UNKNOWN_AGE_DAYS
  return Math.max(1, Math.ceil((now - created) / DAY_MS) + 1)
}

export interface PlannedDownload {
  artifact: Artifact
  /** The safe file name chosen inside the folder. */
  fileName: string
  path: string
}

/**
 * Names each download: the server's file name (or display name) reduced to a safe name, unique in
 * this run case-insensitively, never the name of an existing entry that is not a regular file (a
 * folder or a symlink there must not be written through). An existing regular file is replaced.
 */
export function planDownloads(
  artifacts: readonly Artifact[],
  folder: string,
  blockedNames: Iterable<string> = []
): PlannedDownload[] {
  const taken = new Set([...blockedNames].map(fileNameKey))
  return artifacts.map(artifact => {
    const fileName = allocateFileName(
      artifact.fileName || artifact.name,
      `artifact-${artifact.id}`,
      taken
    )
    return { artifact, fileName, path: path.join(folder, fileName) }
  })
}

/** Entries of `folder` that are not regular files (folders, symlinks, ...); [] when it is missing. */
function entriesNotFiles(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter(d => !d.isFile())
      .map(d => d.name)
  } catch {
    return []
  }
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv
  /** Publishes the files as a workflow artifact; default: @actions/artifact, loaded on demand. */
  publish?: (name: string, files: string[], root: string) => Promise<number | undefined>
}

interface Downloaded {
  plan: PlannedDownload
  result: DownloadResult
}

export async function run(core: ActionCore, options: RunOptions = {}): Promise<void> {
  const env = options.env ?? process.env
  const connection = readConnection(core, { env, action: 'get-artifact' })
  const inputs = createInputReader(core)
  const artifactIds = parseArtifactIds(Inputs.artifactId, inputs.raw(Inputs.artifactId))
  const taskId =
    inputs.raw(Inputs.taskId) === ''
      ? undefined
      : inputs.integer(Inputs.taskId, { min: 1, max: Number.MAX_SAFE_INTEGER })
  const nameLines = inputs.list(Inputs.name)
  const nameFilter = parseNameFilter(Inputs.name, nameLines)
  const workspace = env.GITHUB_WORKSPACE || process.cwd()
  const folder = parseDestination(Inputs.path, inputs.raw(Inputs.path), workspace)
  const ifNoFilesFound = inputs.enum(Inputs.ifNoFilesFound, {
    values: NO_FILES_POLICIES,
    default: 'error'
  })
  const githubArtifactName = parseGithubArtifactName(
    Inputs.githubArtifactName,
    inputs.raw(Inputs.githubArtifactName)
  )
  // Rules between inputs come after each input's own checks: a bad value is named as such.
  if (artifactIds.length > 0 && taskId !== undefined) {
    throw new ActionInputError(
      Inputs.artifactId,
      `Both '${Inputs.artifactId}' and '${Inputs.taskId}' are set. Accepted: one of them: '${Inputs.artifactId}' for given result files, '${Inputs.taskId}' for every result file of a task`
    )
  }
  if (artifactIds.length === 0 && taskId === undefined) {
    throw new ActionInputError(
      Inputs.artifactId,
      `Neither '${Inputs.artifactId}' nor '${Inputs.taskId}' is set. Accepted: ${ID_ACCEPTED} in '${Inputs.artifactId}', or a task id in '${Inputs.taskId}'`
    )
  }
  if (nameLines.length > 0 && taskId === undefined) {
    throw new ActionInputError(
      Inputs.name,
      `'${Inputs.name}' filters the result files of a '${Inputs.taskId}', but result files were named by '${Inputs.artifactId}', got ${quoteValue(nameLines.join('\n'))}. Accepted: no '${Inputs.name}' with '${Inputs.artifactId}'`
    )
  }
  if (githubArtifactName !== undefined) {
    checkArtifactService(Inputs.githubArtifactName, githubArtifactName, env)
    maskSecret(core, env.ACTIONS_RUNTIME_TOKEN)
  }

  const client = new MaestroClient(connection)
  const downloaded: Downloaded[] = []
  let plans: PlannedDownload[]
  try {
    const artifacts =
      taskId === undefined
        ? await readArtifacts(client, artifactIds)
        : await taskArtifacts(client, taskId, nameFilter)
    if (artifacts.length === 0) {
      const what =
        `Task ${taskId} has no result file` +
        (nameFilter ? ` whose name matches ${nameFilter.patterns.map(quoteValue).join(', ')}` : '')
      if (ifNoFilesFound === 'error') {
        throw new ActionFailure(
          `${what}. Nothing was downloaded. Set '${Inputs.ifNoFilesFound}' to warn or ignore when that is fine.`
        )
      }
      const message = `${what}; nothing downloaded.`
      if (ifNoFilesFound === 'warn') core.warning(message)
      else core.info(message)
      setOutputs(core, outputsFor([], undefined))
      await writeSummary(core, { title: 'No result files downloaded', rows: [['Why', message]] })
      return
    }
    plans = planDownloads(artifacts, folder, entriesNotFiles(folder))
    await mkdir(folder, { recursive: true })
    for (const plan of plans) {
      try {
        const result = await client.downloadArtifact(plan.artifact.id, plan.path)
        downloaded.push({ plan, result })
        core.info(
          `Downloaded result file ${plan.artifact.id} (${quoteValue(plan.artifact.name)}) to ${result.path}: ${formatSize(result.size)}, sha256 ${result.sha256}`
        )
      } catch (error) {
        throw await partialFailure(core, error, plan, plans, downloaded, folder, taskId)
      }
    }
  } finally {
    await client.close()
  }

  let githubArtifactId: number | undefined
  if (githubArtifactName !== undefined) {
    const publish = options.publish ?? publishWithActionsArtifact
    const files = downloaded.map(d => d.result.path)
    try {
      githubArtifactId = await publish(githubArtifactName, files, folder)
    } catch (error) {
      setOutputs(core, outputsFor(downloaded, undefined))
      await summarize(core, downloaded, folder, taskId, {
        failure: `publishing them as workflow artifact ${quoteValue(githubArtifactName)}: ${errorText(error)}`
      })
      throw new ActionFailure(
        `All ${downloaded.length} result file${downloaded.length === 1 ? ' was' : 's were'} downloaded to ${folder}, but publishing them as workflow artifact ${quoteValue(githubArtifactName)} failed: ${errorText(error)}`,
        { cause: error }
      )
    }
    core.info(
      `Published ${plural(downloaded.length, 'file')} as workflow artifact ${quoteValue(githubArtifactName)}${githubArtifactId === undefined ? '' : ` (id ${githubArtifactId})`}.`
    )
  }

  setOutputs(core, outputsFor(downloaded, githubArtifactId))
  await summarize(core, downloaded, folder, taskId, {
    githubArtifact:
      githubArtifactName === undefined
        ? undefined
        : `${githubArtifactName}${githubArtifactId === undefined ? '' : ` (id ${githubArtifactId})`}`
  })
}

async function readArtifacts(client: MaestroClient, ids: readonly number[]): Promise<Artifact[]> {
  const artifacts: Artifact[] = []
  for (const id of ids) artifacts.push(await client.getArtifact(id))
  return artifacts
}

/** Every result file of the task (all pages of the listing), oldest first. */
async function taskArtifacts(
  client: MaestroClient,
  taskId: number,
  nameFilter: NameFilter | undefined
): Promise<Artifact[]> {
  // Reading the task first gives a 404 that names it, and its age bounds the listing.
  const task = await client.getTask(taskId)
  const all = await client.listArtifacts({ days: listingDays(task.dateCreation) })
  // The listing is paged newest first: a file added while it is read shifts the pages, and one
  // already seen comes again. Each id is downloaded once.
  const byId = new Map<string, Artifact>()
  for (const a of all) {
    if (Number(a.taskId) === taskId && matchesNameFilter(a, nameFilter)) byId.set(String(a.id), a)
  }
  return [...byId.values()].sort((a, b) => Number(a.id) - Number(b.id))
}

function outputsFor(downloaded: readonly Downloaded[], githubArtifactId: number | undefined) {
  return {
    [Outputs.files]: downloaded.map(d => d.result.path),
    [Outputs.artifactIds]: downloaded.map(d => d.plan.artifact.id),
    [Outputs.sha256]: Object.fromEntries(downloaded.map(d => [d.result.path, d.result.sha256])),
    [Outputs.githubArtifactId]: githubArtifactId
  }
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const hint = (error as { hint?: unknown }).hint
  return typeof hint === 'string' && hint !== '' && !error.message.includes(hint)
    ? `${error.message} ${hint}`
    : error.message
}

/**
 * The error for a download that failed: the cause (Maestro's own message and hint, or the file
 * system's), then exactly what is on disk. Outputs and summary are written first, so a later
 * `if: failure()` step can use the files that did arrive.
 */
async function partialFailure(
  core: ActionCore,
  error: unknown,
  failed: PlannedDownload,
  plans: readonly PlannedDownload[],
  downloaded: readonly Downloaded[],
  folder: string,
  taskId: number | undefined
): Promise<ActionFailure> {
  setOutputs(core, outputsFor(downloaded, undefined))
  const isMaestro = error instanceof Error && error.name.startsWith('Maestro')
  const cause = isMaestro
    ? errorText(error)
    : `Could not write result file ${failed.artifact.id} to ${failed.path}: ${errorText(error)}`
  const kept =
    downloaded.length === 0
      ? `No file was written to ${folder}`
      : `${downloaded.length} of ${plans.length} result files were downloaded before it and kept: ${downloaded.map(d => `${d.result.path} (result file ${d.plan.artifact.id})`).join(', ')}`
  const notTried = plans.length - downloaded.length - 1
  const rest = notTried > 0 ? `; ${notTried} more ${notTried === 1 ? 'was' : 'were'} not tried` : ''
  await summarize(core, downloaded, folder, taskId, {
    failure: `result file ${failed.artifact.id}: ${cause}${rest}`
  })
  return new ActionFailure(`${cause} ${kept}${rest}. Nothing partial was left at ${failed.path}.`, {
    cause: error
  })
}

interface SummaryExtras {
  /** What went wrong after the listed files were written. */
  failure?: string
  githubArtifact?: string
}

async function summarize(
  core: ActionCore,
  downloaded: readonly Downloaded[],
  folder: string,
  taskId: number | undefined,
  extra: SummaryExtras = {}
): Promise<void> {
  const count = plural(downloaded.length, 'result file')
  const from = taskId === undefined ? 'Maestro' : `Maestro task ${taskId}`
  const title = extra.failure
    ? `${count} downloaded from ${from} before a failure`
    : `${count} downloaded from ${from}`
  const rows: Array<[string, string | number]> = [['Folder', folder]]
  for (const { plan, result } of downloaded) {
    const original = plan.artifact.fileName || plan.artifact.name
    const renamed =
      original !== plan.fileName ? ` (in Maestro: ${quoteValue(String(original))})` : ''
    rows.push([
      `${plan.fileName}${renamed}, result file ${plan.artifact.id}`,
      `${formatSize(result.size)}, sha256 ${result.sha256}`
    ])
  }
  const total = downloaded.reduce((n, d) => n + d.result.size, 0)
  if (downloaded.length > 1) rows.push([`${count} in total`, formatSize(total)])
  if (extra.githubArtifact) rows.push(['Workflow artifact', extra.githubArtifact])
  if (extra.failure) rows.push(['Failed', extra.failure])
  await writeSummary(core, { title, rows })
}

/**
 * Loaded only when asked for: @actions/artifact and its Azure client are most of the bundle, and a
 * run without `github-artifact-name` should not parse them at start-up.
 */
async function publishWithActionsArtifact(
  name: string,
  files: string[],
  root: string
): Promise<number | undefined> {
  const { DefaultArtifactClient } = await import('@actions/artifact')
  const result = await new DefaultArtifactClient().uploadArtifact(name, files, root)
  return result.id
}
