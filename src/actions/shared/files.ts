// Finding the files a user named (paths, folders, globs) and zipping them on the fly.
import { open, readdir, stat } from 'node:fs/promises'
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
export async function findFiles(
  patterns: string[],
  cwd: string,
  platform: NodeJS.Platform = process.platform
): Promise<FoundFiles> {
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
  const matched = [...found].sort()

  const searchPaths = globber.getSearchPaths()
  let namedFolder = false
  for (const p of absolute) {
    if (p.startsWith('!') || /[*?[\]{}]/.test(p)) continue
    const info = await stat(p).catch(() => undefined)
    if (info?.isDirectory()) namedFolder = true
  }
  const rootDirectory = commonRoot(searchPaths, matched)
  if (!CASE_INSENSITIVE.has(platform)) return { files: matched, rootDirectory, namedFolder }
  const list = cachedListing()
  const spelled = await Promise.all(matched.map(f => diskSpelling(f, rootDirectory, list)))
  // Two patterns spelling one file differently name it once.
  return { files: [...new Set(spelled)].sort(), rootDirectory, namedFolder }
}

/** Platforms whose file systems find a file whatever the case of its name (macOS by default). */
const CASE_INSENSITIVE = new Set<NodeJS.Platform>(['win32', 'darwin'])

/**
 * Whether two absolute, normalised paths name the same file: `C:\\Logs\\a.log` and
 * `c:\\logs\\A.LOG` do where the file system ignores case.
 */
export function samePath(
  a: string,
  b: string,
  platform: NodeJS.Platform = process.platform
): boolean {
  return CASE_INSENSITIVE.has(platform) ? a.toLowerCase() === b.toLowerCase() : a === b
}

/** Lists a folder's entry names once per search; an unreadable folder lists nothing. */
function cachedListing(): (dir: string) => Promise<string[]> {
  const listings = new Map<string, Promise<string[]>>()
  return dir => {
    let names = listings.get(dir)
    if (!names) {
      names = readdir(dir).catch(() => [])
      listings.set(dir, names)
    }
    return names
  }
}

/**
 * `file` with the part below `root` spelled as the file system spells it. Windows finds
 * `OUT\Logs\a.log` for the folder `out\logs`, and @actions/glob answers with the pattern's
 * spelling, so archive entry names and file names would follow whatever case the workflow typed
 * and unpack on Linux under names the bot does not use. A segment with no match is kept as is.
 */
export async function diskSpelling(
  file: string,
  root: string,
  list: (dir: string) => Promise<string[]>,
  p: path.PlatformPath = path
): Promise<string> {
  const below = p.relative(root, file)
  if (below === '' || below.startsWith('..') || p.isAbsolute(below)) return file
  let current = root
  for (const segment of below.split(p.sep)) {
    const names = await list(current)
    const lower = segment.toLowerCase()
    const spelled = names.includes(segment)
      ? segment
      : (names.find(n => n.toLowerCase() === lower) ?? segment)
    current = p.join(current, spelled)
  }
  return current
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

/**
 * Name of a file inside an archive: relative to the root, always with forward slashes (the zip
 * format's separator), whatever the platform. `p` is the platform's path module.
 */
export function archiveEntryName(
  file: string,
  rootDirectory: string,
  p: path.PlatformPath = path
): string {
  return p.relative(rootDirectory, file).split(p.sep).join('/')
}

/** A regular file's type bits, which a zip entry's Unix mode carries with its permissions. */
const REGULAR_FILE = 0o100000

/**
 * Whether `zipEntryMode` needs a file's first bytes: only for a name without an extension (after
 * its last `/`), which may be a script with an interpreter line.
 */
export function needsHead(entryName: string): boolean {
  return path.posix.extname(entryName) === ''
}

/**
 * The Unix mode of a zip entry. Elsewhere it is the file's own mode. Windows has no execute bits
 * (stat reports 0o666, or 0o444 when read-only, for every file), so a zip built there would unpack
 * on a Linux bot runner with every file world-writable and no script runnable. There: 0o644, and
 * 0o755 for what the Runner or a bot starts directly on Linux: `*.sh`, and extensionless files
 * whose first two bytes are `#!` (gradlew, bin/ launchers). Other files with an interpreter line
 * (`main.py`) are run through their interpreter, so they stay 0o644. No folder entries are
 * written: unzip creates the folders itself (0o755 under the usual umask).
 */
export function zipEntryMode(
  entryName: string,
  stats: { mode: number },
  head: Uint8Array | undefined,
  platform: NodeJS.Platform = process.platform
): number {
  if (platform !== 'win32') return stats.mode
  const script = /\.sh$/i.test(entryName)
  const shebang = needsHead(entryName) && head?.[0] === 0x23 && head[1] === 0x21
  return REGULAR_FILE | (script || shebang ? 0o755 : 0o644)
}

/** The first two bytes of a file (fewer when it is shorter). */
async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/**
 * A zip of `files` as a stream, built while it is read: nothing is held in memory or written to
 * disk. The size is unknown in advance (entries are deflated), so it is sent chunked.
 */
export async function zipStream(
  files: string[],
  rootDirectory: string,
  platform: NodeJS.Platform = process.platform
): Promise<Readable> {
  const { default: yazl } = await import('yazl')
  const zip = new yazl.ZipFile()
  for (const file of files) {
    const info = await stat(file)
    const name = archiveEntryName(file, rootDirectory)
    const head = platform === 'win32' && needsHead(name) ? await readHead(file) : undefined
    zip.addFile(file, name, {
      mtime: info.mtime,
      mode: zipEntryMode(name, info, head, platform),
      compress: true
    })
  }
  zip.end()
  return zip.outputStream as Readable
}
