import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  MAX_FILE_NAME_BYTES,
  allocateFileName,
  cutToBytes,
  overlongName,
  safeFileName,
  splitExtension,
  uniqueFileName,
  windowsPathProblem
} from '../../src/actions/shared/file-names.js'

const bytes = (s: string) => Buffer.byteLength(s, 'utf8')
const FALLBACK = 'artifact-7'

describe('safeFileName: paths from the server keep only their last segment', () => {
  it.each([
    ['../x', 'x'],
    ['../../../../etc/passwd', 'passwd'],
    ['/etc/passwd', 'passwd'],
    ['C:\\x', 'x'],
    ['C:\\Windows\\System32\\drivers\\etc\\hosts', 'hosts'],
    ['C:x', 'C_x'],
    ['C:', 'C_'],
    ['\\\\server\\share', 'share'],
    ['\\\\server\\share\\report.pdf', 'report.pdf'],
    ['\\\\?\\C:\\x.txt', 'x.txt'],
    ['dir/sub/', 'sub'],
    ['..\\..\\x.bat', 'x.bat'],
    ['a/../b', 'b'],
    ['file.txt:secret-stream', 'file.txt_secret-stream'],
    ['report.pdf', 'report.pdf'],
    ['relatório final.xlsx', 'relatório final.xlsx'],
    ['.env.example', '.env.example']
  ])('%j -> %j', (raw, safe) => {
    expect(safeFileName(raw, FALLBACK)).toBe(safe)
  })
})

describe('safeFileName: nothing usable left gives the fallback', () => {
  it.each([
    '',
    '   ',
    '.',
    '..',
    '...',
    '/',
    '\\',
    '//',
    '../',
    '..\\..',
    '\u0000',
    '. .',
    null,
    undefined
  ])('%j -> the fallback', raw => {
    expect(safeFileName(raw, FALLBACK)).toBe(FALLBACK)
  })
  it('makes an unsafe fallback safe too, and ends at "file"', () => {
    expect(safeFileName('', '../fallback')).toBe('fallback')
    expect(safeFileName('..', '..')).toBe('file')
  })
})

describe('safeFileName: control and invisible characters', () => {
  it.each([
    ['evil.sh\u0000.txt', 'evil.sh.txt'],
    ['a\u0000b', 'ab'],
    ['line\nbreak\r.txt', 'linebreak.txt'],
    ['tab\there', 'tabhere'],
    ['bell\u0007\u001b[31m.txt', 'bell[31m.txt'],
    ['del\u007f.txt', 'del.txt'],
    ['c1\u0085\u009b.txt', 'c1.txt'],
    // U+202E RIGHT-TO-LEFT OVERRIDE would show `invoice‮fdp.exe` as `invoiceexe.pdf`
    ['invoice\u202efdp.exe', 'invoicefdp.exe'],
    ['\ufeffbom.txt', 'bom.txt'],
    ['zero\u200bwidth.txt', 'zerowidth.txt'],
    ['..\u0000/x', 'x']
  ])('%j -> %j', (raw, safe) => {
    expect(safeFileName(raw, FALLBACK)).toBe(safe)
  })
})

describe('safeFileName: Windows rules', () => {
  it.each([
    ['CON', '_CON'],
    ['con', '_con'],
    ['NUL', '_NUL'],
    ['nul.txt', '_nul.txt'],
    ['Aux.tar.gz', '_Aux.tar.gz'],
    ['PRN', '_PRN'],
    ['COM1', '_COM1'],
    ['lpt9.log', '_lpt9.log'],
    ['COM¹', '_COM¹'],
    ['CONIN$', '_CONIN$'],
    ['CON ', '_CON'],
    ['CON.', '_CON'],
    ['console.log', 'console.log'],
    ['nullable.txt', 'nullable.txt'],
    ['COM10', 'COM10'],
    ['a<b>c:d"e|f?g*h.txt', 'a_b_c_d_e_f_g_h.txt'],
    ['trailing. . .', 'trailing'],
    ['  padded.txt  ', 'padded.txt']
  ])('%j -> %j', (raw, safe) => {
    expect(safeFileName(raw, FALLBACK)).toBe(safe)
  })
})

