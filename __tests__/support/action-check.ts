// Checks an action's metadata against its code. Use it in each action's tests:
//
//   expect(checkAction({ name: 'create-task' })).toEqual([])
//
// Convention it relies on (documented in the shared README notes): every input name an action
// reads lives in ONE object literal in src/actions/<name>/*.ts,
//
//   export const Inputs = { ...ConnectionInputs, label: 'activity-label', test: 'test' } as const
//
// and the code reads inputs only through `Inputs.<key>` (no string literals). `...ConnectionInputs`
// stands for the six connection inputs and requires a `readConnection(` call; `...WaitInputs`
// for the four wait inputs and requires a `readWaitInputs(` call. An optional
// `const Outputs = { ... } as const` is compared with action.yml's outputs the same way.
import { Ajv, type ValidateFunction } from 'ajv'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { ConnectionInputs } from '../../src/actions/shared/connection.js'
import { WaitInputs } from '../../src/actions/shared/wait-task.js'

/** Shared input groups an Inputs object may spread, and the call that must read each. */
const KNOWN_SPREADS: Record<string, { names: Record<string, string>; reader: string }> = {
  ConnectionInputs: { names: ConnectionInputs, reader: 'readConnection' },
  WaitInputs: { names: WaitInputs, reader: 'readWaitInputs' }
}

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const ACTION_SCHEMA_PATH = join(REPO_ROOT, 'schemas', 'github-action.schema.json')

let validator: ValidateFunction | undefined

/** Schema problems of a parsed action.yml, as `<path> <message>` lines ([] when valid). */
export function validateActionMetadata(meta: unknown): string[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, allowUnionTypes: true })
    validator = ajv.compile(JSON.parse(readFileSync(ACTION_SCHEMA_PATH, 'utf8')))
  }
  if (validator(meta)) return []
  return (validator.errors ?? []).map(e => {
    const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues
    const extra = (e.params as { additionalProperty?: string }).additionalProperty
    return (
      `${e.instancePath || '/'} ${e.message ?? 'is invalid'}` +
      (allowed ? `: ${allowed.join(', ')}` : '') +
      (extra ? `: '${extra}'` : '')
    )
  })
}

export interface NamesObject {
  /** key -> literal value */
  entries: Record<string, string>
  /** names of spread objects, e.g. ConnectionInputs */
  spreads: string[]
  file: string
  /** offset range of the literal, so uses outside it can be found */
  start: number
  end: number
}

