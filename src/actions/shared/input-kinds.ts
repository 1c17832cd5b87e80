// What kind of value each input takes, declared by every action next to its `Inputs` object
// (`export const InputKinds = {...} satisfies InputKindTable<typeof Inputs>`). The reliability
// tests (__tests__/reliability/bad-inputs.test.ts) generate invalid values from these entries, so
// a new input is covered as soon as it is declared, and tsc refuses an `Inputs` entry without a
// kind. Descriptive only: the action's own parsing stays in `run`, and the tests check that the
// two agree. action.yml cannot carry this: GitHub's runner rejects unknown keys there.

interface KindCommon {
  /** `required: true` in action.yml: empty is refused. */
  required?: boolean
  /** An environment variable the input falls back to: empty is refused when that is unset too. */
  env?: string
  /** A value that passes validation (default: one the kind implies). */
  example?: string
  /** More values this input must refuse, beyond those its kind implies. */
  invalid?: readonly string[]
}

export type InputKind = KindCommon &
  (
    | { kind: 'text' } // anything non-empty: only the common cases apply
    | { kind: 'secret' } // as text, and never quoted in an error
    | { kind: 'boolean' }
    | { kind: 'enum'; values: readonly string[]; list?: boolean } // list: several, comma/line-separated
    | { kind: 'integer'; min: number; max: number }
    | { kind: 'seconds'; min: number; max: number }
    | { kind: 'mapping' } // a JSON object or YAML mapping
    | { kind: 'sequence' } // a JSON or YAML list
    | { kind: 'date' } // ISO-8601 date or date-time
    | { kind: 'url' } // an http(s) server address
    | { kind: 'pem-or-file' } // PEM text or a path to an existing PEM file
    | { kind: 'file-name' } // one file name, never a path
    | { kind: 'globs' } // files, folders or patterns, one per line, relative to the workspace
    | { kind: 'lines' } // free-form items, one per line (give `invalid` for a grammar)
  )

export type InputKindName = InputKind['kind']

/** Every input of `Inputs` (by its action.yml name) to its kind. */
export type InputKindTable<I extends Readonly<Record<string, string>>> = {
  readonly [N in I[keyof I]]: InputKind
}
