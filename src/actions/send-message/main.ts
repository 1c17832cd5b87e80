// Sends a message (e-mail and Maestro notification) to workspace users and e-mail addresses.
// Maestro takes at most 50 recipients per message, so a longer list goes out as several messages
// of up to 50, one after another. Every address and login is checked before the first one is sent;
// a batch that fails stops the rest, and the error says how many recipients already got it.
import { readFile, stat } from 'node:fs/promises'
import {
  MaestroClient,
  MAX_MESSAGE_RECIPIENTS,
  MAYBE_DONE_HINT,
  type MessageType
} from '../../maestro/index.js'
import { ConnectionInputKinds, ConnectionInputs, readConnection } from '../shared/connection.js'
import type { ActionCore } from '../shared/core.js'
import type { InputKindTable } from '../shared/input-kinds.js'
import {
  ActionInputError,
  CONTROL_CHARS,
  createInputReader,
  invalidInput,
  parseOneLine,
  quoteValue,
  withoutByteOrderMark
} from '../shared/inputs.js'
import { ActionFailure, describeFailure } from '../shared/run.js'
import { formatSize, plural, setOutputs, writeSummary } from '../shared/summary.js'

export const ACTION_NAME = 'Send message'

export const Inputs = {
  ...ConnectionInputs,
  emails: 'emails',
  users: 'users',
  subject: 'subject',
  body: 'body',
  bodyFile: 'body-file',
  type: 'type'
} as const

export const Outputs = { recipients: 'recipients' } as const

export const BATCH_SIZE = MAX_MESSAGE_RECIPIENTS
/** A list longer than this is more likely a mistake (a whole file pasted) than a mailing. */
export const MAX_RECIPIENTS = 500
export const MAX_SUBJECT_LENGTH = 255
export const MAX_BODY_BYTES = 256 * 1024
const MAX_ADDRESS_LENGTH = 254

export const MESSAGE_TYPES = ['text', 'html'] as const
const TYPE_TO_API: Record<(typeof MESSAGE_TYPES)[number], MessageType> = {
  text: 'TEXT',
  html: 'HTML'
}

export const InputKinds = {
  ...ConnectionInputKinds,
  [Inputs.emails]: {
    kind: 'lines',
    invalid: [
      'ops@example.com, dev@example.com',
      'not-an-address',
      `${'x'.repeat(250)}@example.com`
    ]
  },
  [Inputs.users]: {
    kind: 'lines',
    invalid: ['alice bob', `${'x'.repeat(MAX_ADDRESS_LENGTH + 1)}`]
  },
  [Inputs.subject]: {
    kind: 'text',
    required: true,
    example: 'Build finished',
    invalid: ['Build\nfinished', 'x'.repeat(MAX_SUBJECT_LENGTH + 1)]
  },
  // Its own 256 KiB cap is above the reader's 64 KiB: the 1 MiB case covers both.
  [Inputs.body]: { kind: 'text' },
  // '.' is the workspace: a folder, not a file.
  [Inputs.bodyFile]: { kind: 'text', invalid: ['no/such/body.txt', '.'] },
  [Inputs.type]: { kind: 'enum', values: MESSAGE_TYPES }
} as const satisfies InputKindTable<typeof Inputs>

// Deliberately plain: one @, no spaces or list separators, a dot in the domain. Maestro (or the
// mail server) is the judge of the rest; this catches pasted lists and typos before anything goes.
const EMAIL = /^[^\s@,;<>"()[\]\\]+@[^\s@,;<>"()[\]\\]+\.[^\s@,;<>"()[\]\\.][^\s@,;<>"()[\]\\]*$/

/** One address per line; duplicates (ignoring case) are sent once. */
export function parseEmails(input: string, lines: string[]): string[] {
  const accepted = `e-mail addresses, one per line, such as ops@example.com, at most ${MAX_ADDRESS_LENGTH} characters each`
  const seen = new Map<string, string>()
  for (const line of lines) {
    if (line.length > MAX_ADDRESS_LENGTH || !EMAIL.test(line)) {
      const why = /[,;]/.test(line)
        ? 'One address per line (found a list separator)'
        : 'Not an e-mail address'
      throw invalidInput(input, why, line, accepted)
    }
    const key = line.toLowerCase()
    if (!seen.has(key)) seen.set(key, line)
  }
  return [...seen.values()]
}

/** One Maestro login per line; duplicates are sent once. */
export function parseUsers(input: string, lines: string[]): string[] {
  const accepted = `Maestro user logins, one per line, without spaces, at most ${MAX_ADDRESS_LENGTH} characters each`
  for (const line of lines) {
    if (/[\s,;]/.test(line) || CONTROL_CHARS.test(line)) {
      throw invalidInput(input, 'One login per line, without spaces or separators', line, accepted)
    }
    if (line.length > MAX_ADDRESS_LENGTH) throw invalidInput(input, 'Too long', line, accepted)
  }
  return [...new Set(lines)]
}

export function parseSubject(input: string, raw: string): string {
  return parseOneLine(input, raw, {
    accepted: `one line of at most ${MAX_SUBJECT_LENGTH} characters`,
    maxLength: MAX_SUBJECT_LENGTH
  })
}

export interface Recipient {
  kind: 'email' | 'user'
  value: string
}

/** Recipients in the order given (e-mails first), cut into messages of at most `size`. */
export function planBatches(emails: string[], users: string[], size = BATCH_SIZE): Recipient[][] {
  const all: Recipient[] = [
    ...emails.map(value => ({ kind: 'email' as const, value })),
    ...users.map(value => ({ kind: 'user' as const, value }))
  ]
  const batches: Recipient[][] = []
  for (let i = 0; i < all.length; i += size) batches.push(all.slice(i, i + size))
  return batches
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv
}

