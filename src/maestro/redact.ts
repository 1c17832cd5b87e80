// Secrets never leave the client in text: every message built from server data, every log and
// debug line goes through one Redactor that knows the key, every access token and every
// credential value the client has seen.

const MASK = '***'

/** Values shorter than this are not masked: masking "a" or "1" would garble every message. */
export const MIN_SECRET_LENGTH = 4

export class Redactor {
  readonly #forms = new Set<string>()

  /** Remembers a secret (and the forms a server may echo it in). Empty or short values are ignored. */
  add(value: string | undefined | null): void {
    if (typeof value !== 'string') return
    const candidates = new Set<string>([value])
    // A multi-line secret may come back one line at a time.
    for (const line of value.split(/\r?\n/)) candidates.add(line.trim())
    for (const c of [...candidates]) {
      candidates.add(JSON.stringify(c).slice(1, -1)) // as it appears inside a JSON string
      candidates.add(encodeURIComponent(c)) // as it appears in a URL or a form body
    }
    for (const c of candidates) if (c.length >= MIN_SECRET_LENGTH) this.#forms.add(c)
  }

  /** Replaces every known secret in `text` with `***`. */
  redact(text: string): string {
    if (this.#forms.size === 0 || !text) return text
    // Longest first, so a secret that contains another is masked whole.
    const forms = [...this.#forms].sort((a, b) => b.length - a.length)
    let out = text
    for (const f of forms) if (out.includes(f)) out = out.split(f).join(MASK)
    return out
  }
}
