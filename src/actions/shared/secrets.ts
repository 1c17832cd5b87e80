import type { ActionCore } from './core.js'

// Every value masked in this process, so the top-level wrapper and the summary can redact them from
// text they print (a final guard: the runner masks registered values too, but only in its own log,
// not in annotations built from a message we composed before registering, nor in files).
const masked = new Set<string>()

/**
 * The variants of a secret the runner must be told about: the whole value, and each non-empty line
 * of it (split on \r?\n) plus its trimmed form. The runner masks log output line by line, so a
 * multi-line secret registered only as a whole would leak line by line (hashicorp/vault-action's
 * CVE-2021-32074 came from exactly that).
 */
export function secretVariants(value: string): string[] {
  const out = new Set<string>()
  if (value.trim() === '') return []
  out.add(value)
  for (const line of value.split(/\r?\n/)) {
    if (line.trim() === '') continue
    out.add(line)
    out.add(line.trim())
  }
  return [...out]
}

/**
 * Registers a secret with the runner (`::add-mask::`) for the whole value and each line, and
 * remembers it for {@link redact}. Call it BEFORE the value can reach any log line, output or file.
 * Empty and whitespace-only values are ignored (masking "" or " " would garble every log line).
 */
export function maskSecret(core: Pick<ActionCore, 'setSecret'>, value: string | undefined): void {
  if (value === undefined) return
  for (const v of secretVariants(value)) {
    masked.add(v)
    core.setSecret(v)
  }
}

/** Replaces every value masked in this process with `***` (longest first, so overlaps are whole). */
export function redact(text: string): string {
  if (masked.size === 0) return text
  let out = text
  for (const v of [...masked].sort((a, b) => b.length - a.length)) {
    if (out.includes(v)) out = out.split(v).join('***')
  }
  return out
}

/** The values masked so far (for tests and diagnostics; never print them). */
export function maskedValues(): readonly string[] {
  return [...masked]
}

/** Forgets every masked value. Tests only: a real action never un-masks. */
export function resetMaskedValuesForTests(): void {
  masked.clear()
}
