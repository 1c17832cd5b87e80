import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createWriteStream } from 'node:fs'
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import {
  archiveEntryName,
  commonRoot,
  diskSpelling,
  findFiles,
  samePath,
  zipEntryMode,
  zipStream
} from '../../src/actions/shared/files.js'
import { zipEntryModes, zipEntryText, zipNames } from '../support/zip-reader.js'

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
    expect(zipNames(out).sort()).toEqual(['.hidden', 'app.js', 'sub/data.json'])
    expect(zipEntryText(out, 'sub/data.json')).toBe('{"a":1}\n')
    expect((await readFile(out)).subarray(0, 2).toString()).toBe('PK')
  })
})

describe('zip entries built on Windows', () => {
  it('gets 0o644 for files and 0o755 for *.sh and extensionless #! files, not the 0o666 Windows reports', async () => {
    const bot = path.join(ws, 'bot')
    const files: Record<string, string> = {
      'main.py': '#!/usr/bin/env python3\nprint(1)\n',
      'run.sh': 'python3 main.py\n',
      'bin/launcher': '#!/bin/sh\nexec python3 main.py\n',
      'bin/notes': 'no interpreter line\n',
      'bin/empty': '',
      '.env': 'MODE=prod\n'
    }
    for (const [name, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(bot, name)), { recursive: true })
      await writeFile(path.join(bot, name), content)
      // What stat says for every file on Windows.
      await chmod(path.join(bot, name), 0o666)
    }
    const found = await findFiles(['bot'], ws)
    const out = path.join(ws, 'bot.zip')
    await pipeline(
      await zipStream(found.files, found.rootDirectory, 'win32'),
      createWriteStream(out)
    )
    expect(zipEntryModes(out)).toBe(
      [
        '.env 3 0o100644',
        'bin/empty 3 0o100644',
        'bin/launcher 3 0o100755',
        'bin/notes 3 0o100644',
        'main.py 3 0o100644',
        'run.sh 3 0o100755',
        ''
      ].join('\n')
    )
  })

  it("keeps the file's own mode elsewhere; on Windows the name and first bytes decide", () => {
    expect(zipEntryMode('run.sh', { mode: 0o100700 }, undefined, 'linux')).toBe(0o100700)
    expect(zipEntryMode('notes', { mode: 0o100600 }, Buffer.from('#!'), 'darwin')).toBe(0o100600)
    expect(zipEntryMode('RUN.SH', { mode: 0o100444 }, undefined, 'win32')).toBe(0o100755)
    expect(zipEntryMode('tool', { mode: 0o100666 }, Buffer.from('#'), 'win32')).toBe(0o100644)
  })

  it('names entries with forward slashes from Windows paths', () => {
    const root = 'C:\\a\\bot'
    expect(archiveEntryName('C:\\a\\bot\\lib\\sub\\x.py', root, path.win32)).toBe('lib/sub/x.py')
    expect(archiveEntryName('C:\\a\\bot\\main.py', root, path.win32)).toBe('main.py')
  })
})

describe('diskSpelling (case-insensitive file systems)', () => {
  it('spells each segment below the root as the folder lists it, not as the pattern typed it', async () => {
    const typed = path.join(ws, 'BUILD', 'SUB', 'Data.JSON')
    expect(await diskSpelling(typed, ws, dir => readdir(dir))).toBe(
      path.join(ws, 'build', 'sub', 'data.json')
    )
  })

  it('works on Windows paths, keeps an exact match and what it cannot find', async () => {
    const listings: Record<string, string[]> = {
      'C:\\w': ['out', 'OUT2'],
      'C:\\w\\out': ['logs', 'Logs'],
      'C:\\w\\out\\Logs': ['a.log']
    }
    const list = async (dir: string) => listings[dir] ?? []
    const { win32 } = path
    // 'Logs' exists as typed: the exact name wins over the other spelling.
    expect(await diskSpelling('C:\\w\\OUT\\Logs\\A.LOG', 'C:\\w', list, win32)).toBe(
      'C:\\w\\out\\Logs\\a.log'
    )
    expect(await diskSpelling('C:\\w\\out2\\new.txt', 'C:\\w', list, win32)).toBe(
      'C:\\w\\OUT2\\new.txt'
    )
    // Outside the root nothing is listed or changed.
    expect(await diskSpelling('D:\\x\\Y.txt', 'C:\\w', list, win32)).toBe('D:\\x\\Y.txt')
  })

  it('leaves findFiles answers unchanged where the spelling is already right', async () => {
    const found = await findFiles(['build/sub', 'report.txt'], ws, 'win32')
    expect(found.files).toEqual([path.join(ws, 'build/sub/data.json'), path.join(ws, 'report.txt')])
  })
})

describe('samePath', () => {
  it('ignores case on Windows and macOS, not on Linux', () => {
    expect(samePath('C:\\w\\Logs\\a.log', 'c:\\W\\logs\\A.LOG', 'win32')).toBe(true)
    expect(samePath('/Users/me/Logs/a.log', '/users/me/logs/a.log', 'darwin')).toBe(true)
    expect(samePath('/w/Logs/a.log', '/w/logs/a.log', 'linux')).toBe(false)
    expect(samePath('/w/logs/a.log', '/w/logs/a.log', 'linux')).toBe(true)
    expect(samePath('C:\\w\\a.log', 'C:\\w\\b.log', 'win32')).toBe(false)
  })
})

describe('commonRoot', () => {
  const { posix, win32 } = path

  it('is the deepest folder the search paths share', () => {
    expect(commonRoot(['/w/dist/a', '/w/dist/b'], ['/w/dist/a/x', '/w/dist/b/y'], posix)).toBe(
      '/w/dist'
    )
    expect(commonRoot(['/w/a.txt', '/w/b.txt'], ['/w/a.txt', '/w/b.txt'], posix)).toBe('/w')
    expect(commonRoot(['/a/x', '/b/y'], ['/a/x/1', '/b/y/2'], posix)).toBe('/')
  })

  it('on Windows, compares without case and never answers a bare drive', () => {
    expect(
      commonRoot(['C:\\Work\\dist\\a', 'c:\\work\\dist\\b'], ['C:\\Work\\dist\\a\\x'], win32)
    ).toBe('C:\\Work\\dist')
    // Only the drive in common: its root, not 'C:' (that drive's current folder to Windows).
    const root = commonRoot(['C:\\a\\x', 'C:\\b\\y'], ['C:\\a\\x\\1', 'C:\\b\\y\\2'], win32)
    expect(root).toBe('C:\\')
    expect(win32.relative(root, 'C:\\b\\y\\2')).toBe('b\\y\\2')
  })
})