export async function run(core: ActionCore, options: RunOptions = {}): Promise<void> {
  const env = options.env ?? process.env
  const connection = readConnection(core, { env, action: 'send-message' })
  const inputs = createInputReader(core, { baseDir: env.GITHUB_WORKSPACE || undefined })
  const emails = parseEmails(Inputs.emails, inputs.list(Inputs.emails))
  const users = parseUsers(Inputs.users, inputs.list(Inputs.users))
  // Every input is checked on its own first, so a bad subject or body is named as such even
  // when the recipients are missing too.
  const subject = parseSubject(Inputs.subject, inputs.raw(Inputs.subject))
  const type = TYPE_TO_API[inputs.enum(Inputs.type, { values: MESSAGE_TYPES, default: 'text' })]
  const body = await readBody(inputs.raw(Inputs.body), inputs.file(Inputs.bodyFile))
  const total = emails.length + users.length
  if (total === 0) {
    throw new ActionInputError(
      Inputs.emails,
      `No recipients: '${Inputs.emails}' and '${Inputs.users}' are both empty. Accepted: at least one e-mail address in '${Inputs.emails}' or Maestro login in '${Inputs.users}', one per line`
    )
  }
  if (total > MAX_RECIPIENTS) {
    throw new ActionInputError(
      Inputs.emails,
      `Too many recipients (${total} in '${Inputs.emails}' and '${Inputs.users}'). Accepted: at most ${MAX_RECIPIENTS} in all (sent ${BATCH_SIZE} per message)`
    )
  }

  const batches = planBatches(emails, users)
  if (batches.length > 1) {
    core.info(
      `${total} recipients: Maestro takes at most ${BATCH_SIZE} per message, so this sends ${batches.length} messages of up to ${BATCH_SIZE} recipients each.`
    )
  }
  const client = new MaestroClient(connection)
  let sent = 0
  try {
    for (const [index, batch] of batches.entries()) {
      const request = {
        emails: batch.filter(r => r.kind === 'email').map(r => r.value),
        logins: batch.filter(r => r.kind === 'user').map(r => r.value),
        subject,
        body,
        type
      }
      try {
        await client.sendMessage(request)
      } catch (thrown) {
        setOutputs(core, { [Outputs.recipients]: sent })
        if (batches.length === 1) throw thrown
        const failure = describeFailure(ACTION_NAME, thrown).message
        const range = `recipients ${sent + 1} to ${sent + batch.length}`
        // A message whose answer was lost may have gone out: its recipients are neither counted
        // as reached nor as not reached.
        const maybe = failure.includes(MAYBE_DONE_HINT)
        const rest = total - sent - (maybe ? batch.length : 0)
        const already =
          sent === 0
            ? 'No earlier message went out'
            : `${plural(sent, 'recipient')} of ${total} already got the message (${index === 1 ? 'message 1' : `messages 1 to ${index}`})`
        throw new ActionFailure(
          `Message ${index + 1} of ${batches.length} (${range}) failed: ${failure} ` +
            (sent === 0 && !maybe
              ? `Nobody got the message: none of the ${total} recipients.`
              : `${already}${maybe ? `, and ${range} may have got this one` : ''}; the other ${rest} did not. Running the step again sends it to all ${total} again.`),
          { cause: thrown, fromMaestro: true }
        )
      }
      sent += batch.length
      if (batches.length > 1) {
        core.info(
          `Sent message ${index + 1} of ${batches.length} (${plural(batch.length, 'recipient')}).`
        )
      }
    }
  } finally {
    await client.close()
  }

  core.info(`Message '${subject}' sent to ${plural(total, 'recipient')}.`)
  setOutputs(core, { [Outputs.recipients]: total })
  await writeSummary(core, {
    title: `Maestro message sent to ${plural(total, 'recipient')}`,
    rows: [
      ['Subject', subject],
      ['Type', type],
      ['E-mail addresses', emails.length],
      ['Users', users.length],
      [
        'Messages sent',
        batches.length > 1 ? `${batches.length} (at most ${BATCH_SIZE} recipients each)` : 1
      ],
      ['Body', formatSize(Buffer.byteLength(body))]
    ]
  })
}

/** Exactly one of `body` and `body-file`; the file's size is checked before it is read. */
async function readBody(raw: string, file: string | undefined): Promise<string> {
  const accepted = `the message in '${Inputs.body}', or a path in '${Inputs.bodyFile}' (not both), at most ${formatSize(MAX_BODY_BYTES)}`
  if (raw !== '' && file !== undefined) {
    throw new ActionInputError(
      Inputs.bodyFile,
      `Both '${Inputs.body}' and '${Inputs.bodyFile}' are set. Accepted: ${accepted}`
    )
  }
  if (file !== undefined) {
    const { size } = await stat(file)
    if (size > MAX_BODY_BYTES) {
      throw new ActionInputError(
        Inputs.bodyFile,
        `The file ${quoteValue(file)} is too large (${formatSize(size)}). Accepted: ${accepted}`
      )
    }
    try {
      return withoutByteOrderMark(await readFile(file, 'utf8'))
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? String(e)
      throw invalidInput(Inputs.bodyFile, `Cannot read ${file} (${code})`, file, accepted)
    }
  }
  if (raw === '')
    throw new ActionInputError(Inputs.body, `Required input is empty. Accepted: ${accepted}`)
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) {
    throw invalidInput(
      Inputs.body,
      `Too long (${formatSize(Buffer.byteLength(raw))})`,
      raw,
      accepted
    )
  }
  return raw
}
