// The README stays true: its action tables are generated from action.yml (`npm run readme:check`),
// its quick start is exactly the two commands, and its gallery shows each example as it is on disk.
import { describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { EXAMPLES_DIR, exampleFiles } from './support.js'

const readme = readFileSync('README.md', 'utf8')

/** The text of a `## Title` section, up to the next `## `. */
function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`)
  expect(start).toBeGreaterThanOrEqual(0)
  const end = readme.indexOf('\n## ', start + 1)
  return readme.slice(start, end < 0 ? undefined : end)
}

describe('README', () => {
  test('the action tables are current (npm run readme:check)', () => {
    const r = spawnSync(process.execPath, ['scripts/action-metadata.mjs', '--check'], {
      encoding: 'utf8'
    })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
  })

  test('every action has an inputs and an outputs table', () => {
    const actions = readdirSync('actions').sort()
    expect(actions).toEqual(
      expect.arrayContaining(['create-task', 'finish-task', 'get-credential'])
    )
    for (const name of actions) {
      expect(readme).toContain(`<!-- inputs:${name} -->`)
      expect(readme).toContain(`<!-- outputs:${name} -->`)
    }
  })

  test('the quick start is exactly the two commands', () => {
    const blocks = [...section('Quick start').matchAll(/```sh\n([\s\S]*?)```/g)]
    const commands = blocks
      .flatMap(b => b[1].split('\n'))
      .map(l => l.replace(/\s+#.*$/, '').trim())
      .filter(Boolean)
    expect(commands).toEqual(['npm ci && npm start', 'npm ci && npm test'])
  })

  test('the gallery shows each example exactly as the file is', () => {
    const gallery = section('Examples')
    for (const file of exampleFiles()) {
      const yaml = readFileSync(join(EXAMPLES_DIR, file), 'utf8')
      expect({ file, shown: gallery.includes(`\`\`\`yaml\n${yaml}\`\`\``) }).toEqual({
        file,
        shown: true
      })
      expect(gallery).toContain(`examples/workflows/${file}`)
    }
  })
})
