// Registers an error entry for a failed pipeline, meant for `if: failure()` steps: one error
// record (never created twice: the client retries a create only when it was never sent), then its
// screenshot and one upload per attachment, streamed from disk. An upload that fails after the
// record exists does not undo it: the step says which id exists and which files are missing.
// With `fail-on-error: false` every Maestro failure is a warning; bad inputs still fail the step.
import { statSync, type Stats } from 'node:fs'
import { open } from 'node:fs/promises'
import path from 'node:path'
import { MaestroClient } from '../../maestro/index.js'
import { ConnectionInputKinds, ConnectionInputs, readConnection } from '../shared/connection.js'
import type { ActionCore } from '../shared/core.js'
import { failOrWarn } from '../shared/fail-on-error.js'
import { overlongName } from '../shared/file-names.js'
import { findFiles, samePath } from '../shared/files.js'
import { readGithubContext, type GithubContext } from '../shared/github-context.js'
import type { InputKindTable } from '../shared/input-kinds.js'
import {
  ActionInputError,
  CONTROL_CHARS,
  createInputReader,
  invalidInput,
  quoteValue,
  refuseControlChars,
  withoutByteOrderMark
} from '../shared/inputs.js'
import { checkReadableFile } from '../shared/permissions.js'
import { ActionFailure, describeFailure } from '../shared/run.js'
import { formatSize, plural, setOutputs, writeSummary } from '../shared/summary.js'

export const ACTION_NAME = 'Report error'

export const Inputs = {
  ...ConnectionInputs,
  taskId: 'task-id',
  type: 'type',
  message: 'message',
  details: 'details',
  tags: 'tags',
  screenshot: 'screenshot',
  attachments: 'attachments',
  failOnError: 'fail-on-error'
} as const

export const Outputs = { errorId: 'error-id' } as const

export const DEFAULT_ERROR_TYPE = 'GitHubActionsJobFailed'
export const MAX_TYPE_LENGTH = 200
export const MAX_MESSAGE_LENGTH = 32_768
/** The stack trace travels inside a JSON body: larger details keep their end (where errors are). */
export const MAX_DETAILS_BYTES = 64 * 1024
/** A value longer than this, or with a line break, is text, never a path. */
const MAX_PATH_LENGTH = 4096
export const MAX_TAGS = 50
export const MAX_TAG_NAME_LENGTH = 128
export const MAX_TAG_VALUE_LENGTH = 1024
/** A pattern as broad as `**` should fail before anything is created, not upload a workspace. */
export const MAX_ATTACHMENTS = 20

// A missing screenshot or an attachment pattern that matches nothing is only a warning (the job
// may have died before writing them): the bad values are unusable paths, not absent files.
export const InputKinds = {
  ...ConnectionInputKinds,
  [Inputs.taskId]: { kind: 'integer', min: 1, max: Number.MAX_SAFE_INTEGER, required: true },
  [Inputs.type]: {
    kind: 'text',
    invalid: ['Timeout\nError', 'x'.repeat(MAX_TYPE_LENGTH + 1)]
  },
  [Inputs.message]: { kind: 'text', invalid: ['x'.repeat(MAX_MESSAGE_LENGTH + 1)] },
  // '.' is the workspace: a folder, neither text nor a file.
  [Inputs.details]: { kind: 'text', invalid: ['.'] },
  [Inputs.tags]: {
    kind: 'mapping',
    invalid: ['{"stage": [1, 2]}', '{"": "x"}', '{"a\u0007b": "x"}']
  },
  [Inputs.screenshot]: {
    kind: 'text',
    invalid: ['shot\u0007.png', '.', `${'x'.repeat(300)}.png`]
  },
  [Inputs.attachments]: {
    kind: 'lines',
    invalid: ['logs/\u0007.log', `${'x'.repeat(5000)}.log`]
  },
  [Inputs.failOnError]: { kind: 'boolean' }
} as const satisfies InputKindTable<typeof Inputs>

/** Tags from the workflow run; nothing secret (no token, no event payload). Empty ones left out. */
export function defaultTags(ctx: GithubContext): Record<string, string> {
  const tags: Record<string, string> = {
    repository: ctx.repository,
    workflow: ctx.workflow,
    job: ctx.job,
    run_id: ctx.runId,
    run_url: ctx.runUrl ?? '',
    sha: ctx.sha,
    ref: ctx.ref,
    actor: ctx.actor,
    runner_os: ctx.runnerOs,
    node_version: process.version
  }
  return Object.fromEntries(Object.entries(tags).filter(([, v]) => v !== ''))
}

