// The `key` input: one line per key, `KEY` or `KEY as NAME`. Pure functions, unit-tested.
import { ActionInputError, invalidInput } from '../shared/inputs.js'

export interface KeySpec {
  /** The key in the credential set, exactly as written (case-sensitive). */
  key: string
  /** The step output this key's value is set as. */
  output: string
  /** The environment variable it is exported as (with `export-env: true`). */
  env: string
}

export const KEY_ACCEPTED =
  "one key per line, 'KEY' or 'KEY as NAME' (NAME a variable name: a letter or _, then letters, digits or _)"

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** The output name for a bare KEY: characters outside [A-Za-z0-9_-] become `_`. */
export function outputNameFor(key: string): string {
  return key.replace(/[^A-Za-z0-9_-]/g, '_')
}

/**
 * The environment variable name for a bare KEY: upper-cased, characters outside [A-Z0-9_] become
 * `_`, and a leading digit gets a `_` in front (`db-password` -> `DB_PASSWORD`, `2fa` -> `_2FA`).
 */
export function envNameFor(key: string): string {
  const name = key.toUpperCase().replace(/[^A-Z0-9_]/g, '_')
  return /^[0-9]/.test(name) ? `_${name}` : name
}

/** Parses one line: `KEY` or `KEY as NAME`, tokens separated by whitespace. */
export function parseKeyLine(input: string, line: string): KeySpec {
  const tokens = line.trim().split(/\s+/)
  if (tokens.length === 1) {
    const key = tokens[0]
    return { key, output: outputNameFor(key), env: envNameFor(key) }
  }
  if (tokens.length === 3 && tokens[1] === 'as') {
    const [key, , name] = tokens
    if (!NAME.test(name)) {
      throw invalidInput(
        input,
        `'${name}' is not a valid variable name for key '${key}'`,
        line,
        KEY_ACCEPTED
      )
    }
    return { key, output: name, env: name }
  }
  throw invalidInput(input, 'Not a key line', line, KEY_ACCEPTED + '; keys cannot hold spaces')
}

// Variables the runner refuses to take from GITHUB_ENV, or that would change how later steps run.
const RESERVED_ENV = /^(GITHUB_|RUNNER_)|^(NODE_OPTIONS|PATH|CI)$/i

export interface ParseKeysOptions {
  /** Names are also exported as environment variables (reserved names are then refused). */
  exportEnv: boolean
  /** Output names the action sets itself (e.g. `value`), refused when several keys are read. */
  reservedOutputs?: readonly string[]
}

/**
 * Parses the lines of `key` (already split, blank and `#` lines removed). Duplicate output names
 * (and, with `exportEnv`, variable names) are an error, compared without case: GitHub reads `steps.<id>.outputs.<name>`
 * case-insensitively, and Windows environment variables are case-insensitive too.
 */
export function parseKeys(
  input: string,
  lines: readonly string[],
  options: ParseKeysOptions
): KeySpec[] {
  if (lines.length === 0) {
    throw new ActionInputError(input, `Required input is empty. Accepted: ${KEY_ACCEPTED}`)
  }
  const specs = lines.map(line => parseKeyLine(input, line))
  const seen = new Map<string, KeySpec>()
  for (const spec of specs) {
    const names: Array<readonly ['output' | 'variable', string]> = [['output', spec.output]]
    if (options.exportEnv) names.push(['variable', spec.env])
    for (const [kind, name] of names) {
      const id = `${kind}:${name.toUpperCase()}`
      const other = seen.get(id)
      if (other) {
        throw invalidInput(
          input,
          `Keys '${other.key}' and '${spec.key}' both give the ${kind} name '${name}' (names are compared without case)`,
          lines.join('\n'),
          `${KEY_ACCEPTED}; give one of them another name with 'KEY as NAME'`
        )
      }
      seen.set(id, spec)
    }
    if (specs.length > 1 && options.reservedOutputs?.some(r => r === spec.output.toLowerCase())) {
      throw invalidInput(
        input,
        `Key '${spec.key}' would be set as output '${spec.output}', which this action keeps for a single key`,
        lines.join('\n'),
        `${KEY_ACCEPTED}; e.g. '${spec.key} as ${envNameFor(spec.key)}'`
      )
    }
    if (options.exportEnv && RESERVED_ENV.test(spec.env)) {
      throw invalidInput(
        input,
        `Key '${spec.key}' would be exported as '${spec.env}', a variable the runner reserves or later steps depend on`,
        lines.join('\n'),
        `${KEY_ACCEPTED}; NAME not GITHUB_*, RUNNER_*, NODE_OPTIONS, PATH or CI`
      )
    }
  }
  return specs
}
