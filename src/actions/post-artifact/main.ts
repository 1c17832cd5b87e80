// Uploads files to a Maestro task as result files (artifacts). Everything is checked before the
// first request: the task id, the patterns and what they match, the name and the options. Files go
// from disk as streams; several files or a folder are zipped while being sent (the client sends a
// re-openable stream of unknown size chunked), so memory stays flat whatever the size.
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { MaestroClient, type UploadArtifactResult } from '../../maestro/index.js'
import { ConnectionInputKinds, ConnectionInputs, readConnection } from '../shared/connection.js'
import type { ActionCore } from '../shared/core.js'
import { archiveEntryName, findFiles, zipStream, type FoundFiles } from '../shared/files.js'
import type { InputKindTable } from '../shared/input-kinds.js'
import {
  ActionInputError,
  createInputReader,
  invalidInput,
  quoteValue,
  refuseControlChars
} from '../shared/inputs.js'
import { formatSize, plural, setOutputs, writeSummary } from '../shared/summary.js'

export const Inputs = {
  ...ConnectionInputs,
  taskId: 'task-id',
  path: 'path',
  name: 'name',
  archive: 'archive',
  ifNoFilesFound: 'if-no-files-found'
} as const

export const Outputs = {
  artifactId: 'artifact-id',
  artifactIds: 'artifact-ids',
  size: 'size',
  sha256: 'sha256'
} as const

export const ARCHIVE_MODES = ['auto', 'always', 'never'] as const
export type ArchiveMode = (typeof ARCHIVE_MODES)[number]
export const NO_FILES_POLICIES = ['error', 'warn', 'ignore'] as const
export type NoFilesPolicy = (typeof NO_FILES_POLICIES)[number]

export const InputKinds = {
  ...ConnectionInputKinds,
  [Inputs.taskId]: { kind: 'integer', min: 1, max: Number.MAX_SAFE_INTEGER, required: true },
  [Inputs.path]: { kind: 'globs', required: true },
  [Inputs.name]: { kind: 'file-name' },
  [Inputs.archive]: { kind: 'enum', values: ARCHIVE_MODES },
  [Inputs.ifNoFilesFound]: { kind: 'enum', values: NO_FILES_POLICIES }
} as const satisfies InputKindTable<typeof Inputs>

/** Default display name of an archive that is neither one folder nor one file. */
export const DEFAULT_ARCHIVE_NAME = 'result-files'
/** Several files (archive: never) are sent this many at a time. */
export const PARALLEL_UPLOADS = 4
/** At most this many files are listed one by one in the job summary. */
export const SUMMARY_FILE_ROWS = 100
const MAX_NAME_LENGTH = 255

/**
 * A display name is one file name: it becomes the downloaded file's name in Maestro, so path
 * separators, control characters, `.`/`..` and over-long names are refused (not silently
 * rewritten: a slash usually means a path was put in `name` instead of `path`).
 */
export function parseDisplayName(input: string, raw: string): string | undefined {
  const value = raw.trim()
  if (value === '') return undefined
  const accepted = `a file name without / or \\ or control characters, at most ${MAX_NAME_LENGTH} characters, e.g. build-report`
  if (/[/\\]/.test(value)) throw invalidInput(input, 'A name, not a path', value, accepted)
  refuseControlChars(input, value, accepted)
  if (/^\.+$/.test(value)) throw invalidInput(input, 'Not a file name', value, accepted)
  if (value.length > MAX_NAME_LENGTH) throw invalidInput(input, 'Too long', value, accepted)
  return value
}

export interface LocalFile {
  path: string
  /** Name inside an archive (relative to the common root, forward slashes). */
  entryName: string
  size: number
}

/** One result file to create: a file sent as is, or an archive of several. */
export type UploadPlan =
  | { kind: 'file'; name: string; file: LocalFile }
  | { kind: 'archive'; name: string; fileName: string; files: LocalFile[]; root: string }

export interface PlanOptions {
  found: FoundFiles
  files: LocalFile[]
  patterns: string[]
  cwd: string
  name: string | undefined
  archive: ArchiveMode
}

/** Decides what to upload: pure, so every combination is unit-tested. */
export function planUploads(o: PlanOptions): UploadPlan[] {
  const { files, found } = o
  const single = files.length === 1 && !found.namedFolder
  if (o.archive === 'never' || (o.archive === 'auto' && single)) {
    if (files.length > 1 && o.name !== undefined) {
      throw new ActionInputError(
        Inputs.name,
        `With '${Inputs.archive}: ${o.archive}' the ${files.length} matched files become ${files.length} result files, each named after its file, so one name cannot apply, got ${quoteValue(o.name)}. Accepted: no '${Inputs.name}', or '${Inputs.archive}: auto' / 'always' to post them as one archive`
      )
    }
    return files.map(file => ({
      kind: 'file',
      name: o.name ?? path.basename(file.path),
      file
    }))
  }
  const name = o.name ?? defaultArchiveName(o)
  const fileName = /\.zip$/i.test(name) ? name : `${name}.zip`
  return [{ kind: 'archive', name, fileName, files, root: found.rootDirectory }]
}

function defaultArchiveName(o: PlanOptions): string {
  const positive = o.patterns.filter(p => !p.startsWith('!'))
  if (o.found.namedFolder && positive.length === 1) {
    const folder = path.basename(path.resolve(o.cwd, positive[0]))
    if (folder !== '') return folder
  }
  if (o.files.length === 1) return path.basename(o.files[0].path)
  return DEFAULT_ARCHIVE_NAME
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv
}

interface Posted {
  plan: UploadPlan
  result: UploadArtifactResult
}

