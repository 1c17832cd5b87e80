// One place for reading and validating action inputs. The `parse*` functions are pure: they take
// the input's name and raw text and return a typed value or throw an ActionInputError, so they are
// tested without any runner. `createInputReader(core)` is the thin layer over `core.getInput`.
//
// Error text convention (the top-level wrapper adds the `Invalid input '<name>'` title):
//   <what was wrong>, got '<value>'. Accepted: <what is accepted>
// The value is left out for secret inputs and cut to MAX_QUOTED_VALUE characters when huge.
import { existsSync, statSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { parseDocument, isMap, isSeq, isScalar, YAMLParseError } from 'yaml'
import type { ActionCore } from './core.js'

export const MAX_QUOTED_VALUE = 200

/**
 * The longest value any input may have, in characters. Linux cannot pass one environment string
 * over 128 KiB to a process, so a runner could not deliver more anyway; large texts (parameters,
 * messages, certificates) belong in files. Checked before any parsing, so a huge value is refused
 * the same way by every input.
 */
export const MAX_INPUT_LENGTH = 64 * 1024

/** A mistake in the workflow file (as opposed to a bug or a server failure). */
export class ActionInputError extends Error {
  override name = 'ActionInputError'
  constructor(
    readonly input: string,
    message: string
  ) {
    super(message)
  }
}

export interface ParseOptions {
  /** A secret input: its value is never quoted in an error. */
  secret?: boolean
}

/** Quotes a value for an error message: single quotes, cut to MAX_QUOTED_VALUE characters. */
export function quoteValue(value: string): string {
  if (value.length <= MAX_QUOTED_VALUE) return `'${value}'`
  return `'${value.slice(0, MAX_QUOTED_VALUE)}…' (${value.length} characters)`
}

/** Builds the error for a bad value: `<problem>, got '<value>'. Accepted: <accepted>`. */
export function invalidInput(
  input: string,
  problem: string,
  value: string,
  accepted: string,
  options: ParseOptions = {}
): ActionInputError {
  const got = options.secret ? '' : `, got ${quoteValue(value)}`
  return new ActionInputError(input, `${problem}${got}. Accepted: ${accepted}`)
}

/**
 * Refuses a value over MAX_INPUT_LENGTH without quoting it (it may be a secret, and it is long).
 * Returns the value unchanged otherwise.
 */
export function checkInputLength(input: string, value: string): string {
  if (value.length <= MAX_INPUT_LENGTH) return value
  throw new ActionInputError(
    input,
    `Too long: ${value.length} characters, the limit is ${MAX_INPUT_LENGTH}. Accepted: at most ${MAX_INPUT_LENGTH} characters; put large content in a file and pass its path`
  )
}

// ---------------------------------------------------------------------------------------------
// Pure parsers. `raw` is the input's text as the runner passed it (already trimmed by getInput).

export function parseRequiredString(input: string, raw: string): string {
  const value = raw.trim()
  if (value === '') {
    throw new ActionInputError(
      input,
      `Required input is empty. Accepted: any non-empty text; set '${input}' under 'with:' in the step`
    )
  }
  return value
}

/** C0 control characters (line breaks and NUL included) and DEL. */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
export const CONTROL_CHARS = /[\u0000-\u001f\u007f]/

/**
 * Refuses a value holding a control character. The value is quoted as JSON so the error shows
 * which one (a bare line break would split the message).
 */
export function refuseControlChars(
  input: string,
  value: string,
  accepted: string,
  problem = 'Control characters are not allowed'
): void {
  if (CONTROL_CHARS.test(value)) throw invalidInput(input, problem, JSON.stringify(value), accepted)
}

export interface OneLineOptions {
  /** The `Accepted:` text of every error. */
  accepted: string
  maxLength: number
  /** The problem named for a line break or other control character. */
  controlProblem?: string
  /** The problem named for a value over maxLength. */
  tooLongProblem?: string
}

/**
 * A required name or title: one line, trimmed, without control characters, at most `maxLength`
 * characters. Checks in that order, so the first problem a user sees is the same in every action.
 */
export function parseOneLine(input: string, raw: string, options: OneLineOptions): string {
  const { accepted } = options
  const value = raw.trim()
  if (value === '')
    throw new ActionInputError(input, `Required input is empty. Accepted: ${accepted}`)
  refuseControlChars(
    input,
    value,
    accepted,
    options.controlProblem ?? 'Line breaks and control characters are not allowed'
  )
  if (value.length > options.maxLength)
    throw invalidInput(input, options.tooLongProblem ?? 'Too long', value, accepted)
  return value
}

/** `undefined` for "" (codeql-action's getOptionalInput), so `??` defaults work. */
export function parseOptionalString(raw: string): string | undefined {
  const value = raw.trim()
  return value === '' ? undefined : value
}

const TRUE_VALUES = ['true', 'True', 'TRUE']
const FALSE_VALUES = ['false', 'False', 'FALSE']

/**
 * YAML 1.2 core schema booleans, exactly as `core.getBooleanInput` accepts them (no yes/no/1/0,
 * which YAML 1.1 readers disagree about). Empty -> `defaultValue`.
 */
export function parseBoolean(
  input: string,
  raw: string,
  defaultValue: boolean,
  options: ParseOptions = {}
): boolean {
  const value = raw.trim()
  if (value === '') return defaultValue
  if (TRUE_VALUES.includes(value)) return true
  if (FALSE_VALUES.includes(value)) return false
  throw invalidInput(
    input,
    'Not a boolean',
    value,
    [...TRUE_VALUES, ...FALSE_VALUES].join(' | '),
    options
  )
}

export interface IntegerOptions extends ParseOptions {
  min: number
  max: number
  /** Returned for "". Without it the input is required. */
  default?: number
}

/** A base-10 integer (optional sign, no decimals, no exponent) within [min, max]. */
export function parseInteger(input: string, raw: string, options: IntegerOptions): number {
  const value = raw.trim()
  const accepted = `an integer from ${options.min} to ${options.max}`
  if (value === '') {
    if (options.default !== undefined) return options.default
    throw new ActionInputError(input, `Required input is empty. Accepted: ${accepted}`)
  }
  if (!/^[+-]?\d+$/.test(value))
    throw invalidInput(input, 'Not an integer', value, accepted, options)
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < options.min || n > options.max) {
    throw invalidInput(input, 'Out of range', value, accepted, options)
  }
  return n
}

