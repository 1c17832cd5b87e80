// manage-log: creates, deletes or exports a Maestro execution log.
//
// Round trips after the login: create 1; delete 1; export 1 to read the log's columns, then one
// per page of entries (500 a page), written to disk as they arrive.
import { existsSync, statSync } from 'node:fs'
import { dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path'
import { MaestroClient, MaestroHttpError, type Log } from '../../maestro/index.js'
import { parseColumns, type Column } from '../log-entry/parse.js'
import { ConnectionInputKinds, ConnectionInputs, readConnection } from '../shared/connection.js'
import type { ActionCore } from '../shared/core.js'
import { refuseWindowsPath } from '../shared/file-names.js'
import type { InputKindTable } from '../shared/input-kinds.js'
import {
  ActionInputError,
  createInputReader,
  invalidInput,
  parseOneLine,
  type InputReader
} from '../shared/inputs.js'
import { plural, setOutputs, writeSummary } from '../shared/summary.js'
import { writeExport, type ExportFormat } from './export.js'

export const Inputs = {
  ...ConnectionInputs,
  log: 'log',
  operation: 'operation',
  columns: 'columns',
  confirm: 'confirm',
  path: 'path',
  format: 'format',
  days: 'days',
  sinceDate: 'since-date'
} as const

export const Outputs = { path: 'path', rows: 'rows' } as const

export const OPERATIONS = ['create', 'delete', 'export'] as const
export type Operation = (typeof OPERATIONS)[number]
export const FORMATS: readonly ExportFormat[] = ['csv', 'json']
export const DEFAULT_DAYS = 30
export const MAX_DAYS = 3650
export const MAX_LABEL_LENGTH = 256

export const InputKinds = {
  ...ConnectionInputKinds,
  [Inputs.log]: {
    kind: 'text',
    required: true,
    example: 'releases',
    invalid: ['releases\nnightly', 'x'.repeat(MAX_LABEL_LENGTH + 1)]
  },
  [Inputs.operation]: { kind: 'enum', values: OPERATIONS, required: true },
  // With the matrix's base (operation create, the first value) the export and delete inputs are
  // refused as belonging to another operation; columns get their own checks.
  [Inputs.columns]: {
    kind: 'sequence',
    invalid: ['[{"label": "version", "width": -1}]', '["version", "version"]']
  },
  [Inputs.confirm]: { kind: 'text' },
  [Inputs.path]: { kind: 'text' },
  [Inputs.format]: { kind: 'enum', values: FORMATS },
  [Inputs.days]: { kind: 'integer', min: 1, max: MAX_DAYS },
  [Inputs.sinceDate]: { kind: 'date' }
} as const satisfies InputKindTable<typeof Inputs>

/** Which inputs each operation reads; any other one given is a mistake worth stopping for. */
const OPERATION_INPUTS: Record<Operation, readonly string[]> = {
  create: [Inputs.columns],
  delete: [Inputs.confirm],
  export: [Inputs.path, Inputs.format, Inputs.days, Inputs.sinceDate]
}

export function parseLogLabel(input: string, raw: string): string {
  return parseOneLine(input, raw, {
    accepted: `the log's label: one line of text, at most ${MAX_LABEL_LENGTH} characters`,
    maxLength: MAX_LABEL_LENGTH,
    controlProblem: 'The label holds a line break or control character',
    tooLongProblem: 'The label is too long'
  })
}

/**
 * Where to write the export: relative paths are taken from the workspace and must stay inside it
 * (an absolute path, e.g. under $RUNNER_TEMP, may go elsewhere); not a folder. Missing parent
 * folders are created when the file is written. On Windows a name Windows cannot create (or would
 * open as a device, like CON) is refused here, before any request.
 */
export function parseOutputPath(
  input: string,
  raw: string,
  baseDir: string,
  platform: NodeJS.Platform = process.platform
): string {
  const accepted =
    'a file path, relative to the workspace (and inside it) or absolute, e.g. exports/log.csv'
  const value = raw.trim()
  if (value === '')
    throw new ActionInputError(input, `Required input is empty. Accepted: ${accepted}`)
  if (value.includes('\0'))
    throw invalidInput(input, 'The path holds a NUL character', JSON.stringify(value), accepted)
  if (/[\\/]$/.test(value))
    throw invalidInput(input, 'The path names a folder, not a file', value, accepted)
  refuseWindowsPath(input, value, accepted, platform)
  const full = resolve(baseDir, value)
  if (!isAbsolute(value)) {
    const inside = relative(baseDir, full)
    if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
      throw invalidInput(
        input,
        `The path leads outside the workspace (${full})`,
        value,
        `${accepted}; give an absolute path to write outside the workspace`
      )
    }
  }
  if (existsSync(full) && statSync(full).isDirectory()) {
    throw invalidInput(input, `${full} is a folder`, value, accepted)
  }
  // The nearest existing ancestor must be a folder, or the write would fail after the requests.
  let parent = dirname(full)
  while (!existsSync(parent) && dirname(parent) !== parent) parent = dirname(parent)
  if (!statSync(parent).isDirectory()) {
    throw invalidInput(input, `${parent} is a file, not a folder`, value, accepted)
  }
  return full
}

