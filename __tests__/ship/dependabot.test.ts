// Dependabot's configuration: both ecosystems, minor/patch grouped, and the majors we cannot take
// yet held back (the reasons are comments in .github/dependabot.yml).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'

interface Update {
  'package-ecosystem': string
  directory: string
  groups?: Record<string, { 'update-types'?: string[] }>
  ignore?: { 'dependency-name': string; versions?: string[] }[]
}

const config = parse(readFileSync('.github/dependabot.yml', 'utf8')) as {
  version: number
  updates: Update[]
}
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  devDependencies: Record<string, string>
  dependencies: Record<string, string>
}

describe('dependabot', () => {
  it('updates npm and github-actions, minor and patch grouped', () => {
    expect(config.version).toBe(2)
    expect(config.updates.map(u => u['package-ecosystem']).sort()).toEqual([
      'github-actions',
      'npm'
    ])
    for (const u of config.updates) {
      const types = Object.values(u.groups ?? {}).flatMap(g => g['update-types'] ?? [])
      expect(types.sort()).toEqual(['minor', 'patch'])
    }
  })

  it.each([
    ['typescript', '>=7'],
    ['undici', '>=8'],
    ['jest', '>=30'],
    ['ts-jest', '>=30']
  ])('holds %s at %s back, and the project is below it', (name, versions) => {
    const npm = config.updates.find(u => u['package-ecosystem'] === 'npm')!
    expect(npm.ignore).toContainEqual({ 'dependency-name': name, versions: [versions] })
    const declared = pkg.dependencies[name] ?? pkg.devDependencies[name]
    const major = Number(/(\d+)/.exec(declared)?.[1])
    expect(major).toBeLessThan(Number(versions.slice(2)))
  })
})
