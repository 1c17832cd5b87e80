// A local action's action.yml: its inputs, outputs and how it runs. Only JavaScript actions run
// here; anything else is reported with the file and line of `runs.using`.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml'

export interface ActionInput {
  name: string
  description?: string
  required: boolean
  default?: string
}

export interface ActionMetadata {
  dir: string
  file: string
  name: string
  inputs: ActionInput[]
  outputs: string[]
  using: string
  /** `file:line` of `runs.using`, for messages. */
  usingAt: string
  main?: string
  pre?: string
  post?: string
  preIf?: string
  postIf?: string
}

export class ActionMetadataError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ActionMetadataError'
  }
}

export const NODE_RUNTIMES = ['node12', 'node16', 'node20', 'node24']

export function actionFile(dir: string): string | undefined {
  for (const name of ['action.yml', 'action.yaml']) {
    if (existsSync(join(dir, name))) return join(dir, name)
  }
  return undefined
}

function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined
  return typeof v === 'string' ? v : String(v)
}

export function loadActionMetadata(dir: string): ActionMetadata {
  const file = actionFile(dir)
  if (!file) throw new ActionMetadataError(`No action.yml or action.yaml in ${dir}`)
  const lc = new LineCounter()
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lc })
  if (doc.errors.length > 0) {
    const e = doc.errors[0]
    throw new ActionMetadataError(`${file}:${e.linePos?.[0].line ?? 1}: ${e.message}`)
  }
  const root = doc.toJS() as Record<string, unknown> | null
  if (!root || typeof root !== 'object') throw new ActionMetadataError(`${file}: not a mapping`)
  const runs = root.runs as Record<string, unknown> | undefined
  if (!runs || typeof runs !== 'object') throw new ActionMetadataError(`${file}: no runs section`)
  let usingAt = file
  const runsNode = doc.get('runs', true)
  if (isMap(runsNode)) {
    const using = runsNode.get('using', true)
    if (isScalar(using) && using.range) usingAt = `${file}:${lc.linePos(using.range[0]).line}`
  }
  const inputs: ActionInput[] = []
  for (const [name, spec] of Object.entries((root.inputs as Record<string, unknown>) ?? {})) {
    const s = (spec ?? {}) as Record<string, unknown>
    inputs.push({
      name,
      description: text(s.description),
      required: s.required === true || s.required === 'true',
      default: text(s.default)
    })
  }
  return {
    dir,
    file,
    name: text(root.name) ?? dir,
    inputs,
    outputs: Object.keys((root.outputs as Record<string, unknown>) ?? {}),
    using: String(runs.using ?? ''),
    usingAt,
    main: text(runs.main),
    pre: text(runs.pre),
    post: text(runs.post),
    preIf: text(runs['pre-if']),
    postIf: text(runs['post-if'])
  }
}

/** Why this action cannot run here, or undefined when it is a JavaScript action. */
export function unsupportedReason(meta: ActionMetadata): string | undefined {
  if (NODE_RUNTIMES.includes(meta.using) && meta.main) return undefined
  if (meta.using === 'composite') return `${meta.usingAt}: composite actions are not supported`
  if (meta.using === 'docker') return `${meta.usingAt}: Docker actions are not supported`
  if (NODE_RUNTIMES.includes(meta.using)) return `${meta.usingAt}: runs.main is missing`
  return `${meta.usingAt}: runs.using '${meta.using}' is not supported (only ${NODE_RUNTIMES.join(', ')})`
}

/** The environment variable name of an input, as the runner builds it. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

export interface ResolvedInputs {
  values: Record<string, string>
  warnings: string[]
}

/**
 * `with:` values merged over the declared defaults. Defaults may hold `${{ }}`; `evaluateDefault`
 * evaluates them. Unknown keys still reach the action (as on GitHub) but draw a warning.
 */
export function resolveInputs(
  meta: ActionMetadata,
  withValues: Record<string, string>,
  evaluateDefault: (text: string) => string = t => t
): ResolvedInputs {
  const values: Record<string, string> = {}
  const warnings: string[] = []
  const given = new Map(Object.entries(withValues).map(([k, v]) => [k.toLowerCase(), { k, v }]))
  for (const input of meta.inputs) {
    const g = given.get(input.name.toLowerCase())
    if (g) values[input.name] = g.v
    else if (input.default !== undefined) values[input.name] = evaluateDefault(input.default)
    else {
      values[input.name] = ''
      if (input.required) warnings.push(`Input required and not supplied: ${input.name}`)
    }
  }
  const declared = new Set(meta.inputs.map(i => i.name.toLowerCase()))
  const unexpected = Object.keys(withValues).filter(k => !declared.has(k.toLowerCase()))
  for (const k of unexpected) values[k] = withValues[k]
  if (unexpected.length > 0) {
    warnings.push(
      `Unexpected input(s) ${unexpected.map(k => `'${k}'`).join(', ')}, valid inputs are [${meta.inputs
        .map(i => `'${i.name}'`)
        .join(', ')}]`
    )
  }
  return { values, warnings }
}