/** `Job 'test' failed in workflow 'CI' run #42 (acme/bots).`, or a plain fallback. */
export function defaultErrorMessage(ctx: GithubContext): string {
  if (!ctx.workflow) return 'Reported from GitHub Actions.'
  const job = ctx.job ? `Job '${ctx.job}' failed` : 'A job failed'
  const run = ctx.runNumber ? ` run #${ctx.runNumber}` : ''
  const where = ctx.repository ? ` (${ctx.repository})` : ''
  return `${job} in workflow '${ctx.workflow}'${run}${where}.`
}

export function parseErrorType(input: string, raw: string): string {
  const value = raw.trim()
  if (value === '') return DEFAULT_ERROR_TYPE
  const accepted = `one line of at most ${MAX_TYPE_LENGTH} characters, e.g. ${DEFAULT_ERROR_TYPE} or TimeoutError`
  if (CONTROL_CHARS.test(value)) {
    throw invalidInput(input, 'Line breaks and control characters are not allowed', value, accepted)
  }
  if (value.length > MAX_TYPE_LENGTH) throw invalidInput(input, 'Too long', value, accepted)
  return value
}

export function parseErrorMessage(input: string, raw: string, fallback: string): string {
  const value = raw.trim()
  if (value === '') return fallback
  if (value.length > MAX_MESSAGE_LENGTH) {
    throw invalidInput(
      input,
      `Too long (${value.length} characters)`,
      value,
      `at most ${MAX_MESSAGE_LENGTH} characters; put a long text such as a log in 'details' (its end is kept) or in 'attachments'`
    )
  }
  return value
}

/**
 * Tag values as Maestro stores them (string to string). Numbers and booleans become their text,
 * null an empty text; a list or a mapping is refused rather than flattened in some made-up way.
 */
export function parseTags(input: string, mapping: Record<string, unknown>): Record<string, string> {
  const accepted = `a mapping of names to text, numbers or booleans, at most ${MAX_TAGS} tags, names up to ${MAX_TAG_NAME_LENGTH} and values up to ${MAX_TAG_VALUE_LENGTH} characters, e.g. {"stage": "deploy", "attempt": 2}`
  const entries = Object.entries(mapping)
  if (entries.length > MAX_TAGS) {
    throw new ActionInputError(input, `Too many tags (${entries.length}). Accepted: ${accepted}`)
  }
  const tags: Record<string, string> = {}
  for (const [name, value] of entries) {
    if (name.trim() === '' || name.length > MAX_TAG_NAME_LENGTH || CONTROL_CHARS.test(name)) {
      throw invalidInput(input, 'Not a usable tag name', name, accepted)
    }
    if (value !== null && typeof value === 'object') {
      throw invalidInput(
        input,
        `Tag '${name}' is a ${Array.isArray(value) ? 'list' : 'mapping'}`,
        JSON.stringify(value),
        accepted
      )
    }
    const text = value === null || value === undefined ? '' : String(value)
    if (text.length > MAX_TAG_VALUE_LENGTH) {
      throw invalidInput(input, `Tag '${name}' is too long`, text, accepted)
    }
    tags[name] = text
  }
  return tags
}

/** What is at `file`: stats, undefined when nothing is there, or the error code of a bad path. */
function statPath(file: string): Stats | undefined | { code: string } {
  try {
    return statSync(file, { throwIfNoEntry: false })
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    // A path through a file ("a.txt/b") names nothing, like a missing one.
    return code === 'ENOTDIR' ? undefined : { code: code ?? String(e) }
  }
}

/** An unreadable file is the workflow's problem, found before anything is created. */
function requireReadable(input: string, file: string, shown: string, accepted: string): void {
  try {
    checkReadableFile(file)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e)
    throw invalidInput(input, `Cannot read ${file} (${code})`, shown, accepted)
  }
}

export type Details =
  | { kind: 'none' }
  | { kind: 'text'; text: string; originalLength: number; truncated: boolean }
  | { kind: 'file'; file: string; size: number; text: string; truncated: boolean }

/** Looks like a file name rather than prose: one word with a slash or an extension. */
function looksLikePath(value: string): boolean {
  return !/\s/.test(value) && (/[/\\]/.test(value) || /\.[A-Za-z0-9]{1,6}$/.test(value))
}

/**
 * `details` is a path when it is one line naming an existing file (absolute or relative to the
 * workspace); otherwise it is the text itself. A folder is a mistake. Returns what to read.
 */