export interface SecondsOptions extends ParseOptions {
  min: number
  max: number
  default?: number
}

/** A number of seconds (decimals allowed, e.g. 0.5) within [min, max], returned in milliseconds. */
export function parseSecondsToMs(input: string, raw: string, options: SecondsOptions): number {
  const value = raw.trim()
  const accepted = `a number of seconds from ${options.min} to ${options.max}`
  if (value === '') {
    if (options.default !== undefined) return Math.round(options.default * 1000)
    throw new ActionInputError(input, `Required input is empty. Accepted: ${accepted}`)
  }
  if (!/^\+?(\d+(\.\d*)?|\.\d+)$/.test(value)) {
    throw invalidInput(input, 'Not a number of seconds', value, accepted, options)
  }
  const n = Number(value)
  if (n < options.min || n > options.max) {
    throw invalidInput(input, 'Out of range', value, accepted, options)
  }
  return Math.round(n * 1000)
}

export interface EnumOptions<T extends string> extends ParseOptions {
  /** Canonical values; matching ignores case and treats '-' and ' ' like '_'. */
  values: readonly T[]
  /** Extra spellings, e.g. `{ ok: 'SUCCESS' }`; also matched case-insensitively. */
  aliases?: Readonly<Record<string, T>>
  default?: T
}

function enumKey(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '_')
}