export async function run(core: ActionCore, options: RunOptions = {}): Promise<void> {
  const env = options.env ?? process.env
  const connection = readConnection(core, { env, action: 'post-artifact' })
  const inputs = createInputReader(core)
  const taskId = inputs.integer(Inputs.taskId, { min: 1, max: Number.MAX_SAFE_INTEGER })
  const patterns = inputs.list(Inputs.path)
  if (patterns.length === 0) {
    throw new ActionInputError(
      Inputs.path,
      `Required input is empty. Accepted: files, folders or glob patterns, one per line, relative to the workspace (e.g. 'dist/' or 'reports/**/*.pdf')`
    )
  }
  const name = parseDisplayName(Inputs.name, inputs.raw(Inputs.name))
  const archive = inputs.enum(Inputs.archive, { values: ARCHIVE_MODES, default: 'auto' })
  const ifNoFilesFound = inputs.enum(Inputs.ifNoFilesFound, {
    values: NO_FILES_POLICIES,
    default: 'error'
  })

  const cwd = env.GITHUB_WORKSPACE || process.cwd()
  let found: FoundFiles
  try {
    found = await findFiles(patterns, cwd)
  } catch (e) {
    throw invalidInput(
      Inputs.path,
      `Cannot search these patterns (${e instanceof Error ? e.message : String(e)})`,
      patterns.join('\n'),
      'files, folders or glob patterns (@actions/glob syntax), one per line'
    )
  }
  if (found.files.length === 0) {
    const what = `No files match ${patterns.map(quoteValue).join(', ')} (searched from ${cwd})`
    if (ifNoFilesFound === 'error') {
      throw new ActionInputError(
        Inputs.path,
        `${what}. Accepted: paths or patterns that match at least one file; set '${Inputs.ifNoFilesFound}' to warn or ignore when nothing to post is fine`
      )
    }
    const message = `${what}; no result file posted.`
    if (ifNoFilesFound === 'warn') core.warning(message)
    else core.info(message)
    setOutputs(core, {
      [Outputs.artifactId]: '',
      [Outputs.artifactIds]: [],
      [Outputs.size]: '',
      [Outputs.sha256]: ''
    })
    return
  }
  const files: LocalFile[] = await Promise.all(
    found.files.map(async file => ({
      path: file,
      entryName: archiveEntryName(file, found.rootDirectory),
      size: (await stat(file)).size
    }))
  )
  const plans = planUploads({ found, files, patterns, cwd, name, archive })

  const client = new MaestroClient(connection)
  const posted: Posted[] = []
  try {
    await forEachLimited(plans, PARALLEL_UPLOADS, async plan => {
      const result = await upload(client, taskId, plan)
      posted.push({ plan, result })
      core.info(
        `Posted '${plan.name}' (${result.artifact.fileName || fileNameOf(plan)}) to task ${taskId} as result file ${result.artifact.id}: ${formatSize(result.size)}, sha256 ${result.sha256}`
      )
    })
  } finally {
    await client.close()
  }
  posted.sort((a, b) => plans.indexOf(a.plan) - plans.indexOf(b.plan))

  const first = posted[0].result
  setOutputs(core, {
    [Outputs.artifactId]: first.artifact.id,
    [Outputs.artifactIds]: posted.map(p => p.result.artifact.id),
    [Outputs.size]: first.size,
    [Outputs.sha256]: first.sha256
  })
  await writeSummary(core, {
    title:
      posted.length === 1
        ? `Result file posted to Maestro task ${taskId}`
        : `${posted.length} result files posted to Maestro task ${taskId}`,
    rows: summaryRows(posted)
  })
}

function fileNameOf(plan: UploadPlan): string {
  return plan.kind === 'file' ? path.basename(plan.file.path) : plan.fileName
}

function upload(
  client: MaestroClient,
  taskId: number,
  plan: UploadPlan
): Promise<UploadArtifactResult> {
  if (plan.kind === 'file') {
    return client.uploadArtifact({
      taskId,
      name: plan.name,
      filePath: plan.file.path,
      fileName: path.basename(plan.file.path)
    })
  }
  const total = plan.files.reduce((n, f) => n + f.size, 0)
  return client.uploadArtifact({
    taskId,
    name: plan.name,
    fileName: plan.fileName,
    // A fresh zip for each attempt: a retried send streams the same bytes again.
    open: () =>
      zipStream(
        plan.files.map(f => f.path),
        plan.root
      ),
    // Deflate rarely grows data; headers add ~100 bytes per entry.
    sizeHint: total + plan.files.length * 256
  })
}

function summaryRows(posted: Posted[]): Array<[string, string | number]> {
  const rows: Array<[string, string | number]> = []
  for (const { plan, result } of posted) {
    const id = result.artifact.id
    if (plan.kind === 'file') {
      rows.push([
        `${plan.name} (result file ${id})`,
        `${formatSize(result.size)}, sha256 ${result.sha256}`
      ])
      continue
    }
    rows.push([
      `${plan.name} (result file ${id})`,
      `${plan.fileName}: ${formatSize(result.size)}, sha256 ${result.sha256}`
    ])
    const listed = plan.files.slice(0, SUMMARY_FILE_ROWS)
    for (const f of listed) rows.push([`  ${f.entryName}`, formatSize(f.size)])
    const rest = plan.files.length - listed.length
    if (rest > 0) rows.push(['  …', plural(rest, 'more file')])
    const total = plan.files.reduce((n, f) => n + f.size, 0)
    rows.push([`  ${plan.files.length} files in total`, formatSize(total)])
  }
  return rows
}

/**
 * Runs `fn` over `items`, at most `limit` at a time. After the first failure no new item starts;
 * the ones running finish, then that first failure is thrown.
 */
async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>
): Promise<void> {
  let next = 0
  let failure: { error: unknown } | undefined
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      const item = items[next++]
      try {
        await fn(item)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  if (failure) throw failure.error
}
