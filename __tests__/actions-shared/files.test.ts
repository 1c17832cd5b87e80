import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { archiveEntryName, findFiles, zipStream } from '../../src/actions/shared/files.js'

let ws: string

beforeAll(async () => {
  ws = await mkdtemp(path.join(tmpdir(), 'files-'))
  await mkdir(path.join(ws, 'build/sub'), { recursive: true })
  await writeFile(path.join(ws, 'build/app.js'), 'console.log(1)\n')
  await writeFile(path.join(ws, 'build/sub/data.json'), '{"a":1}\n')
  await writeFile(path.join(ws, 'build/.hidden'), 'h\n')
  await writeFile(path.join(ws, 'report.txt'), 'report\n')
  await writeFile(path.join(ws, 'notes.md'), 'notes\n')
})
afterAll(async () => {
  await rm(ws, { recursive: true, force: true })
})

describe('findFiles', () => {
  it('finds one named file, rooted at its folder', async () => {
    const found = await findFiles(['report.txt'], ws)
    expect(found.files).toEqual([path.join(ws, 'report.txt')])
    expect(found.rootDirectory).toBe(ws)
    expect(found.namedFolder).toBe(false)
  })

  it('expands a folder to all its files, hidden ones included, rooted at the folder', async () => {
    const found = await findFiles(['build'], ws)
    expect(found.files.map(f => archiveEntryName(f, found.rootDirectory))).toEqual([
      '.hidden',
      'app.js',
      'sub/data.json'
    ])
    expect(found.namedFolder).toBe(true)
  })

  it('applies globs and exclusions', async () => {
    const found = await findFiles(['build/**/*.js*', '!build/sub/**', '*.txt'], ws)
    expect(found.files).toEqual([path.join(ws, 'build/app.js'), path.join(ws, 'report.txt')])
    expect(found.rootDirectory).toBe(ws)
  })

  it('roots two side-by-side files at their common folder', async () => {
    const found = await findFiles(['report.txt', 'notes.md'], ws)
    expect(found.rootDirectory).toBe(ws)
    expect(found.files).toHaveLength(2)
  })

  it('finds nothing for a path that does not exist', async () => {
    const found = await findFiles(['missing/*.zip'], ws)
    expect(found.files).toEqual([])
  })
})

describe('zipStream', () => {
  it('produces a zip that unzip reads back with the same content', async () => {
    const found = await findFiles(['build'], ws)
    const out = path.join(ws, 'out.zip')
    await pipeline(await zipStream(found.files, found.rootDirectory), createWriteStream(out))
    const listing = execFileSync('python3', [
      '-c',
      'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); print("\\n".join(sorted(z.namelist()))); print(z.read("sub/data.json").decode(), end="")',
      out
    ]).toString()
    expect(listing).toBe('.hidden\napp.js\nsub/data.json\n{"a":1}\n')
    expect((await readFile(out)).subarray(0, 2).toString()).toBe('PK')
  })
})
