// Can this process write in a folder, or read a file? Asked before the first request, so a
// workflow's mistake stops the step before Maestro sees anything.
//
// On Windows `access` looks only at the read-only attribute and ignores ACLs: a folder the runner's
// account may not write in, or a file it may not read, passes it, and the step would fail only
// after its requests. There the check does what the step will do: create (and remove) a file in
// the folder, or open the file for reading. Elsewhere `access` answers for the permission bits.
import { randomBytes } from 'node:crypto'
import { accessSync, closeSync, constants, openSync, rmSync } from 'node:fs'
import path from 'node:path'

/** The file-system calls the checks make; a parameter so tests can play Windows anywhere. */
export interface AccessFs {
  accessSync(file: string, mode: number): void
  openSync(file: string, flags: string): number
  closeSync(fd: number): void
  rmSync(file: string, options: { force: boolean }): void
}

const nodeFs: AccessFs = { accessSync, openSync, closeSync, rmSync }

/** Throws the file system's error unless this process can create files in `folder`. */
export function checkWritableFolder(
  folder: string,
  platform: NodeJS.Platform = process.platform,
  fs: AccessFs = nodeFs
): void {
  if (platform !== 'win32') return fs.accessSync(folder, constants.W_OK)
  // Unique, so two steps checking one folder at once never meet; 'wx' never opens another file.
  const probe = path.join(folder, `.maestro-write-check-${randomBytes(8).toString('hex')}.tmp`)
  fs.closeSync(fs.openSync(probe, 'wx'))
  fs.rmSync(probe, { force: true })
}

/** Throws the file system's error unless this process can read `file`. */
export function checkReadableFile(
  file: string,
  platform: NodeJS.Platform = process.platform,
  fs: AccessFs = nodeFs
): void {
  if (platform !== 'win32') return fs.accessSync(file, constants.R_OK)
  fs.closeSync(fs.openSync(file, 'r'))
}
