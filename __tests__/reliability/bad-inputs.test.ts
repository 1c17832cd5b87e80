// The bad-input matrix: for every input of every action (read from actions/*/action.yml), values
// it must refuse, generated from the kind the action declares in its `InputKinds` (see
// src/actions/shared/README.md). Each case runs the built bundle as the runner does and must end
// with exit code 1, exactly one `::error` titled `Invalid input '<name>'` that says what is
// accepted, and no request reaching the sandbox (its request log, through a per-case doorway).
// BAD_INPUTS_ONLY=<text>: run only the cases whose name (`<action> <input>: <label>`) contains it;
// the checks that every input has a kind still cover every action.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { InputKind } from '../../src/actions/shared/input-kinds.js'
import { MAX_INPUT_LENGTH } from '../../src/actions/shared/inputs.js'
import { recordReliability } from '../support/reliability.js'
import { actionDir, commandsOf, readActionMetadata, runStep } from '../support/runner.js'
import { startTestSandbox, type TestSandbox } from '../support/test-sandbox.js'
import { actionNames, CONCURRENCY, openDoorway, pool } from './helpers.js'

const MIB = 1024 * 1024
/** A file the workspace holds, for `globs` examples; it holds no certificate. */
const WORKSPACE_FILE = 'report.txt'
/** An (empty) zip the workspace holds, for deploy-bot's `path` example. */
const WORKSPACE_ZIP = 'bot.zip'

/** Values the kind implies are wrong, each with a short label for the report. */
function kindValues(spec: InputKind): Array<[string, string]> {
  switch (spec.kind) {
    case 'text':
    case 'secret':
    case 'lines':
      return []
    case 'boolean':
      return [['not a boolean', 'yes']]
    case 'enum':
      return spec.list
        ? [['one unknown among known', `${spec.values[0]}, no-such-value`]]
        : [['unknown value', 'no-such-value']]
    case 'integer':
      return [
        ['not a number', '1e3'],
        ['below the minimum', String(spec.min - 1)],
        ['above the maximum', (BigInt(spec.max) + 1n).toString()]
      ]
    case 'seconds':
      return [
        ['not a number', '5m'],
        ['below the minimum', spec.min > 0 ? String(spec.min / 2) : '-1'],
        ['above the maximum', String(spec.max + 1)]
      ]
    case 'mapping':
      return [
        ['malformed JSON', '{"a": '],
        ['malformed YAML', 'a: [1, 2'],
        ['a list', '[1, 2]']
      ]
    case 'sequence':
      return [
        ['malformed JSON', '[{"a": '],
        ['a mapping', '{"a": 1}']
      ]
    case 'date':
      return [
        ['not a date', 'tomorrow'],
        ['impossible date', '2026-02-30']
      ]
    case 'url':
      return [
        ['not a URL', 'not a url'],
        ['another scheme', 'ftp://example.com'],
        ['credentials in the URL', 'https://user:secret@example.com']
      ]
    case 'pem-or-file':
      return [
        ['a path that does not exist', 'no/such/ca.pem'],
        ['a file without a certificate', WORKSPACE_FILE],
        ['unterminated PEM', '-----BEGIN CERTIFICATE-----\nMIIB']
      ]
    case 'file-name':
      return [
        ['a path escaping upwards', '../escape'],
        ['a backslash path', 'dir\\name'],
        ['dot-dot', '..'],
        ['a control character', 'a\u0007b']
      ]
    case 'globs':
      return [['a path that does not exist', 'no-such-folder/**']]
    default:
      // A kind added to InputKind without values here: fail rather than test nothing.
      throw new Error(`no bad values for input kind '${(spec as { kind: string }).kind}'`)
  }
}

/** A value that passes validation, for required inputs while another one is tested. */
function exampleValue(spec: InputKind): string {
  if (spec.example !== undefined) return spec.example
  switch (spec.kind) {
    case 'integer':
    case 'seconds':
      return String(spec.min)
    case 'enum':
      return spec.values[0]
    case 'globs':
      return WORKSPACE_FILE
    case 'mapping':
      return '{"a": "b"}'
    default:
      return 'example'
  }
}

interface Case {
  action: string
  input: string
  label: string
  value: string
  secret: boolean
  inputs: Record<string, string>
  /** environment variables removed for this case (an input's fallback, for the empty case) */
  unset: string[]
}

interface Plan {
  cases: Case[]
  /** inputs with no usable kind, and other mismatches between action.yml and InputKinds */
  problems: string[]
}