export function classifyDetails(
  input: string,
  raw: string,
  baseDir: string
):
  | { kind: 'none' }
  | { kind: 'text'; text: string; looksLikePath: boolean }
  | { kind: 'file'; file: string } {
  const value = raw.trim()
  if (value === '') return { kind: 'none' }
  if (value.length > MAX_PATH_LENGTH || CONTROL_CHARS.test(value))
    return { kind: 'text', text: value, looksLikePath: false }
  const file = path.resolve(baseDir, value)
  const found = statPath(file)
  // Not a usable path (e.g. a name too long for the file system): it is text.
  const info = found && 'code' in found ? undefined : found
  if (info?.isDirectory()) {
    throw invalidInput(
      input,
      `This names a folder (${file}), not a file`,
      value,
      'the error details as text, or a path to one file whose content is sent (its last 64 KiB when larger)'
    )
  }
  if (info?.isFile()) {
    requireReadable(input, file, value, 'a readable file, or the details as text')
    return { kind: 'file', file }
  }
  return { kind: 'text', text: value, looksLikePath: looksLikePath(value) }
}

/** The last `limit` bytes of a file, read without loading the rest; starts on a whole character. */
export async function readTail(
  file: string,
  limit: number
): Promise<{ text: string; size: number; truncated: boolean }> {
  const handle = await open(file, 'r')
  try {
    const { size } = await handle.stat()
    const length = Math.min(size, limit)
    const buffer = Buffer.alloc(length)
    let read = 0
    while (read < length) {
      const { bytesRead } = await handle.read(buffer, read, length - read, size - length + read)
      if (bytesRead === 0) break
      read += bytesRead
    }
    let start = 0
    // Skip UTF-8 continuation bytes cut off from their first byte.
    if (size > length) while (start < read && (buffer[start] & 0xc0) === 0x80) start++
    const text = buffer.subarray(start, read).toString('utf8')
    // The whole file: its byte order mark (if a Windows tool wrote one) is not text.
    return {
      text: size > length ? text : withoutByteOrderMark(text),
      size,
      truncated: size > length
    }
  } finally {
    await handle.close()
  }
}

/** Text details longer than the cap keep their end, with a note of what was left out. */
export function capText(
  text: string,
  limit: number = MAX_DETAILS_BYTES
): { text: string; truncated: boolean } {
  if (Buffer.byteLength(text) <= limit) return { text, truncated: false }
  const kept = Buffer.from(text).subarray(-limit)
  let start = 0
  while (start < kept.length && (kept[start] & 0xc0) === 0x80) start++
  return { text: kept.subarray(start).toString('utf8'), truncated: true }
}

export type LocalPath =
  | { kind: 'missing'; shown: string; file: string }
  | { kind: 'file'; shown: string; file: string; size: number }

const PATH_ACCEPTED = 'a path to a file, absolute or relative to the workspace'

/**
 * A path that may not exist yet: in an `if: failure()` step the job often failed before writing
 * its screenshot, and that must not stop the error from being reported (a warning says so).
 */
export function resolveOptionalFile(
  input: string,
  raw: string,
  baseDir: string,
  platform: NodeJS.Platform = process.platform,
  stat: (file: string) => Stats | undefined | { code: string } = statPath
): LocalPath | undefined {
  const value = raw.trim()
  if (value === '') return undefined
  refuseControlChars(input, value, PATH_ACCEPTED, 'Control characters are not allowed in a path')
  if (value.length > MAX_PATH_LENGTH)
    throw invalidInput(input, 'Too long for a path', value, PATH_ACCEPTED)
  const file = path.resolve(baseDir, value)
  // Checked here, not left to stat: Windows reports such a name as missing, which only warns.
  const overlong = overlongName(file, platform)
  if (overlong !== undefined) {
    throw invalidInput(
      input,
      `Not a usable path (the name '${overlong.slice(0, 40)}...' is longer than file systems allow)`,
      value,
      PATH_ACCEPTED
    )
  }
  const info = stat(file)
  if (info && 'code' in info) {
    throw invalidInput(input, `Not a usable path (${info.code})`, value, PATH_ACCEPTED)
  }
  if (!info) return { kind: 'missing', shown: value, file }
  if (!info.isFile()) throw invalidInput(input, `Not a regular file: ${file}`, value, PATH_ACCEPTED)
  requireReadable(input, file, value, PATH_ACCEPTED)
  return { kind: 'file', shown: value, file, size: info.size }
}

export interface Attachment {
  file: string
  /** The name shown in messages: relative to the workspace when inside it. */
  shown: string
  size: number
}