/** Finds `const <name> = { ... }` in the sources and reads its literal entries and spreads. */
export function findNamesObject(
  files: Record<string, string>,
  name: string
): NamesObject | undefined {
  const head = new RegExp(`\\bconst\\s+${name}\\s*(?::[^=]+)?=\\s*\\{`)
  for (const [file, text] of Object.entries(files)) {
    const m = head.exec(text)
    if (!m) continue
    const open = m.index + m[0].length - 1
    let depth = 0
    let end = open
    for (; end < text.length; end++) {
      if (text[end] === '{') depth++
      else if (text[end] === '}' && --depth === 0) break
    }
    const body = text.slice(open + 1, end)
    const entries: Record<string, string> = {}
    for (const e of body.matchAll(/([A-Za-z_$][\w$]*|'[^']*'|"[^"]*")\s*:\s*(['"])([^'"]*)\2/g)) {
      entries[e[1].replace(/^['"]|['"]$/g, '')] = e[3]
    }
    const spreads = [...body.matchAll(/\.\.\.\s*([A-Za-z_$][\w$]*)/g)].map(s => s[1])
    return { entries, spreads, file, start: m.index, end }
  }
  return undefined
}

const READER_CALL =
  /\b(?:getInput|getBooleanInput|getMultilineInput|required|optional|boolean|integer|secondsToMs|enum|optionalEnum|mapping|dateTime|list|file|raw)\(\s*(['"])([A-Za-z_][\w -]*)\1/g

export interface CheckActionOptions {
  name: string
  /** default: the repository root */
  root?: string
  /** default: src/actions/<name> */
  sourceDir?: string
  /** skip the dist file existence check (e.g. before the first bundle) */
  skipDistCheck?: boolean
}

function readSources(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  if (!existsSync(dir)) return out
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, d.name)
    if (d.isDirectory()) Object.assign(out, readSources(p))
    else if (/\.(ts|mts|js|mjs)$/.test(d.name) && !/\.test\./.test(d.name)) {
      out[p] = readFileSync(p, 'utf8')
    }
  }
  return out
}

/** Every problem found with actions/<name>/action.yml and src/actions/<name>; [] when all is well. */
export function checkAction(options: CheckActionOptions): string[] {
  const root = options.root ?? REPO_ROOT
  const { name } = options
  const actionDir = join(root, 'actions', name)
  const ymlPath = join(actionDir, 'action.yml')
  if (!existsSync(ymlPath)) return [`actions/${name}/action.yml does not exist`]
  const meta = parseYaml(readFileSync(ymlPath, 'utf8')) as {
    runs?: { using?: string; main?: string }
    inputs?: Record<string, unknown>
    outputs?: Record<string, unknown>
  }
  const problems = validateActionMetadata(meta).map(p => `action.yml: ${p}`)

  if (meta.runs?.using !== 'node24')
    problems.push(`runs.using must be node24, is ${meta.runs?.using}`)
  const expectedMain = `../../dist/${name}/index.js`
  if (meta.runs?.main !== expectedMain) {
    problems.push(`runs.main must be ${expectedMain}, is ${meta.runs?.main}`)
  } else if (!options.skipDistCheck && !existsSync(resolve(actionDir, expectedMain))) {
    problems.push(`dist/${name}/index.js does not exist: run npm run bundle`)
  }

  const sources = readSources(options.sourceDir ?? join(root, 'src', 'actions', name))
  if (Object.keys(sources).length === 0) return [...problems, `no sources in src/actions/${name}`]
  const all = Object.values(sources).join('\n')
  const inputs = findNamesObject(sources, 'Inputs')
  const declared = new Set(Object.keys(meta.inputs ?? {}))
  const read = new Set<string>()
  if (!inputs) {
    problems.push(`no 'const Inputs = { ... } as const' in src/actions/${name}`)
  } else {
    for (const v of Object.values(inputs.entries)) read.add(v)
    for (const s of inputs.spreads) {
      const known = KNOWN_SPREADS[s]
      if (!known) {
        const names = Object.keys(KNOWN_SPREADS).map(k => `...${k}`)
        problems.push(`Inputs spreads ${s}: only ${names.join(' and ')} are understood`)
        continue
      }
      for (const v of Object.values(known.names)) read.add(v)
      if (!new RegExp(`\\b${known.reader}\\(`).test(all)) {
        problems.push(`Inputs spreads ${s} but nothing calls ${known.reader}(`)
      }
    }
    const text = sources[inputs.file]
    const outside =
      text.slice(0, inputs.start) + text.slice(inputs.end) + '\n' + all.replace(text, '')
    for (const key of Object.keys(inputs.entries)) {
      if (!new RegExp(`\\bInputs\\.${key.replace(/\$/g, '\\$')}\\b`).test(outside)) {
        problems.push(`Inputs.${key} ('${inputs.entries[key]}') is never read`)
      }
    }
  }
  for (const m of all.matchAll(READER_CALL)) {
    problems.push(`input '${m[2]}' is read by a string literal: name it in Inputs`)
  }
  for (const n of [...declared].filter(n => !read.has(n)).sort()) {
    problems.push(`input '${n}' is declared in action.yml but the code never reads it`)
  }
  for (const n of [...read].filter(n => !declared.has(n)).sort()) {
    problems.push(`input '${n}' is read by the code but not declared in action.yml`)
  }

  const outputs = findNamesObject(sources, 'Outputs')
  if (outputs) {
    const declaredOut = new Set(Object.keys(meta.outputs ?? {}))
    const setOut = new Set(Object.values(outputs.entries))
    for (const n of [...declaredOut].filter(n => !setOut.has(n)).sort()) {
      problems.push(`output '${n}' is declared in action.yml but not in Outputs`)
    }
    for (const n of [...setOut].filter(n => !declaredOut.has(n)).sort()) {
      problems.push(`output '${n}' is in Outputs but not declared in action.yml`)
    }
  }
  return problems
}
