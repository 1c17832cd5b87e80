import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import {
  cell,
  formatMarkdown,
  loadActions,
  renderInputs,
  renderOutputs,
  updateSections
} from '../../scripts/action-metadata.mjs'
import { REPO_ROOT, checkAction, findNamesObject, validateActionMetadata } from './action-check.js'
import { FIXTURES_DIR } from './runner.js'

const node = { using: 'node24', main: 'index.js' }

describe('the action metadata schema', () => {
  it('accepts the fixtures and each kind of runs', () => {
    const read = (f: string) => parseYaml(readFileSync(join(FIXTURES_DIR, f), 'utf8'))
    expect(validateActionMetadata(read('actions-src/ts-action/action.yml'))).toEqual([])
    // The echo fixture declares 'with space' to test the runner's INPUT_ naming; GitHub's
    // documented syntax does not allow spaces in ids, and neither does the schema.
    expect(validateActionMetadata(read('echo-action/action.yml'))).toContain(
      '/inputs property name must be valid'
    )
    const base = { name: 'n', description: 'd', author: 'a' }
    expect(
      validateActionMetadata({
        ...base,
        runs: {
          ...node,
          pre: 'pre.js',
          'pre-if': 'runner.os == Linux',
          post: 'p.js',
          'post-if': 'always()'
        },
        branding: { icon: 'upload-cloud', color: 'gray-dark' },
        inputs: {
          'a-b_c': { description: 'x', required: false, default: false, deprecationMessage: 'old' }
        },
        outputs: { id: { description: 'x' } }
      })
    ).toEqual([])
    expect(
      validateActionMetadata({
        ...base,
        runs: {
          using: 'composite',
          steps: [{ run: 'echo', shell: 'bash' }, { uses: 'actions/checkout@v4' }]
        }
      })
    ).toEqual([])
    expect(
      validateActionMetadata({
        ...base,
        runs: { using: 'docker', image: 'Dockerfile', args: ['a'] }
      })
    ).toEqual([])
  })
  it('rejects what GitHub would reject', () => {
    const base = { name: 'n', description: 'd', runs: node }
    expect(validateActionMetadata({ ...base, runs: { using: 'node16', main: 'a.js' } })).toContain(
      '/runs/using must be equal to one of the allowed values: node20, node24'
    )
    expect(validateActionMetadata({ ...base, branding: { color: 'pink' } })).toContain(
      '/branding/color must be equal to one of the allowed values: white, black, yellow, blue, green, orange, red, purple, gray-dark'
    )
    expect(validateActionMetadata({ ...base, inputs: { x: { required: true } } })).toContain(
      "/inputs/x must have required property 'description'"
    )
    expect(validateActionMetadata({ ...base, colour: 'x' })).toContain(
      "/ must NOT have additional properties: 'colour'"
    )
    expect(
      validateActionMetadata({ ...base, inputs: { '1bad': { description: 'x' } } }).length
    ).toBeGreaterThan(0)
    expect(validateActionMetadata({ name: 'n', runs: node })).toContain(
      "/ must have required property 'description'"
    )
    expect(validateActionMetadata({ ...base, runs: { using: 'node24' } }).length).toBeGreaterThan(0)
  })
})

function repo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'repo-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

const goodYml = `name: Demo
description: A demo action
inputs:
  server: { description: s }
  login: { description: l }
  access-key: { description: k }
  ca-certificate: { description: c }
  insecure-skip-tls-verify: { description: i, default: 'false' }
  timeout-seconds: { description: t, default: '60' }
  label: { description: the label, required: true }
  dry-run: { description: d, default: 'false' }
outputs:
  task-id: { description: id }
runs:
  using: node24
  main: ../../dist/demo/index.js
`
const goodMain = `import { readConnection, ConnectionInputs } from '../shared/connection.js'
export const Inputs = { ...ConnectionInputs, label: 'label', dryRun: 'dry-run' } as const
export const Outputs = { taskId: 'task-id' } as const
export async function run(core, inputs) {
  const connection = readConnection(core)
  const label = inputs.required(Inputs.label)
  const dry = inputs.boolean(Inputs.dryRun, false)
  core.setOutput(Outputs.taskId, 1)
}
`
const good = {
  'actions/demo/action.yml': goodYml,
  'src/actions/demo/main.ts': goodMain,
  'src/actions/demo/index.ts': `import { run } from './main.js'\n`,
  'dist/demo/index.js': '// bundle\n'
}