/**
 * Resolves attachment patterns one by one (each with every `!` exclusion), so a pattern that
 * matches nothing can be named. Files matched twice are attached once.
 */
export async function findAttachments(
  input: string,
  patterns: string[],
  baseDir: string
): Promise<{ files: Attachment[]; unmatched: string[] }> {
  const accepted = `files or glob patterns, one per line (e.g. logs/**/*.log), at most ${MAX_ATTACHMENTS} files in all`
  for (const p of patterns) {
    refuseControlChars(input, p, accepted, 'Control characters are not allowed in a path')
    if (p.length > MAX_PATH_LENGTH) throw invalidInput(input, 'Too long for a path', p, accepted)
  }
  const excludes = patterns.filter(p => p.startsWith('!'))
  const found = new Set<string>()
  const unmatched: string[] = []
  for (const pattern of patterns.filter(p => !p.startsWith('!'))) {
    let files: string[]
    try {
      files = (await findFiles([pattern, ...excludes], baseDir)).files
    } catch (e) {
      throw invalidInput(
        input,
        `Cannot search this pattern (${e instanceof Error ? e.message : String(e)})`,
        pattern,
        accepted
      )
    }
    if (files.length === 0) unmatched.push(pattern)
    for (const f of files) found.add(f)
  }
  if (found.size > MAX_ATTACHMENTS) {
    throw new ActionInputError(
      input,
      `The patterns match ${found.size} files, more than ${MAX_ATTACHMENTS}, got ${patterns.map(quoteValue).join(', ')}. Accepted: ${accepted}; for many files, post one archive with the post-artifact action`
    )
  }
  for (const file of found) requireReadable(input, file, shownPath(file, baseDir), accepted)
  const files = [...found].map(file => ({
    file,
    shown: shownPath(file, baseDir),
    size: statSync(file).size
  }))
  return { files, unmatched }
}

function shownPath(file: string, baseDir: string): string {
  const relative = path.relative(baseDir, file)
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv
}

interface UploadFailure {
  what: string
  reason: string
}

