// `${{ }}` evaluation with GitHub's own expression library, plus what the library leaves to the
// runner: the status functions (success/failure/always/cancelled, answered from the job's state)
// and hashFiles. Template tokens from @actions/workflow-parser are turned into plain values here.
import { Evaluator, Lexer, Parser, data } from '@actions/expressions'
import {
  isBasicExpression,
  isBoolean,
  isMapping,
  isNumber,
  isSequence,
  isString
} from '@actions/workflow-parser'
import { hashFiles } from './hash-files.js'

/** The parser's token type (its index exports the guards, not the class, so derive it). */
export type TemplateToken = Parameters<typeof isString>[0]

export type JobStatus = 'success' | 'failure' | 'cancelled'

/** Everything an expression can see. Context values are plain JSON-like data. */
export interface ExpressionScope {
  contexts: Record<string, unknown>
  /** The job's status as the run progresses; the status functions read it. */
  jobStatus: () => JobStatus
  workspace: string
  /**
   * The YAML value of a scalar that mixes text and `${{ }}`, by the token's position. Needed
   * because the parser builds `format()` for multi-line block scalars from the raw source
   * (indentation kept, `>` not folded), which would change scripts (e.g. break heredocs).
   */
  templateText?: (token: TemplateToken) => string | undefined
}

/** Names the parser accepts; every one of them is present (possibly empty) when evaluating. */
export const CONTEXT_NAMES = [
  'github',
  'env',
  'vars',
  'secrets',
  'job',
  'steps',
  'runner',
  'inputs',
  'matrix',
  'strategy',
  'needs'
]

export class ExpressionEvalError extends Error {
  constructor(
    message: string,
    readonly expression: string
  ) {
    super(message)
    this.name = 'ExpressionEvalError'
  }
}

export function toExpressionData(value: unknown): data.ExpressionData {
  if (value === null || value === undefined) return new data.Null()
  if (typeof value === 'string') return new data.StringData(value)
  if (typeof value === 'number') return new data.NumberData(value)
  if (typeof value === 'boolean') return new data.BooleanData(value)
  if (Array.isArray(value)) return new data.Array(...value.map(toExpressionData))
  if (typeof value === 'object') {
    const d = new data.Dictionary()
    for (const [k, v] of Object.entries(value)) d.add(k, toExpressionData(v))
    return d
  }
  return new data.StringData(String(value))
}

export function fromExpressionData(d: data.ExpressionData | undefined): unknown {
  if (d === undefined) return null
  switch (d.kind) {
    case data.Kind.Null:
      return null
    case data.Kind.String:
    case data.Kind.Number:
    case data.Kind.Boolean:
      return (d as data.StringData | data.NumberData | data.BooleanData).value
    case data.Kind.Array:
      return (d as data.Array).values().map(fromExpressionData)
    default: {
      const out: Record<string, unknown> = {}
      for (const p of (d as data.Dictionary).pairs()) out[p.key] = fromExpressionData(p.value)
      return out
    }
  }
}

/** GitHub's truthiness: false, 0, -0, NaN, '' and null are falsy; objects and arrays truthy. */
export function truthy(d: data.ExpressionData | undefined): boolean {
  if (d === undefined) return false
  switch (d.kind) {
    case data.Kind.Null:
      return false
    case data.Kind.Boolean:
      return (d as data.BooleanData).value
    case data.Kind.Number: {
      const n = (d as data.NumberData).value
      return n !== 0 && !Number.isNaN(n)
    }
    case data.Kind.String:
      return (d as data.StringData).value !== ''
    default:
      return true
  }
}

/** The YAML text of a scalar the parser turned into `format(...)`, when the loader knows it. */
function mixedText(token: TemplateToken, scope: ExpressionScope): string | undefined {
  if (!isBasicExpression(token) || token.originalExpressions === undefined) return undefined
  return scope.templateText?.(token)
}

/** A string field's value: primitives coerce the way GitHub does; objects are an error. */
export function toText(d: data.ExpressionData | undefined, what: string): string {
  if (d === undefined || d.kind === data.Kind.Null) return ''
  if (d.kind === data.Kind.Array || d.kind === data.Kind.Dictionary) {
    throw new Error(
      `${what}: an ${d.kind === data.Kind.Array ? 'array' : 'object'} was not expected`
    )
  }
  return d.coerceString()
}

const STATUS_FUNCTIONS = ['success', 'failure', 'always', 'cancelled']

function functionTable(scope: ExpressionScope) {
  const bool = (v: boolean) => new data.BooleanData(v)
  const fns = [
    { name: 'success', minArgs: 0, maxArgs: 0, call: () => bool(scope.jobStatus() === 'success') },
    { name: 'failure', minArgs: 0, maxArgs: 0, call: () => bool(scope.jobStatus() === 'failure') },
    {
      name: 'cancelled',
      minArgs: 0,
      maxArgs: 0,
      call: () => bool(scope.jobStatus() === 'cancelled')
    },
    { name: 'always', minArgs: 0, maxArgs: 0, call: () => bool(true) },
    {
      name: 'hashFiles',
      minArgs: 1,
      maxArgs: 255,
      call: (...args: data.ExpressionData[]) =>
        new data.StringData(
          hashFiles(
            scope.workspace,
            args.map(a => a.coerceString())
          )
        )
    }
  ]
  return fns
}

