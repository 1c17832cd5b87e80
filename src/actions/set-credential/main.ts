// set-credential: creates or updates one key of a Maestro credential set, creating the set when it
// does not exist. The value is masked (whole, line by line and JSON-escaped) before any other input
// is read or anything is printed, and it is never written anywhere but the request body.
//
// Round trips after the login: read the set (1), then create it with the key (2), add the key (2)
// or replace the set with the key's new value (2).
import { MaestroClient, MaestroHttpError, type SetCredentialOutcome } from '../../maestro/index.js'
import { ConnectionInputKinds, ConnectionInputs, readConnection } from '../shared/connection.js'
import type { ActionCore } from '../shared/core.js'
import type { InputKindTable } from '../shared/input-kinds.js'
import {
  ActionInputError,
  checkInputLength,
  createInputReader,
  parseOneLine
} from '../shared/inputs.js'
import { maskSecret } from '../shared/secrets.js'
import { setOutputs, writeSummary } from '../shared/summary.js'

export const Inputs = {
  ...ConnectionInputs,
  label: 'label',
  key: 'key',
  value: 'value'
} as const

export const Outputs = { created: 'created', setCreated: 'set-created' } as const

export const InputKinds = {
  ...ConnectionInputKinds,
  // a line break, a control character, longer than MAX_NAME_LENGTH
  [Inputs.label]: {
    kind: 'text',
    required: true,
    example: 'erp',
    invalid: ['erp\nprod', 'erp\u0007', 'l'.repeat(257)]
  },
  [Inputs.key]: {
    kind: 'text',
    required: true,
    example: 'password',
    invalid: ['pass\nword', 'k'.repeat(257)]
  },
  // whitespace only: never stored as a secret
  [Inputs.value]: { kind: 'secret', required: true, invalid: [' \n\t '] }
} as const satisfies InputKindTable<typeof Inputs>

/** Far above any key, token or certificate chain; a bigger value is most likely a mistake. */
export const MAX_VALUE_BYTES = 64 * 1024
export const MAX_NAME_LENGTH = 256

/**
 * A credential label or key: one line of text without control characters, at most 256
 * characters, as written (labels and keys are case-sensitive).
 */
export function parseName(input: string, raw: string, what: string): string {
  return parseOneLine(input, raw, {
    accepted: `a ${what}: one line of text, at most ${MAX_NAME_LENGTH} characters, no control characters`,
    maxLength: MAX_NAME_LENGTH,
    controlProblem: `The ${what} holds a line break or control character`,
    tooLongProblem: `The ${what} is too long`
  })
}

/**
 * The value as given, not trimmed: a trailing newline (a `|` block) is part of it. Its text is
 * never quoted in an error.
 */
export function checkValue(input: string, value: string): string {
  const accepted = `the secret text, 1 byte to ${MAX_VALUE_BYTES / 1024} KiB, stored exactly as given (use \`|-\` in YAML to drop a trailing newline)`
  if (value === '')
    throw new ActionInputError(input, `Required input is empty. Accepted: ${accepted}`)
  if (value.trim() === '') {
    throw new ActionInputError(input, `The value holds only whitespace. Accepted: ${accepted}`)
  }
  // The limit every input has (read here without the shared reader, to keep it untrimmed); the
  // byte count below still catches a shorter text of multi-byte characters.
  checkInputLength(input, value)
  const bytes = Buffer.byteLength(value, 'utf8')
  if (bytes > MAX_VALUE_BYTES) {
    throw new ActionInputError(
      input,
      `The value is too long (${bytes} bytes). Accepted: ${accepted}`
    )
  }
  return value
}

/**
 * Sets the key, once more if another job created the set between our read and our create (409):
 * the second round finds the set and adds or updates the key. Never re-sends a create.
 */
export async function storeValue(
  client: Pick<MaestroClient, 'setCredentialValue'>,
  label: string,
  key: string,
  value: string
): Promise<SetCredentialOutcome> {
  try {
    return await client.setCredentialValue(label, key, value)
  } catch (e) {
    if (!(e instanceof MaestroHttpError && e.status === 409)) throw e
    return client.setCredentialValue(label, key, value)
  }
}

const OUTCOME_TEXT: Record<SetCredentialOutcome, string> = {
  'created-set': 'created the credential set with this key',
  'added-key': 'added the key to the credential set',
  'updated-key': 'replaced the value of the existing key'
}

export async function run(core: ActionCore): Promise<void> {
  // Before readConnection, which reads other inputs and may print a warning.
  const value = core.getInput(Inputs.value, { trimWhitespace: false })
  maskSecret(core, value)
  // It travels in a JSON body: a server echoing the body would show it escaped.
  const escaped = JSON.stringify(value).slice(1, -1)
  if (escaped !== value) maskSecret(core, escaped)

  const connection = readConnection(core, { action: 'set-credential' })
  const inputs = createInputReader(core, { secrets: [Inputs.value] })
  const label = parseName(Inputs.label, inputs.raw(Inputs.label), 'credential label')
  const key = parseName(Inputs.key, inputs.raw(Inputs.key), 'credential key')
  checkValue(Inputs.value, value)

  const client = new MaestroClient(connection)
  let outcome: SetCredentialOutcome
  try {
    outcome = await storeValue(client, label, key, value)
  } finally {
    await client.close()
  }

  setOutputs(core, {
    [Outputs.created]: outcome !== 'updated-key',
    [Outputs.setCreated]: outcome === 'created-set'
  })
  core.info(`Credential '${label}', key '${key}': ${OUTCOME_TEXT[outcome]}.`)
  await writeSummary(core, {
    title: `Credential '${label}' key '${key}' set`,
    rows: [
      ['Label', label],
      ['Key', key],
      ['Result', OUTCOME_TEXT[outcome]],
      ['Value', 'stored; never shown']
    ]
  })
}