describe('checkAction', () => {
  it('a consistent action has no problems', () => {
    expect(checkAction({ name: 'demo', root: repo(good) })).toEqual([])
  })
  it('declared but never read, read but not declared', () => {
    const root = repo({
      ...good,
      'src/actions/demo/main.ts': goodMain
        .replace("dryRun: 'dry-run'", "dryRun: 'dryrun'")
        .replace('Outputs = { taskId', 'Outputs = { x: "extra", taskId')
    })
    expect(checkAction({ name: 'demo', root })).toEqual([
      "input 'dry-run' is declared in action.yml but the code never reads it",
      "input 'dryrun' is read by the code but not declared in action.yml",
      "output 'extra' is in Outputs but not declared in action.yml"
    ])
  })
  it('string-literal reads, unused Inputs keys, a spread without readConnection', () => {
    const root = repo({
      ...good,
      'src/actions/demo/main.ts': goodMain
        .replace('readConnection(core)', 'undefined')
        .replace('inputs.boolean(Inputs.dryRun, false)', "inputs.boolean('dry-run', false)")
    })
    expect(checkAction({ name: 'demo', root })).toEqual([
      'Inputs spreads ConnectionInputs but nothing calls readConnection(',
      "Inputs.dryRun ('dry-run') is never read",
      "input 'dry-run' is read by a string literal: name it in Inputs"
    ])
  })
  it('runs.using, runs.main, the bundle and the schema', () => {
    const root = repo({
      ...good,
      'actions/demo/action.yml': goodYml
        .replace('node24', 'node20')
        .replace('../../dist/demo/index.js', 'index.js'),
      'dist/demo/index.js': ''
    })
    expect(checkAction({ name: 'demo', root })).toEqual([
      'runs.using must be node24, is node20',
      'runs.main must be ../../dist/demo/index.js, is index.js'
    ])
    const noDist = repo({ ...good, 'dist/demo/index.js': '' })
    rmSync(join(noDist, 'dist'), { recursive: true })
    expect(checkAction({ name: 'demo', root: noDist })).toEqual([
      'dist/demo/index.js does not exist: run npm run bundle'
    ])
    expect(checkAction({ name: 'demo', root: noDist, skipDistCheck: true })).toEqual([])
    const badSchema = repo({
      ...good,
      'actions/demo/action.yml': goodYml.replace('name: Demo\n', '')
    })
    expect(checkAction({ name: 'demo', root: badSchema })).toEqual([
      "action.yml: / must have required property 'name'"
    ])
  })
  it('no Inputs object, no action.yml', () => {
    const root = repo({ ...good, 'src/actions/demo/main.ts': 'export const x = 1\n' })
    expect(checkAction({ name: 'demo', root })).toContain(
      "no 'const Inputs = { ... } as const' in src/actions/demo"
    )
    expect(checkAction({ name: 'nope', root })).toEqual(['actions/nope/action.yml does not exist'])
  })
  it('findNamesObject reads keys, quoted keys and spreads', () => {
    const o = findNamesObject(
      {
        'a.ts': `const Inputs = {\n  ...ConnectionInputs,\n  a: 'x-y',\n  'b-c': "z", // c: 'no'\n} as const`
      },
      'Inputs'
    )
    expect(o?.entries).toEqual({ a: 'x-y', 'b-c': 'z', c: 'no' })
    expect(o?.spreads).toEqual(['ConnectionInputs'])
  })
})

describe('README tables (scripts/action-metadata.mjs)', () => {
  const meta = {
    inputs: {
      server: { description: 'Maestro address.\nFalls back to BOTCITY_SERVER.', required: false },
      label: { description: 'a | b', required: true },
      wait: { description: 'Wait?', default: false },
      token: { description: 't', default: '${{ github.token }}', deprecationMessage: 'Use login.' }
    },
    outputs: { 'task-id': { description: 'The id.' } }
  }
  it('renders inputs and outputs', () => {
    expect(renderInputs(meta)).toBe(
      [
        '| Input | Required | Default | Description |',
        '| --- | --- | --- | --- |',
        '| `server` | no |  | Maestro address. Falls back to BOTCITY_SERVER. |',
        '| `label` | yes |  | a \\| b |',
        '| `wait` | no | `false` | Wait? |',
        '| `token` | no | `${{ github.token }}` | t **Deprecated:** Use login. |'
      ].join('\n')
    )
    expect(renderOutputs(meta)).toBe(
      '| Output | Description |\n| --- | --- |\n| `task-id` | The id. |'
    )
    expect(renderInputs({})).toBe('_No inputs._')
    expect(cell(' a\r\n  b ')).toBe('a b')
  })
  it('regenerates marked sections and reports stale and unknown ones', async () => {
    const format = (md: string) => formatMarkdown(md, join(REPO_ROOT, 'README.md'))
    const actions = [{ name: 'demo', meta }]
    const readme =
      '# T\n\n<!-- inputs:demo -->\nold\n<!-- /inputs:demo -->\n\n<!-- outputs:gone -->\n<!-- /outputs:gone -->\n'
    const first = await updateSections(readme, actions, format)
    expect(first.problems).toEqual([
      { kind: 'inputs', name: 'demo', reason: 'stale' },
      { kind: 'outputs', name: 'gone', reason: 'unknown' }
    ])
    expect(first.text).toContain('| `label`  | yes      |')
    const second = await updateSections(first.text, actions, format)
    expect(second.problems).toEqual([{ kind: 'outputs', name: 'gone', reason: 'unknown' }])
    expect(second.text).toBe(first.text)
    // what we generate is what prettier keeps
    expect(await format(first.text)).toBe(first.text.trimEnd())
  })
  it('--check and --write from the command line', () => {
    const root = repo({
      'actions/demo/action.yml': goodYml,
      'README.md': '# R\n\n<!-- inputs:demo -->\n<!-- /inputs:demo -->\n'
    })
    const cli = (...args: string[]) =>
      spawnSync(
        process.execPath,
        [
          'scripts/action-metadata.mjs',
          '--readme',
          join(root, 'README.md'),
          '--actions',
          join(root, 'actions'),
          ...args
        ],
        { cwd: REPO_ROOT, encoding: 'utf8' }
      )
    const stale = cli('--check')
    expect(stale.status).toBe(1)
    expect(stale.stderr).toContain(
      'README section <!-- inputs:demo --> is out of date with actions/demo/action.yml'
    )
    expect(stale.stderr).toContain('To fix: node scripts/action-metadata.mjs --write')
    expect(cli('--write').status).toBe(0)
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('| `label`')
    const ok = cli('--check')
    expect(ok.status).toBe(0)
    expect(ok.stdout).toBe('README action tables are current.\n')
    expect(loadActions(join(root, 'actions')).map((a: { name: string }) => a.name)).toEqual([
      'demo'
    ])
  })
})