export async function run(core: ActionCore, options: RunOptions = {}): Promise<void> {
  const env = options.env ?? process.env
  const connection = readConnection(core, { env, action: 'report-error' })
  const baseDir = env.GITHUB_WORKSPACE || process.cwd()
  const inputs = createInputReader(core, { baseDir })
  const taskId = inputs.integer(Inputs.taskId, { min: 1, max: Number.MAX_SAFE_INTEGER })
  const failOnError = inputs.boolean(Inputs.failOnError, true)
  const ctx = readGithubContext(env)
  const type = parseErrorType(Inputs.type, inputs.raw(Inputs.type))
  const message = parseErrorMessage(
    Inputs.message,
    inputs.raw(Inputs.message),
    defaultErrorMessage(ctx)
  )
  const userTags = parseTags(Inputs.tags, inputs.mapping(Inputs.tags))
  const screenshot = resolveOptionalFile(Inputs.screenshot, inputs.raw(Inputs.screenshot), baseDir)
  const { files: attachments, unmatched } = await findAttachments(
    Inputs.attachments,
    inputs.list(Inputs.attachments),
    baseDir
  )
  const detailsSource = classifyDetails(Inputs.details, inputs.raw(Inputs.details), baseDir)

  let details: Details = { kind: 'none' }
  if (detailsSource.kind === 'text') {
    if (detailsSource.looksLikePath) {
      core.warning(
        `'${Inputs.details}' looks like a path but there is no file at ${path.resolve(baseDir, detailsSource.text)}: it is sent as text.`
      )
    }
    const capped = capText(detailsSource.text)
    details = { kind: 'text', originalLength: Buffer.byteLength(detailsSource.text), ...capped }
  } else if (detailsSource.kind === 'file') {
    const tail = await readTail(detailsSource.file, MAX_DETAILS_BYTES)
    details = { kind: 'file', file: detailsSource.file, ...tail }
    // The whole file still reaches Maestro, as an attachment (once: the patterns may have found
    // it spelled otherwise on a file system that ignores case).
    const attached = attachments.some(a => samePath(a.file, detailsSource.file))
    if (tail.truncated && !attached) {
      attachments.push({
        file: detailsSource.file,
        shown: shownPath(detailsSource.file, baseDir),
        size: tail.size
      })
    }
  }
  if (screenshot?.kind === 'missing') {
    core.warning(
      `No screenshot at ${screenshot.file} ('${Inputs.screenshot}'): the error is reported without one.`
    )
  }
  if (unmatched.length > 0) {
    core.warning(
      `No file matches ${unmatched.map(quoteValue).join(', ')} ('${Inputs.attachments}', searched from ${baseDir}): not attached.`
    )
  }
  const stackTrace = stackTraceText(details, baseDir)
  const tags = { ...defaultTags(ctx), ...userTags }

  const client = new MaestroClient(connection)
  const failures: UploadFailure[] = []
  const attached: Attachment[] = []
  let errorId: number
  let screenshotSent = false
  try {
    try {
      errorId = (await client.createError({ taskId, type, message, stackTrace, tags })).id
    } catch (thrown) {
      failOrWarn(core, ACTION_NAME, failOnError, thrown)
      setOutputs(core, { [Outputs.errorId]: '' })
      await writeSummary(core, {
        title: `Error not reported on task ${taskId}`,
        rows: [['Why', describeFailure(ACTION_NAME, thrown).message]]
      })
      return
    }
    core.info(`Error ${errorId} (${type}) reported on task ${taskId}: ${message.split('\n')[0]}`)

    const reasonOf = (thrown: unknown) => describeFailure(ACTION_NAME, thrown).message
    if (screenshot?.kind === 'file') {
      try {
        const sent = await client.uploadErrorScreenshot(errorId, screenshot.file)
        screenshotSent = true
        core.info(`Screenshot ${screenshot.shown} sent (${formatSize(sent.size)}).`)
      } catch (thrown) {
        failures.push({
          what: `screenshot ${quoteValue(screenshot.shown)}`,
          reason: reasonOf(thrown)
        })
      }
    }
    // One at a time: each is a create (never retried once sent), so order and counts stay exact.
    for (const attachment of attachments) {
      try {
        const sent = await client.uploadErrorAttachment(errorId, attachment.file)
        attached.push(attachment)
        core.info(`Attached ${attachment.shown} (${formatSize(sent.size)}).`)
      } catch (thrown) {
        failures.push({
          what: `attachment ${quoteValue(attachment.shown)}`,
          reason: reasonOf(thrown)
        })
      }
    }
  } finally {
    await client.close()
  }

  setOutputs(core, { [Outputs.errorId]: errorId })
  await writeSummary(core, {
    title: `Maestro error ${errorId} reported on task ${taskId}`,
    rows: [
      ['Error id', errorId],
      ['Type', type],
      ['Message', message],
      ['Details', describeDetails(details, baseDir)],
      [
        'Tags',
        Object.entries(tags)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')
      ],
      [
        'Screenshot',
        screenshot === undefined
          ? ''
          : `${screenshot.shown}: ${screenshotSent ? 'sent' : screenshot.kind === 'missing' ? 'not found' : 'NOT sent'}`
      ],
      ['Attachments', attached.map(a => `${a.shown} (${formatSize(a.size)})`).join(', ')],
      [
        'Not uploaded',
        [...failures.map(f => f.what), ...unmatched.map(p => `${quoteValue(p)} (no match)`)].join(
          ', '
        )
      ]
    ]
  })
  if (failures.length > 0) {
    const list = failures.map(f => `${f.what}: ${f.reason}`).join('; ')
    const total = attachments.length + (screenshot?.kind === 'file' ? 1 : 0)
    failOrWarn(
      core,
      ACTION_NAME,
      failOnError,
      new ActionFailure(
        `Error ${errorId} was created on task ${taskId} (it exists: do not report it again), but ${failures.length} of ${plural(total, 'file')} did not upload: ${list}`,
        { fromMaestro: true }
      )
    )
  }
}

function stackTraceText(details: Details, baseDir: string): string {
  if (details.kind === 'none') return ''
  if (!details.truncated) return details.text
  if (details.kind === 'file') {
    const shown = shownPath(details.file, baseDir)
    return `[… the first ${details.size - Buffer.byteLength(details.text)} bytes of ${shown} are left out here; the whole file is attached]\n${details.text}`
  }
  return `[… the first ${details.originalLength - Buffer.byteLength(details.text)} bytes are left out]\n${details.text}`
}

function describeDetails(details: Details, baseDir: string): string {
  if (details.kind === 'none') return ''
  if (details.kind === 'text') {
    return `text, ${formatSize(details.originalLength)}${details.truncated ? ` (last ${formatSize(MAX_DETAILS_BYTES)} sent)` : ''}`
  }
  const shown = shownPath(details.file, baseDir)
  return details.truncated
    ? `${shown}, ${formatSize(details.size)} (last ${formatSize(MAX_DETAILS_BYTES)} as the stack trace, the whole file attached)`
    : `${shown}, ${formatSize(details.size)}`
}