describe('safeFileName: long names are cut to 255 UTF-8 bytes keeping the extension', () => {
  it('1000 ASCII characters', () => {
    const name = safeFileName(`${'a'.repeat(1000)}.pdf`, FALLBACK)
    expect(bytes(name)).toBe(MAX_FILE_NAME_BYTES)
    expect(name).toBe(`${'a'.repeat(251)}.pdf`)
  })
  it('a compound extension stays whole', () => {
    const name = safeFileName(`${'b'.repeat(600)}.tar.gz`, FALLBACK)
    expect(name.endsWith('.tar.gz')).toBe(true)
    expect(bytes(name)).toBe(MAX_FILE_NAME_BYTES)
  })
  it('multi-byte characters are never split', () => {
    const name = safeFileName(`${'é'.repeat(1000)}.txt`, FALLBACK)
    expect(bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES)
    expect(name).toBe(`${'é'.repeat(125)}.txt`)
    const emoji = safeFileName(`${'👍🏽'.repeat(300)}.png`, FALLBACK)
    expect(bytes(emoji)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES)
    expect(emoji).toMatch(/^(👍🏽)+\.png$/u)
  })
  it('a name without an extension, or with an absurd one, is simply cut', () => {
    expect(safeFileName('x'.repeat(5000), FALLBACK)).toBe('x'.repeat(255))
    const odd = safeFileName(`a.${'e'.repeat(600)}`, FALLBACK)
    expect(bytes(odd)).toBe(MAX_FILE_NAME_BYTES)
    expect(odd.startsWith('a.eee')).toBe(true)
  })
  it('a cut never ends in a dot or a space', () => {
    const name = safeFileName(`${'a'.repeat(250)}   .    .txt`, FALLBACK)
    expect(name).toBe(`${'a'.repeat(250)}.txt`)
  })
  it('a smaller limit is honoured', () => {
    expect(safeFileName('abcdefghij.txt', FALLBACK, 8)).toBe('abcd.txt')
  })
})

describe('splitExtension and cutToBytes', () => {
  it.each([
    ['a.pdf', ['a', '.pdf']],
    ['a.tar.gz', ['a', '.tar.gz']],
    ['.env', ['.env', '']],
    ['.tar.gz', ['.tar', '.gz']],
    ['noext', ['noext', '']],
    ['a.has space', ['a.has space', '']]
  ])('%j', (name, parts) => {
    expect(splitExtension(name)).toEqual(parts)
  })
  it('cuts on character boundaries', () => {
    expect(cutToBytes('héllo', 2)).toBe('h')
    expect(cutToBytes('héllo', 3)).toBe('hé')
    expect(cutToBytes('abc', 10)).toBe('abc')
  })
})

describe('uniqueFileName: collisions get a numbered suffix, case-insensitively', () => {
  it('numbers repeats before the extension', () => {
    const taken = new Set<string>()
    expect(uniqueFileName('report.pdf', taken)).toBe('report.pdf')
    expect(uniqueFileName('report.pdf', taken)).toBe('report (1).pdf')
    expect(uniqueFileName('REPORT.PDF', taken)).toBe('REPORT (2).PDF')
    expect(uniqueFileName('Report.pdf', taken)).toBe('Report (3).pdf')
    expect(uniqueFileName('data.tar.gz', taken)).toBe('data.tar.gz')
    expect(uniqueFileName('data.tar.gz', taken)).toBe('data (1).tar.gz')
  })
  it('skips a numbered name that is already taken', () => {
    const taken = new Set(['a (1).txt', 'a.txt'])
    expect(uniqueFileName('a.txt', taken)).toBe('a (2).txt')
  })
  it('NFC and NFD spellings of one name collide', () => {
    const taken = new Set<string>()
    expect(uniqueFileName(safeFileName('cafe\u0301.txt', FALLBACK), taken)).toBe('café.txt')
    expect(allocateFileName('café.txt', FALLBACK, taken)).toBe('café (1).txt')
  })
  it('a suffixed long name still fits in 255 bytes and keeps its extension', () => {
    const taken = new Set<string>()
    const long = `${'z'.repeat(1000)}.csv`
    const first = allocateFileName(long, FALLBACK, taken)
    const second = allocateFileName(long, FALLBACK, taken)
    expect(bytes(first)).toBe(MAX_FILE_NAME_BYTES)
    expect(bytes(second)).toBe(MAX_FILE_NAME_BYTES)
    expect(second.endsWith(' (1).csv')).toBe(true)
    expect(second).not.toBe(first)
  })
  it('fallbacks collide like any other name', () => {
    const taken = new Set<string>()
    expect(allocateFileName('..', 'artifact-1', taken)).toBe('artifact-1')
    expect(allocateFileName('artifact-1', 'x', taken)).toBe('artifact-1 (1)')
  })
})