/** One of a fixed set of values, case-insensitive, returning the canonical spelling. */
export function parseEnum<T extends string>(
  input: string,
  raw: string,
  options: EnumOptions<T>
): T {
  const value = raw.trim()
  const aliasText = Object.entries(options.aliases ?? {})
    .map(([from, to]) => `${from} (= ${to})`)
    .join(', ')
  const accepted =
    `one of ${options.values.join(', ')} (any case)` + (aliasText ? `; also ${aliasText}` : '')
  if (value === '') {
    if (options.default !== undefined) return options.default
    throw new ActionInputError(input, `Required input is empty. Accepted: ${accepted}`)
  }
  const key = enumKey(value)
  const direct = options.values.find(v => enumKey(v) === key)
  if (direct !== undefined) return direct
  for (const [alias, target] of Object.entries(options.aliases ?? {})) {
    if (enumKey(alias) === key) return target
  }
  throw invalidInput(input, 'Unknown value', value, accepted, options)
}

const MAPPING_ACCEPTED =
  'a JSON object or a YAML mapping, e.g. {"name": "value"} or one "name: value" per line'

/**
 * A JSON object or a YAML mapping (JSON is YAML 1.2), parsed with `yaml`: numbers, booleans,
 * nulls, lists and nested mappings keep their types. Empty -> `{}`. A list or a scalar is an error,
 * and so are duplicate keys; syntax errors point at line and column.
 */
export function parseMapping(
  input: string,
  raw: string,
  options: ParseOptions = {}
): Record<string, unknown> {
  const value = raw.trim()
  if (value === '') return {}
  const doc = parseDocument(value, { uniqueKeys: true })
  const problem = doc.errors[0]
  if (problem) {
    const where =
      problem instanceof YAMLParseError && problem.linePos
        ? ` at line ${problem.linePos[0].line}, column ${problem.linePos[0].col}`
        : ''
    const why = problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
    throw invalidInput(
      input,
      `Not valid JSON or YAML${where} (${why})`,
      value,
      MAPPING_ACCEPTED,
      options
    )
  }
  const kind = isSeq(doc.contents)
    ? 'a list'
    : isScalar(doc.contents)
      ? `a single ${doc.contents.value === null ? 'null' : typeof doc.contents.value}`
      : 'not a mapping'
  if (!isMap(doc.contents)) {
    throw invalidInput(
      input,
      `Expected a mapping but this is ${kind}`,
      value,
      MAPPING_ACCEPTED,
      options
    )
  }
  const parsed: unknown = doc.toJS({ maxAliasCount: 100 })
  const result: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) result[String(k)] = v
  return result
}

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i
const DATE_ACCEPTED =
  'an ISO-8601 date or date-time such as 2026-01-31, 2026-01-31T18:00:00Z or 2026-01-31T15:00:00-03:00 (no offset means UTC)'

/**
 * An ISO-8601 date or date-time, normalised to a UTC ISO string (`2026-01-31T18:00:00.000Z`).
 * Without an offset the time is read as UTC (runners run in UTC; say so rather than guess).
 * Impossible dates such as 2026-02-30 are rejected, not rolled over.
 */
export function parseDateTime(input: string, raw: string, options: ParseOptions = {}): string {
  const value = raw.trim()
  const m = DATE_TIME.exec(value)
  if (!m) throw invalidInput(input, 'Not an ISO-8601 date/time', value, DATE_ACCEPTED, options)
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m
  const ms = frac ? Math.round(Number(`0${frac}`) * 1000) : 0
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms)
  const check = new Date(utc)
  const fieldsOk =
    check.getUTCFullYear() === Number(y) &&
    check.getUTCMonth() === Number(mo) - 1 &&
    check.getUTCDate() === Number(d) &&
    check.getUTCHours() === Number(h) &&
    check.getUTCMinutes() === Number(mi) &&
    check.getUTCSeconds() === Number(s)
  if (!fieldsOk || Number(h) > 23) {
    throw invalidInput(input, 'Not a real calendar date/time', value, DATE_ACCEPTED, options)
  }
  let offsetMinutes = 0
  if (zone.toUpperCase() !== 'Z') {
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!
    offsetMinutes = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]))
    if (Number(z[2]) > 23 || Number(z[3]) > 59) {
      throw invalidInput(input, 'Not a valid UTC offset', value, DATE_ACCEPTED, options)
    }
  }
  return new Date(utc - offsetMinutes * 60_000).toISOString()
}