/** `format`, or from the file's extension: `.json` is JSON, anything else CSV. */
export function chooseFormat(reader: InputReader, path: string): ExportFormat {
  return (
    reader.optionalEnum(Inputs.format, { values: FORMATS }) ??
    (extname(path).toLowerCase() === '.json' ? 'json' : 'csv')
  )
}

export type Window = { days: number; since?: undefined } | { since: string; days?: undefined }

/** `days` or `since-date` (not both); neither: the last 30 days. */
export function readWindow(reader: InputReader, now = Date.now()): Window {
  const daysRaw = reader.raw(Inputs.days)
  const sinceRaw = reader.raw(Inputs.sinceDate)
  if (daysRaw !== '' && sinceRaw !== '') {
    throw new ActionInputError(
      Inputs.sinceDate,
      `'${Inputs.days}' and '${Inputs.sinceDate}' were both given ('${daysRaw}' and '${sinceRaw}'). Accepted: one of them, or neither for the last ${DEFAULT_DAYS} days`
    )
  }
  const since = reader.dateTime(Inputs.sinceDate)
  if (since !== undefined) {
    if (Date.parse(since) > now + 60_000) {
      throw invalidInput(
        Inputs.sinceDate,
        'The date is in the future',
        sinceRaw,
        'a date and time in the past, e.g. 2026-01-31 or 2026-01-31T18:00:00Z'
      )
    }
    return { since }
  }
  return { days: reader.integer(Inputs.days, { min: 1, max: MAX_DAYS, default: DEFAULT_DAYS }) }
}

type Plan =
  | { operation: 'create'; columns: Column[] }
  | { operation: 'delete' }
  | { operation: 'export'; path: string; format: ExportFormat; window: Window }

function readPlan(reader: InputReader, operation: Operation, label: string): Plan {
  for (const [other, inputs] of Object.entries(OPERATION_INPUTS)) {
    if (other === operation) continue
    for (const input of inputs) {
      if (OPERATION_INPUTS[operation].includes(input) || reader.raw(input) === '') continue
      throw new ActionInputError(
        input,
        `'${input}' is only used by operation ${other}, and this step's operation is ${operation}. Accepted: remove '${input}', or set '${Inputs.operation}: ${other}'`
      )
    }
  }
  if (operation === 'create') {
    const columns = parseColumns(Inputs.columns, reader.raw(Inputs.columns))
    if (!columns) {
      throw new ActionInputError(
        Inputs.columns,
        'Required input is empty (operation create needs the columns). Accepted: a JSON or YAML list of columns, each {label, name?, width?} or just a label, e.g. [{"name": "Version", "label": "version"}, "result"]'
      )
    }
    return { operation, columns }
  }
  if (operation === 'delete') {
    const confirm = reader.raw(Inputs.confirm)
    if (confirm !== label) {
      const problem =
        confirm === ''
          ? 'Deleting a log needs a confirmation'
          : 'The confirmation does not match the log label'
      throw new ActionInputError(
        Inputs.confirm,
        `${problem}${confirm === '' ? '' : `, got '${confirm}'`}. Accepted: the log label again, '${label}' (a deleted log and its entries cannot be recovered)`
      )
    }
    return { operation }
  }
  const baseDir = process.env.GITHUB_WORKSPACE || process.cwd()
  const path = parseOutputPath(Inputs.path, reader.raw(Inputs.path), baseDir)
  return { operation, path, format: chooseFormat(reader, path), window: readWindow(reader) }
}