/** Evaluates one expression (the text between `${{` and `}}`). */
export function evaluate(expression: string, scope: ExpressionScope): data.ExpressionData {
  const fns = functionTable(scope)
  let ast
  try {
    const lexed = new Lexer(expression).lex()
    ast = new Parser(lexed.tokens, CONTEXT_NAMES, fns).parse()
  } catch (e) {
    throw new ExpressionEvalError(
      `The expression is not valid: ${e instanceof Error ? e.message : String(e)}: ${expression}`,
      expression
    )
  }
  const context = new data.Dictionary()
  for (const name of CONTEXT_NAMES) context.add(name, toExpressionData(scope.contexts[name] ?? {}))
  try {
    const result = new Evaluator(ast, context, new Map(fns.map(f => [f.name.toLowerCase(), f])))
    return result.evaluate() ?? new data.Null()
  } catch (e) {
    throw new ExpressionEvalError(
      `Evaluating ${expression}: ${e instanceof Error ? e.message : String(e)}`,
      expression
    )
  }
}

/** True when an expression calls a status function (so no implicit `success() &&`). */
export function hasStatusFunction(expression: string): boolean {
  const re = new RegExp(`\\b(${STATUS_FUNCTIONS.join('|')})\\s*\\(`, 'i')
  return re.test(expression.replace(/'(?:[^']|'')*'/g, "''"))
}

/**
 * An `if:` condition as GitHub runs it: `${{ }}` optional, `success() && (...)` implied when no
 * status function is called, empty means `success()`.
 */
export function evaluateCondition(condition: string | undefined, scope: ExpressionScope): boolean {
  let expr = (condition ?? '').trim()
  const m = /^\$\{\{([\s\S]*)\}\}$/.exec(expr)
  if (m) expr = m[1].trim()
  if (!expr) expr = 'success()'
  else if (!hasStatusFunction(expr)) expr = `success() && (${expr})`
  return truthy(evaluate(expr, scope))
}

/** Evaluates a template token into plain data (expressions evaluated, literals as they are). */
export function evaluateToken(token: TemplateToken | undefined, scope: ExpressionScope): unknown {
  if (token === undefined) return undefined
  const text = mixedText(token, scope)
  if (text !== undefined) return evaluateTemplateString(text, scope)
  if (isBasicExpression(token)) return fromExpressionData(evaluate(token.expression, scope))
  if (isString(token)) return token.value
  if (isNumber(token)) return token.value
  if (isBoolean(token)) return token.value
  if (isSequence(token)) {
    const out: unknown[] = []
    for (let i = 0; i < token.count; i++) out.push(evaluateToken(token.get(i), scope))
    return out
  }
  if (isMapping(token)) {
    const out: Record<string, unknown> = {}
    for (const pair of token) {
      out[String(evaluateToken(pair.key, scope))] = evaluateToken(pair.value, scope)
    }
    return out
  }
  return null
}

/** A scalar field (run, name, with values...) as the string GitHub would pass on. */
export function evaluateString(
  token: TemplateToken | undefined,
  scope: ExpressionScope,
  what: string
): string {
  if (token === undefined) return ''
  const text = mixedText(token, scope)
  if (text !== undefined) return evaluateTemplateString(text, scope)
  if (isBasicExpression(token)) return toText(evaluate(token.expression, scope), what)
  const v = evaluateToken(token, scope)
  if (v === null || v === undefined) return ''
  if (typeof v === 'object')
    throw new Error(`${what}: a ${Array.isArray(v) ? 'sequence' : 'mapping'} was not expected`)
  return String(v)
}

/** A boolean field (continue-on-error) evaluated with GitHub's truthiness. */
export function evaluateBoolean(token: TemplateToken | undefined, scope: ExpressionScope): boolean {
  if (token === undefined) return false
  if (isBasicExpression(token)) return truthy(evaluate(token.expression, scope))
  return truthy(toExpressionData(evaluateToken(token, scope)))
}

/** Evaluates a plain string that may contain `${{ }}` parts (e.g. an action input default). */
export function evaluateTemplateString(text: string, scope: ExpressionScope): string {
  let out = ''
  let rest = text
  for (;;) {
    const start = rest.indexOf('${{')
    if (start < 0) return out + rest
    const end = findClose(rest, start + 3)
    if (end < 0) throw new ExpressionEvalError(`Unclosed \${{ in: ${text}`, text)
    out += rest.slice(0, start) + toText(evaluate(rest.slice(start + 3, end), scope), text)
    rest = rest.slice(end + 2)
  }
}

function findClose(s: string, from: number): number {
  let inString = false
  for (let i = from; i < s.length; i++) {
    if (s[i] === "'") inString = !inString
    else if (!inString && s.startsWith('}}', i)) return i
  }
  return -1
}