describe('every name lands directly inside the folder, on a real file system', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'file-names-'))
  })
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  const hostile = [
    '../escape.txt',
    '../../escape2.txt',
    '/tmp/abs.txt',
    'C:\\Windows\\win.ini',
    '\\\\server\\share\\unc.txt',
    '..',
    '.',
    '',
    'a\u0000b',
    `${'n'.repeat(1000)}.log`,
    `${'ü'.repeat(400)}.log`,
    'CON',
    'same.txt',
    'SAME.txt',
    'same.txt',
    ...Array.from({ length: 200 }, () => randomBytes(40).toString('latin1'))
  ]

  it('writes each one inside the folder, under a distinct name', () => {
    const taken = new Set<string>()
    const names = hostile.map((raw, i) => allocateFileName(raw, `artifact-${i}`, taken))
    for (const name of names) {
      expect(name).not.toMatch(/[\\/]/)
      // eslint-disable-next-line no-control-regex
      expect(name).not.toMatch(/[\u0000-\u001f\u007f]/)
      expect(['', '.', '..']).not.toContain(name)
      expect(bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES)
      const full = path.resolve(dir, name)
      expect(path.dirname(full)).toBe(dir)
      writeFileSync(full, 'x', { flag: 'wx' })
    }
    expect(new Set(names.map(n => n.toLowerCase())).size).toBe(names.length)
    expect(readdirSync(dir)).toHaveLength(names.length)
    expect(readdirSync(path.dirname(dir)).some(n => n.startsWith('escape'))).toBe(false)
  })
})

describe('windowsPathProblem: a typed path Windows cannot create as it is', () => {
  it('accepts ordinary paths, drives, shares and steps', () => {
    for (const ok of [
      'exports/log.csv',
      'exports\\log.csv',
      'C:\\Users\\runner\\log.csv',
      'D:/a/b.json',
      '\\\\server\\share\\logs\\x.csv',
      '\\\\?\\C:\\long\\x.csv',
      '../x/./y.csv',
      '.env',
      'console.csv',
      'com10.txt',
      'nul-report.csv'
    ]) {
      expect([ok, windowsPathProblem(ok)]).toEqual([ok, undefined])
    }
  })

  it('names the first name Windows refuses, and why', () => {
    expect(windowsPathProblem('a<b.csv')).toBe("Windows does not allow '<' in the name 'a<b.csv'")
    expect(windowsPathProblem('C:\\x\\y:z\\log.csv')).toBe(
      "Windows does not allow ':' in the name 'y:z'"
    )
    expect(windowsPathProblem('"q".csv')).toMatch(/'"'/)
    expect(windowsPathProblem('x*.csv')).toMatch(/'\*'/)
    expect(windowsPathProblem('dir\u0001/x.csv')).toBe(
      'The name "dir\\u0001" holds a control character'
    )
    expect(windowsPathProblem('report. ')).toMatch(/ends the name 'report. '/)
    expect(windowsPathProblem('folder./x.csv')).toMatch(/ends the name 'folder.'/)
    for (const device of ['CON', 'prn.txt', 'Aux.csv', 'NUL', 'com1', 'COM9.log', 'lpt3.csv']) {
      expect(windowsPathProblem(`exports/${device}`)).toBe(
        `'${device}' is a Windows device name, not a file name`
      )
    }
  })
})

describe('overlongName: a name no file system takes', () => {
  it('counts UTF-16 units on Windows and UTF-8 bytes elsewhere', () => {
    // 200 characters, 600 UTF-8 bytes: NTFS takes it, ext4 and APFS do not.
    const wide = '\u6587'.repeat(200)
    expect(overlongName(`C:\\w\\${wide}.png`, 'win32')).toBeUndefined()
    expect(overlongName(`/w/${wide}.png`, 'linux')).toBe(`${wide}.png`)
    const long = `${'s'.repeat(300)}.png`
    expect(overlongName(`C:\\w\\shots/${long}`, 'win32')).toBe(long)
    expect(overlongName(`/w/${long}/x`, 'darwin')).toBe(long)
  })

  it('takes 255 and the root, drive or share as they are', () => {
    const max = 's'.repeat(MAX_FILE_NAME_BYTES)
    expect(overlongName(`\\\\server\\share\\${max}`, 'win32')).toBeUndefined()
    expect(overlongName(`/${max}/${max}`, 'linux')).toBeUndefined()
    expect(overlongName(`/${max}s`, 'linux')).toBe(`${max}s`)
  })
})