/** The client's error with a hint of ours, for the statuses where we know better what to say. */
function withHint(e: unknown, status: number, hint: string): unknown {
  if (!(e instanceof MaestroHttpError) || e.status !== status) return e
  return new MaestroHttpError({
    operation: e.operation,
    method: e.method,
    path: e.path,
    status: e.status,
    serverMessage: e.serverMessage,
    hint,
    attempts: e.attempts
  })
}

function describeWindow(window: Window): string {
  return window.since !== undefined
    ? `since ${window.since}`
    : `the last ${plural(window.days, 'day')}`
}

export async function run(core: ActionCore): Promise<void> {
  const connection = readConnection(core, { action: 'manage-log' })
  const reader = createInputReader(core)
  const label = parseLogLabel(Inputs.log, reader.raw(Inputs.log))
  const operation = reader.enum(Inputs.operation, { values: OPERATIONS })
  const plan = readPlan(reader, operation, label)

  const client = new MaestroClient(connection)
  try {
    if (plan.operation === 'create') {
      let log: Log
      try {
        log = await client.createLog({ activityLabel: label, columns: plan.columns })
      } catch (e) {
        throw withHint(
          e,
          409,
          `execution log '${label}' already exists in this workspace; its columns cannot be changed: delete it first (operation delete), or pick another label.`
        )
      }
      setOutputs(core, { [Outputs.path]: '', [Outputs.rows]: '' })
      const columns = (log?.columns?.length ? log.columns : plan.columns).map(c => c.label)
      core.info(`Created execution log '${label}' with columns ${columns.join(', ')}.`)
      await writeSummary(core, {
        title: `Execution log '${label}' created`,
        rows: [
          ['Log', label],
          [
            'Columns',
            plan.columns
              .map(c => (c.name === c.label ? c.label : `${c.name} (${c.label})`))
              .join(', ')
          ]
        ]
      })
      return
    }

    if (plan.operation === 'delete') {
      try {
        await client.deleteLog(label)
      } catch (e) {
        // A retried delete that finds nothing: the earlier try most likely went through and only its
        // answer was lost. Saying "nothing was deleted" then would be wrong.
        if (!(e instanceof MaestroHttpError && e.status === 404 && e.attempts > 1)) {
          throw withHint(
            e,
            404,
            `execution log '${label}' does not exist in this workspace, so nothing was deleted: check the label (labels are case-sensitive).`
          )
        }
        core.warning(
          `Maestro answered 404 to try ${e.attempts} of deleting execution log '${label}': an earlier try whose answer was lost most likely deleted it (or the log did not exist).`
        )
      }
      setOutputs(core, { [Outputs.path]: '', [Outputs.rows]: '' })
      core.info(`Deleted execution log '${label}' and its entries.`)
      await writeSummary(core, {
        title: `Execution log '${label}' deleted`,
        rows: [['Log', label]]
      })
      return
    }

    const log = await client.getLog(label)
    const columns = Array.isArray(log?.columns) ? log.columns : []
    const rows = await writeExport(
      client.logEntryPages(
        label,
        plan.window.since !== undefined ? { since: plan.window.since } : { days: plan.window.days }
      ),
      { path: plan.path, format: plan.format, columns }
    )
    setOutputs(core, { [Outputs.path]: plan.path, [Outputs.rows]: rows })
    core.info(
      `Exported ${rows} entr${rows === 1 ? 'y' : 'ies'} of execution log '${label}' (${describeWindow(plan.window)}) to ${plan.path} as ${plan.format.toUpperCase()}.`
    )
    await writeSummary(core, {
      title: `Execution log '${label}' exported`,
      rows: [
        ['Log', label],
        ['Entries', describeWindow(plan.window)],
        ['Rows', rows],
        ['File', plan.path],
        ['Format', plan.format.toUpperCase()]
      ]
    })
  } finally {
    await client.close()
  }
}
