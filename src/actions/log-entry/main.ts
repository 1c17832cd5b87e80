// log-entry: adds one row to a Maestro execution log, creating the log first when it does not
// exist and `columns` says what it looks like.
//
// Round trips: the row is POSTed straight away (1 request after the login). Only when that fails
// are more made: 404 with `columns` -> create the log, post again (3); a 400 -> read the log once
// to list its real columns in the error.
import { MaestroClient, MaestroHttpError, type Log } from '../../maestro/index.js'
import { ConnectionInputKinds, ConnectionInputs, readConnection } from '../shared/connection.js'
import type { ActionCore } from '../shared/core.js'
import type { InputKindTable } from '../shared/input-kinds.js'
import { ActionInputError, createInputReader } from '../shared/inputs.js'
import { setOutputs, writeSummary } from '../shared/summary.js'
import { parseColumns, parseValues, type Column } from './parse.js'

export const Inputs = {
  ...ConnectionInputs,
  log: 'log',
  values: 'values',
  columns: 'columns'
} as const

export const Outputs = { log: 'log', entry: 'entry' } as const

export const InputKinds = {
  ...ConnectionInputKinds,
  [Inputs.log]: { kind: 'text', required: true, example: 'releases' },
  [Inputs.values]: {
    kind: 'mapping',
    required: true,
    example: '{"version": "1.0"}',
    invalid: ['{"version": [1, 2]}', '{"": "x"}']
  },
  [Inputs.columns]: {
    kind: 'sequence',
    invalid: [
      '[{"label": "version", "width": -1}]',
      '[{"name": "Version"}]',
      '["version", "version"]'
    ]
  }
} as const satisfies InputKindTable<typeof Inputs>

const list = (labels: readonly string[]) => labels.map(l => `'${l}'`).join(', ')

function describeColumns(log: Pick<Log, 'columns'>): string {
  return (log.columns ?? [])
    .map(c => (c.name && c.name !== c.label ? `'${c.label}' (${c.name})` : `'${c.label}'`))
    .join(', ')
}

type Client = Pick<MaestroClient, 'addLogEntry' | 'createLog' | 'getLog'>

/** Posts the row; returns whether the log had to be created. */
export async function addEntry(
  client: Client,
  label: string,
  row: Record<string, string>,
  columns: Column[] | undefined
): Promise<boolean> {
  try {
    await client.addLogEntry(label, row)
    return false
  } catch (e) {
    if (!(e instanceof MaestroHttpError)) throw e
    if (e.status === 404) {
      if (!columns) {
        throw new MaestroHttpError({
          operation: e.operation,
          method: e.method,
          path: e.path,
          status: e.status,
          serverMessage: e.serverMessage,
          hint: `execution log '${label}' does not exist in this workspace: check the label (labels are case-sensitive), or give the '${Inputs.columns}' input to create it.`,
          attempts: e.attempts
        })
      }
      try {
        await client.createLog({ activityLabel: label, columns })
      } catch (created) {
        // 409: another job created it in the meantime; the post below is all that is left.
        if (!(created instanceof MaestroHttpError && created.status === 409)) throw created
      }
      await client.addLogEntry(label, row)
      return true
    }
    if (e.status === 400) {
      let log: Log
      try {
        log = await client.getLog(label)
      } catch {
        throw e
      }
      const known = new Set((log.columns ?? []).map(c => c.label))
      const unknown = Object.keys(row).filter(k => !known.has(k))
      if (unknown.length === 0) throw e
      throw new ActionInputError(
        Inputs.values,
        `Execution log '${label}' has no column ${list(unknown)}. Accepted: its column labels ${describeColumns(log)}`
      )
    }
    throw e
  }
}

export async function run(core: ActionCore): Promise<void> {
  const connection = readConnection(core, { action: 'log-entry' })
  const inputs = createInputReader(core)
  const label = inputs.required(Inputs.log)
  const row = parseValues(Inputs.values, inputs.raw(Inputs.values))
  const columns = parseColumns(Inputs.columns, inputs.raw(Inputs.columns))
  if (columns) {
    // A row that does not fit the columns given would create the log and then fail on the post.
    const known = new Set(columns.map(c => c.label))
    const unknown = Object.keys(row).filter(k => !known.has(k))
    if (unknown.length > 0) {
      throw new ActionInputError(
        Inputs.values,
        `No column ${list(unknown)} in '${Inputs.columns}'. Accepted: the labels given in '${Inputs.columns}': ${list([...known])}`
      )
    }
  }

  const client = new MaestroClient(connection)
  let created: boolean
  try {
    created = await addEntry(client, label, row, columns)
  } finally {
    await client.close()
  }

  setOutputs(core, { [Outputs.log]: label, [Outputs.entry]: row })
  core.info(
    `${created ? `Created execution log '${label}' and added` : 'Added'} an entry to it: ${JSON.stringify(row)}`
  )
  await writeSummary(core, {
    title: `Entry added to execution log '${label}'`,
    rows: [
      ['Log', label],
      ['Log created', created ? `yes, with columns ${columns!.map(c => c.label).join(', ')}` : ''],
      ...Object.entries(row).map(([k, v]) => [`Column '${k}'`, v] as const)
    ]
  })
}
