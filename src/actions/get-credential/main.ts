// get-credential: reads keys of a Maestro credential set into masked step outputs and, with
// `export-env`, environment variables for the later steps. A value is never printed: it is masked
// (whole and line by line) before it is set anywhere, and the summary names labels and keys only.
import { MaestroClient, MaestroHttpError } from '../../maestro/index.js'
import { ConnectionInputKinds, ConnectionInputs, readConnection } from '../shared/connection.js'
import type { ActionCore } from '../shared/core.js'
import type { InputKindTable } from '../shared/input-kinds.js'
import { createInputReader } from '../shared/inputs.js'
import { maskSecret } from '../shared/secrets.js'
import { setOutputs, writeSummary } from '../shared/summary.js'
import { parseKeys, type KeySpec } from './keys.js'

export const Inputs = {
  ...ConnectionInputs,
  label: 'label',
  key: 'key',
  exportEnv: 'export-env'
} as const

export const Outputs = { value: 'value' } as const

export const InputKinds = {
  ...ConnectionInputKinds,
  [Inputs.label]: { kind: 'text', required: true, example: 'demo' },
  [Inputs.key]: {
    kind: 'lines',
    required: true,
    example: 'password',
    // spaces in a key, a bad variable name, two keys giving one name, the reserved output name
    invalid: ['db password', 'password as 1st', 'token\nTOKEN', 'user\nvalue']
  },
  [Inputs.exportEnv]: { kind: 'boolean' }
} as const satisfies InputKindTable<typeof Inputs>

/**
 * Fetches the values of `keys` with as few requests as the job allows.
 *
 * One key: GET /credential/{label}/key/{key}, the call made for exactly that (1 request).
 * Several keys: GET /credential/{label} once and pick the keys from the set (1 request instead of
 * one per key). The contract does not promise that the set's entries carry their values (a real
 * server might leave them out), so a key whose value is missing from the set, or that is not listed,
 * is read on its own; for a key that does not exist that read gives Maestro's own 404 naming the
 * label and the key.
 */
export async function fetchValues(
  client: Pick<MaestroClient, 'getCredentialValue' | 'getCredentialSet'>,
  label: string,
  keys: readonly string[]
): Promise<Map<string, string>> {
  const values = new Map<string, string>()
  const unique = [...new Set(keys)]
  if (unique.length === 1) {
    values.set(unique[0], await client.getCredentialValue(label, unique[0]))
    return values
  }
  let set
  try {
    set = await client.getCredentialSet(label)
  } catch (e) {
    if (e instanceof MaestroHttpError && e.status === 404) {
      // The set's 404 names only the label: say which keys were wanted too.
      throw new MaestroHttpError({
        operation: `read keys ${unique.map(k => `'${k}'`).join(', ')} of credential '${label}'`,
        method: e.method,
        path: e.path,
        status: e.status,
        serverMessage: e.serverMessage,
        hint: e.hint,
        attempts: e.attempts
      })
    }
    throw e
  }
  const inSet = new Map<string, unknown>()
  for (const s of Array.isArray(set?.secrets) ? set.secrets : []) {
    if (typeof s?.key === 'string') inSet.set(s.key, s.value)
  }
  for (const key of unique) {
    const value = inSet.get(key)
    values.set(key, typeof value === 'string' ? value : await client.getCredentialValue(label, key))
  }
  return values
}

export async function run(core: ActionCore): Promise<void> {
  const connection = readConnection(core, { action: 'get-credential' })
  const inputs = createInputReader(core)
  const label = inputs.required(Inputs.label)
  const exportEnv = inputs.boolean(Inputs.exportEnv, false)
  const specs: KeySpec[] = parseKeys(Inputs.key, inputs.list(Inputs.key), {
    exportEnv,
    reservedOutputs: [Outputs.value]
  })

  const client = new MaestroClient(connection)
  let values: Map<string, string>
  try {
    values = await fetchValues(
      client,
      label,
      specs.map(s => s.key)
    )
  } finally {
    await client.close()
  }

  // The client's onSecret masked each value as it arrived; mask again here so this action's own
  // guarantee does not rest on the client: nothing below may run before every value is masked.
  for (const value of values.values()) maskSecret(core, value)

  const outputs: Record<string, string> = {
    [Outputs.value]: specs.length === 1 ? values.get(specs[0].key)! : ''
  }
  for (const spec of specs) outputs[spec.output] = values.get(spec.key)!
  setOutputs(core, outputs)
  if (exportEnv) for (const spec of specs) core.exportVariable(spec.env, values.get(spec.key)!)

  const names = specs.map(s =>
    exportEnv ? `${s.key} → output ${s.output}, env ${s.env}` : `${s.key} → output ${s.output}`
  )
  core.info(
    `Read ${specs.length === 1 ? 'key' : `${specs.length} keys`} of credential '${label}': ${specs
      .map(s => s.key)
      .join(', ')}${exportEnv ? ' (exported as environment variables)' : ''}`
  )
  await writeSummary(core, {
    title: `Credential '${label}' read`,
    rows: [
      ['Label', label],
      ['Keys', names.join('; ')],
      ['Exported to the environment', exportEnv ? 'yes' : 'no']
    ]
  })
}
