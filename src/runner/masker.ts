// Secret masking as GitHub's runner does it: every registered value is replaced by `***` in all
// output from the moment it is registered. Multi-line values are registered whole and line by
// line, because output is masked a line at a time (hashicorp/vault-action's CVE came from masking
// only the whole value).

export const MASK = '***'

export class SecretMasker {
  private values: string[] = []

  /** Registers one value (as `::add-mask::` does); its lines are registered too. */
  add(value: string): void {
    for (const v of [value, ...value.split(/\r?\n/).map(l => l.replace(/\r$/, ''))]) {
      const trimmed = v.trim() === '' ? '' : v
      if (trimmed && !this.values.includes(trimmed)) this.values.push(trimmed)
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
