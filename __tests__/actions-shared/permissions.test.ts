import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  checkReadableFile,
  checkWritableFolder,
  type AccessFs
} from '../../src/actions/shared/permissions.js'

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'permissions-'))
  await writeFile(path.join(dir, 'report.txt'), 'report\n')
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const denied = (call: string) =>
  Object.assign(new Error(`EPERM: operation not permitted, ${call}`), { code: 'EPERM' })

/**
 * Windows as a runner's account sees an ACL-protected folder or file: `access` passes (it reads
 * only the read-only attribute), creating or opening fails. Records every call.
 */
function windowsWithAcl(): AccessFs & { calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    accessSync: file => void calls.push(`access ${file}`),
    openSync: (file, flags) => {
      calls.push(`open ${flags} ${file.split(/[\\/]/).pop()}`)
      throw denied('open')
    },
    closeSync: () => void calls.push('close'),
    rmSync: file => void calls.push(`rm ${file}`)
  }
}

describe('checkWritableFolder', () => {
  it('on Windows, refuses a folder access() would pass: it tries to create a file there', () => {
    const fs = windowsWithAcl()
    expect(() => checkWritableFolder('C:\\locked', 'win32', fs)).toThrow(/EPERM/)
    expect(fs.calls).toHaveLength(1)
    expect(fs.calls[0]).toMatch(/^open wx \.maestro-write-check-[0-9a-f]{16}\.tmp$/)
  })

  it('on Windows, creates and removes a uniquely named file, leaving the folder as it was', async () => {
    const before = await readdir(dir)
    checkWritableFolder(dir, 'win32')
    checkWritableFolder(dir, 'win32')
    expect(await readdir(dir)).toEqual(before)
  })

  it('on Windows, fails for a folder that does not exist', () => {
    expect(() => checkWritableFolder(path.join(dir, 'missing'), 'win32')).toThrow(/ENOENT/)
  })

  it('elsewhere, asks access() for W_OK and creates nothing', () => {
    const calls: string[] = []
    const spy: AccessFs = {
      ...fs,
      accessSync: (file, mode) => void calls.push(`${file} ${mode}`),
      openSync: () => {
        throw new Error('no file may be created')
      }
    }
    checkWritableFolder('/srv/out', 'linux', spy)
    expect(calls).toEqual([`/srv/out ${fs.constants.W_OK}`])
  })
})

describe('checkReadableFile', () => {
  it('on Windows, refuses a file access() would pass: it opens it for reading', () => {
    const fs = windowsWithAcl()
    expect(() => checkReadableFile('C:\\logs\\secret.log', 'win32', fs)).toThrow(/EPERM/)
    expect(fs.calls).toEqual(['open r secret.log'])
  })

  it('on Windows, passes a readable file and closes it', () => {
    expect(() => checkReadableFile(path.join(dir, 'report.txt'), 'win32')).not.toThrow()
    expect(() => checkReadableFile(path.join(dir, 'missing.txt'), 'win32')).toThrow(/ENOENT/)
  })

  it('elsewhere, asks access() for R_OK', () => {
    const calls: string[] = []
    const spy: AccessFs = { ...fs, accessSync: (file, mode) => void calls.push(`${file} ${mode}`) }
    checkReadableFile('/srv/report.txt', 'linux', spy)
    expect(calls).toEqual([`/srv/report.txt ${fs.constants.R_OK}`])
  })
})