/** One item per line, trimmed; empty lines and lines starting with `#` are skipped. */
export function parseList(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line !== '' && !line.startsWith('#'))
}

export interface FileOptions extends ParseOptions {
  /** Relative paths are resolved against this folder (default: GITHUB_WORKSPACE, else cwd). */
  baseDir?: string
}

/**
 * A text file's content without the UTF-8 byte order mark that Windows tools write first (Notepad
 * before 2019, PowerShell 5's `-Encoding UTF8`): it is not part of the text, and would arrive in
 * Maestro as an invisible first character.
 */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** A path to an existing regular file; returns the absolute path. */
export function parseExistingFile(input: string, raw: string, options: FileOptions = {}): string {
  const value = raw.trim()
  const accepted = 'a path to an existing file, absolute or relative to the workspace'
  if (value === '')
    throw new ActionInputError(input, `Required input is empty. Accepted: ${accepted}`)
  const base = options.baseDir ?? process.env.GITHUB_WORKSPACE ?? process.cwd()
  const full = isAbsolute(value) ? value : resolve(base, value)
  if (!existsSync(full)) {
    throw invalidInput(input, `No file at ${full}`, value, accepted, options)
  }
  if (!statSync(full).isFile()) {
    throw invalidInput(input, `Not a regular file: ${full}`, value, accepted, options)
  }
  return full
}

// ---------------------------------------------------------------------------------------------
// The reader over core.getInput.

export interface InputReaderOptions {
  /** Names of inputs whose values must never be quoted in errors. */
  secrets?: readonly string[]
  /** Base folder for relative file inputs (default: GITHUB_WORKSPACE, else cwd). */
  baseDir?: string
}

export interface InputReader {
  /** The trimmed raw text ("" when not set). */
  raw(name: string): string
  required(name: string): string
  optional(name: string): string | undefined
  boolean(name: string, defaultValue: boolean): boolean
  integer(name: string, options: IntegerOptions): number
  secondsToMs(name: string, options: SecondsOptions): number
  enum<T extends string>(name: string, options: EnumOptions<T>): T
  /** undefined when empty */
  optionalEnum<T extends string>(name: string, options: EnumOptions<T>): T | undefined
  mapping(name: string): Record<string, unknown>
  /** undefined when empty */
  dateTime(name: string): string | undefined
  list(name: string): string[]
  /** undefined when empty */
  file(name: string): string | undefined
}

export function createInputReader(
  core: Pick<ActionCore, 'getInput'>,
  options: InputReaderOptions = {}
): InputReader {
  const secret = (name: string): ParseOptions => ({ secret: options.secrets?.includes(name) })
  // Every read goes through here, so the length limit holds for every input.
  const text = (name: string) => checkInputLength(name, core.getInput(name))
  const raw = (name: string) => text(name).trim()
  return {
    raw,
    required: name => parseRequiredString(name, raw(name)),
    optional: name => parseOptionalString(raw(name)),
    boolean: (name, defaultValue) => parseBoolean(name, raw(name), defaultValue, secret(name)),
    integer: (name, o) => parseInteger(name, raw(name), { ...secret(name), ...o }),
    secondsToMs: (name, o) => parseSecondsToMs(name, raw(name), { ...secret(name), ...o }),
    enum: (name, o) => parseEnum(name, raw(name), { ...secret(name), ...o }),
    optionalEnum: (name, o) =>
      raw(name) === '' ? undefined : parseEnum(name, raw(name), { ...secret(name), ...o }),
    mapping: name => parseMapping(name, raw(name), secret(name)),
    dateTime: name => (raw(name) === '' ? undefined : parseDateTime(name, raw(name), secret(name))),
    list: name => parseList(text(name)),
    file: name =>
      raw(name) === ''
        ? undefined
        : parseExistingFile(name, raw(name), { ...secret(name), baseDir: options.baseDir })
  }
}
