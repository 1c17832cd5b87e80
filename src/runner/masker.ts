// Secret masking as GitHub's runner does it: every registered value is replaced by `***` in all
// output from the moment it is registered. Multi-line values are registered whole and line by
// line, because output is masked a line at a time (hashicorp/vault-action's CVE came from masking
// only the whole value). Like the runner, the common encodings of each value are masked too
// (base64 at any byte alignment, JSON, URI, XML and expression-string escaping, and a value
// wrapped in double quotes without them), so `echo $SECRET | base64` does not leak it.

export const MASK = '***'
const MIN_ENCODED_LENGTH = 4

/** The 0-, 1- and 2-byte-aligned base64 text that only depends on the value's own bytes. */
export function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8')
  const out: string[] = []
  for (const shift of [0, 1, 2]) {
    const b64 = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64')
    const total = shift + bytes.length
    const start = [0, 2, 3][shift]
    const end = Math.floor((total * 4) / 3)
    const form = b64.slice(start, end)
    if (form.length > 0) out.push(form)
  }
  return out
}

export function encodedForms(value: string): string[] {
  const forms = [
    ...base64Forms(value),
    JSON.stringify(value).slice(1, -1),
    encodeURIComponent(value),
    encodeURIComponent(value).replace(
      /[!'()*]/g,
      c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
    ),
    value
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;'),
    value.replace(/'/g, "''")
  ]
  if (value.length > 2 && value.startsWith('"') && value.endsWith('"'))
    forms.push(value.slice(1, -1))
  return forms.filter(f => f !== value)
}

export class SecretMasker {
  private values: string[] = []

  private register(v: string): void {
    if (v.trim() !== '' && !this.values.includes(v)) this.values.push(v)
  }

  /** Registers one value (as `::add-mask::` does); its lines and encodings are registered too. */
  add(value: string): void {
    const parts = [value, ...value.split(/\r?\n/)]
    for (const v of parts) {
      if (v.trim() === '') continue
      this.register(v)
      // A 1- or 2-character encoding fragment would mask ordinary text everywhere.
      for (const f of encodedForms(v)) if (f.length >= MIN_ENCODED_LENGTH) this.register(f)
    }
    // Longest first, so a value containing another is masked whole.
    this.values.sort((a, b) => b.length - a.length)
  }

  get size(): number {
    return this.values.length
  }

  mask(text: string): string {
    let out = text
    for (const v of this.values) {
      if (out.includes(v)) out = out.split(v).join(MASK)
    }
    return out
  }
}