async function planCases(): Promise<Plan> {
  const cases: Case[] = []
  const problems: string[] = []
  for (const action of actionNames()) {
    const meta = readActionMetadata(actionDir(action))
    const module = (await import(`../../src/actions/${action}/main.js`)) as {
      InputKinds?: Record<string, InputKind>
    }
    const kinds = module.InputKinds
    if (!kinds) {
      problems.push(`${action}: main.ts exports no InputKinds`)
      continue
    }
    const specs: Array<[string, InputKind]> = []
    for (const [input, declared] of Object.entries(meta.inputs)) {
      const spec = kinds[input]
      if (!spec) {
        problems.push(`${action}: input '${input}' has no kind in InputKinds`)
        continue
      }
      if (Boolean(spec.required) !== (declared?.required === true)) {
        problems.push(`${action}: input '${input}' required in action.yml and InputKinds differ`)
      }
      specs.push([input, spec])
    }
    for (const input of Object.keys(kinds)) {
      if (!(input in meta.inputs)) problems.push(`${action}: InputKinds names unknown '${input}'`)
    }
    const base: Record<string, string> = {}
    for (const [input, spec] of specs) if (spec.required) base[input] = exampleValue(spec)
    for (const [input, spec] of specs) {
      let values: Array<[string, string]>
      try {
        values = kindValues(spec)
      } catch (e) {
        problems.push(`${action}: input '${input}': ${(e as Error).message}`)
        continue
      }
      values = [
        ['1 MiB', 'x'.repeat(MIB)],
        ...values,
        ...(spec.invalid ?? []).map((v, i) => [`declared invalid #${i + 1}`, v] as [string, string])
      ]
      const add = (label: string, value: string, unset: string[] = []) =>
        cases.push({
          action,
          input,
          label,
          value,
          secret: spec.kind === 'secret',
          inputs: { ...base, [input]: value },
          unset
        })
      for (const [label, value] of values) add(label, value)
      if (spec.required) add('empty', '')
      else if (spec.env) add(`empty, ${spec.env} unset`, '', [spec.env])
    }
  }
  return { cases, problems }
}

interface Outcome {
  name: string
  ok: boolean
  problems: string[]
}

let sandbox: TestSandbox
let workspace: string
beforeAll(async () => {
  sandbox = await startTestSandbox()
  workspace = mkdtempSync(join(tmpdir(), 'bad-inputs-'))
  writeFileSync(join(workspace, WORKSPACE_FILE), 'not a certificate\n')
  // The end record of an empty zip: what deploy-bot checks a .zip starts with.
  writeFileSync(
    join(workspace, WORKSPACE_ZIP),
    Buffer.from([0x50, 0x4b, 5, 6, ...Array(18).fill(0)])
  )
})
afterAll(async () => {
  await sandbox?.close()
})

const caseName = (c: Case) => `${c.action} ${c.input}: ${c.label}`
const only = process.env.BAD_INPUTS_ONLY

async function runCase(c: Case): Promise<Outcome> {
  const name = caseName(c)
  const door = await openDoorway(sandbox.url)
  let result
  try {
    const env: Record<string, string> = { ...sandbox.env, BOTCITY_SERVER: door.url }
    for (const v of c.unset) delete env[v]
    result = await runStep({
      actionDir: actionDir(c.action),
      inputs: c.inputs,
      env,
      workspace,
      timeoutMs: 60_000
    })
  } finally {
    await door.close()
  }
  const requests = (await sandbox.requests()).filter(r => r.headers.host === door.host)
  const errors = commandsOf(result, 'error')
  const message = errors[0]?.data ?? ''
  const problems: string[] = []
  if (result.exitCode !== 1) problems.push(`exit code ${result.exitCode}`)
  if (errors.length !== 1) problems.push(`${errors.length} ::error commands`)
  else {
    const title = errors[0].properties.title
    if (title !== `Invalid input '${c.input}'`)
      problems.push(`error title ${JSON.stringify(title)}`)
    if (!message.includes('Accepted')) problems.push('the error does not say what is accepted')
    // never a long value in full
    if (message.length > 1000) problems.push(`the error is ${message.length} characters long`)
    if (c.secret && c.value.trim() !== '' && message.includes(c.value.trim()))
      problems.push('the error quotes a secret input')
    if (c.value.length > MAX_INPUT_LENGTH && !message.includes(`${c.value.length} characters`))
      problems.push('the error does not give the length of the too-long value')
  }
  if (requests.length > 0 || door.connections() > 0)
    problems.push(
      `${requests.length} request(s) reached the sandbox (${door.connections()} connection(s)): ${requests.map(r => `${r.method} ${r.path}`).join(', ')}`
    )
  if (problems.length > 0 && errors.length === 1) problems.push(`message: ${message.slice(0, 300)}`)
  return { name, ok: problems.length === 0, problems }
}

describe('bad-input matrix', () => {
  let plan: Plan
  beforeAll(async () => {
    plan = await planCases()
  })

  it('every input of every action has a kind its values can be generated from', () => {
    expect(plan.problems).toEqual([])
    expect(plan.cases.length).toBeGreaterThan(0)
  })

  it('every bad value is refused cleanly: exit 1, one ::error naming the input, no request', async () => {
    const selected = plan.cases.filter(c => !only || caseName(c).includes(only))
    expect(selected.length).toBeGreaterThan(0)
    const outcomes = await pool(selected, CONCURRENCY, async c => {
      const outcome = await runCase(c)
      recordReliability('bad-input', outcome.name, outcome.ok)
      return outcome
    })
    const failed = outcomes.filter(o => !o.ok).map(o => `${o.name}: ${o.problems.join('; ')}`)
    expect(failed).toEqual([])
    // every action's every input got at least the 1 MiB case
    for (const action of actionNames()) {
      const inputs = Object.keys(readActionMetadata(actionDir(action)).inputs)
      for (const input of inputs) {
        expect(
          plan.cases.some(c => c.action === action && c.input === input && c.label === '1 MiB')
        ).toBe(true)
      }
    }
  }, 300_000)
})
