// Finding the files a user named (paths, folders, globs) and zipping them on the fly.
import { stat } from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'

export interface FoundFiles {
  /** Absolute paths of regular files, sorted, no duplicates. */
  files: string[]
  /** The folder the files' names in an archive are relative to. */
  rootDirectory: string
  /** True when a pattern named a folder (not a file or a glob), so its content is one unit. */
  namedFolder: boolean
}

/**
 * Resolves patterns, one per line (`!pattern` excludes, `#` starts a comment), relative to `cwd`.
 * Folders match their whole content. Hidden files are included: a build output is what it is.
 */
export async function findFiles(patterns: string[], cwd: string): Promise<FoundFiles> {
  const absolute = patterns.map(p => {
    const negated = p.startsWith('!')
    const body = negated ? p.slice(1) : p
    const resolved = path.isAbsolute(body) ? body : path.join(cwd, body)
    return negated ? `!${resolved}` : resolved
  })
  // Loaded when used: @actions/glob pulls in @actions/core and all of undici (start-up cost).
  const { create: createGlobber } = await import('@actions/glob')
  const globber = await createGlobber(absolute.join('\n'), {
    followSymbolicLinks: true,
    implicitDescendants: true,
    matchDirectories: true,
    omitBrokenSymbolicLinks: true
  })
  const found = new Set<string>()
  for await (const match of globber.globGenerator()) {
    if ((await stat(match)).isFile()) found.add(match)
  }
  const files = [...found].sort()

  const searchPaths = globber.getSearchPaths()
  let namedFolder = false
  for (const p of absolute) {
    if (p.startsWith('!') || /[*?[\]{}]/.test(p)) continue
    const info = await stat(p).catch(() => undefined)
    if (info?.isDirectory()) namedFolder = true
  }
  return { files, rootDirectory: commonRoot(searchPaths, files), namedFolder }
}

/**
 * The folder the archive's entry names are relative to: the deepest folder the search paths share.
 * `p` is the platform's path module (a parameter so both platforms are tested anywhere).
 */
export function commonRoot(
  searchPaths: string[],
  files: string[],
  p: path.PlatformPath = path
): string {
  if (files.length === 1 && searchPaths.length === 1 && searchPaths[0] === files[0]) {
    return p.dirname(files[0])
  }
  // Windows paths compare without case: C:\Work and c:\work are one folder.
  const windows = p.sep === '\\'
  const same = (a: string, b: string) => (windows ? a.toLowerCase() === b.toLowerCase() : a === b)
  const parts = searchPaths.map(x => x.split(p.sep))
  const common: string[] = []
  for (let i = 0; parts.every(x => i < x.length && same(x[i], parts[0][i])); i++) {
    common.push(parts[0][i])
  }
  let root = common.join(p.sep)
  // Nothing, or only a drive, in common: the filesystem root. A bare 'C:' would mean that drive's
  // current folder to Windows, and entry names would come out as '../..'.
  if (root === '' || (windows && /^[A-Za-z]:$/.test(root))) root = p.parse(searchPaths[0]).root
  // A search path that is itself a file (e.g. two files named side by side) is not a folder.
  return files.some(f => same(f, root)) ? p.dirname(root) : root
}

/** Name of a file inside an archive: relative to the root, always with forward slashes. */
export function archiveEntryName(file: string, rootDirectory: string): string {
  return path.relative(rootDirectory, file).split(path.sep).join('/')
}

/**
 * A zip of `files` as a stream, built while it is read: nothing is held in memory or written to
 * disk. The size is unknown in advance (entries are deflated), so it is sent chunked.
 */
export async function zipStream(files: string[], rootDirectory: string): Promise<Readable> {
  const { default: yazl } = await import('yazl')
  const zip = new yazl.ZipFile()
  for (const file of files) {
    const info = await stat(file)
    zip.addFile(file, archiveEntryName(file, rootDirectory), {
      mtime: info.mtime,
      mode: info.mode,
      compress: true
    })
  }
  zip.end()
  return zip.outputStream as Readable
}
