// A file name that comes from a server is untrusted: it may hold `../`, an absolute path, a drive
// letter, a UNC share, NUL or other control characters, a Windows device name, or thousands of
// characters. These pure functions turn it into ONE plain file name that can only ever name an
// entry directly inside the folder the user chose, on Linux, macOS and Windows alike. The same
// Windows rules also judge a path the user typed (`windowsPathProblem`), which is refused, not
// rewritten: the user named that file.
import path from 'node:path'
import { CONTROL_CHARS, invalidInput } from './inputs.js'

/** The limit of ext4, APFS and NTFS (NTFS counts UTF-16 units; 255 UTF-8 bytes is never more). */
export const MAX_FILE_NAME_BYTES = 255

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/** An extension longer than this is part of the name, not an extension worth keeping. */
const MAX_EXTENSION_BYTES = 32

// C0 and C1 control characters (NUL included), DEL, and the invisible marks that make a name look
// like something else (bidirectional overrides turn `exe.txt` into `txt.exe` on screen, BOM, ZWSP).
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g
// Not allowed in Windows file names (`:` would also select an NTFS alternate data stream), nor by
// the GitHub artifact service in uploaded paths.
const WINDOWS_INVALID = /[<>:"|?*]/g
// Device names Windows opens instead of a file, also with an extension (`nul.txt`).
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\.|$)/i

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/**
 * Why Windows cannot create this path as typed, or undefined when it can. Each name after the
 * root (`C:\\`, `\\\\server\\share\\`) is checked: none of `< > : " | ? *` or control characters,
 * no trailing dot or space (Windows drops them, so `log.csv.` would be written as `log.csv`), and
 * no device name, also with an extension (`NUL`, `con.csv`, `COM1`: Windows opens the device).
 * `/` and `\\` both separate; `.` and `..` are steps, not names.
 */
export function windowsPathProblem(value: string): string | undefined {
  const root = path.win32.parse(value).root
  for (const name of value.slice(root.length).split(/[\\/]/)) {
    if (name === '' || name === '.' || name === '..') continue
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f]/.test(name))
      return `The name ${JSON.stringify(name)} holds a control character`
    const invalid = /[<>:"|?*]/.exec(name)
    if (invalid) return `Windows does not allow '${invalid[0]}' in the name '${name}'`
    if (/[. ]$/.test(name)) return `Windows drops the dot or space that ends the name '${name}'`
    if (WINDOWS_DEVICE.test(name)) return `'${name}' is a Windows device name, not a file name`
  }
  return undefined
}

/**
 * The first name in the path `file` that is longer than file systems allow, or undefined: over
 * 255 UTF-16 units on Windows (NTFS counts those), over 255 UTF-8 bytes elsewhere. Linux and macOS
 * refuse such a name with ENAMETOOLONG, but Windows answers ENOENT, as for a file not written yet.
 */
export function overlongName(
  file: string,
  platform: NodeJS.Platform = process.platform
): string | undefined {
  const windows = platform === 'win32'
  const root = (windows ? path.win32 : path.posix).parse(file).root
  for (const name of file.slice(root.length).split(windows ? /[\\/]/ : '/')) {
    if ((windows ? name.length : utf8Length(name)) > MAX_FILE_NAME_BYTES) return name
  }
  return undefined
}

/** What `windowsPathProblem` accepts, for the `Accepted:` part of an input error. */
export const WINDOWS_PATH_RULES =
  'on Windows, names without < > : " | ? * or control characters, not ending in a dot or space, and no device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9, also with an extension)'

/**
 * On Windows, refuses a typed path that Windows cannot create as it is (see windowsPathProblem);
 * elsewhere such names are valid. A control character is shown through JSON, so the message keeps its line.
 */
export function refuseWindowsPath(
  input: string,
  value: string,
  accepted: string,
  platform: NodeJS.Platform = process.platform
): void {
  if (platform !== 'win32') return
  const problem = windowsPathProblem(value)
  if (!problem) return
  const shown = CONTROL_CHARS.test(value) ? JSON.stringify(value) : value
  throw invalidInput(input, problem, shown, `${accepted}; ${WINDOWS_PATH_RULES}`)
}

/** The longest start of `text` within `maxBytes` UTF-8 bytes, never splitting a character. */
export function cutToBytes(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text
  let out = ''
  let used = 0
  for (const { segment } of segmenter.segment(text)) {
    const size = utf8Length(segment)
    if (used + size > maxBytes) break
    out += segment
    used += size
  }
  return out
}

/** `report.tar.gz` -> [`report`, `.tar.gz`]; a leading dot (`.env`) is not an extension. */
export function splitExtension(name: string): [stem: string, extension: string] {
  const compound = /\.tar\.[^.]+$/i.exec(name)
  const dot = compound && compound.index > 0 ? compound.index : name.lastIndexOf('.')
  if (dot <= 0) return [name, '']
  const extension = name.slice(dot)
  if (utf8Length(extension) > MAX_EXTENSION_BYTES || /\s/.test(extension)) return [name, '']
  return [name.slice(0, dot), extension]
}

/** `stem + tail` within `maxBytes`, cutting the stem (the tail, e.g. ` (2).pdf`, is kept). */
function fit(stem: string, tail: string, maxBytes: number): string {
  const room = maxBytes - utf8Length(tail)
  if (room <= 0) return cutToBytes(stem + tail, maxBytes)
  return cutToBytes(stem, room).replace(/[. ]+$/, '') + tail
}

function clean(raw: string, maxBytes: number): string {
  const text = raw.normalize('NFC').replace(INVISIBLE, '')
  // Both separators, whatever the platform: `C:\x`, `\\server\share\x` and `../x` all end in `x`.
  const segments = text.split(/[\\/]/).filter(s => s.trim() !== '')
  let name = (segments.pop() ?? '').replace(WINDOWS_INVALID, '_').trim()
  // Windows drops trailing dots and spaces, so `evil.` and `evil` would be one file there.
  name = name.replace(/[. ]+$/, '')
  if (name === '') return ''
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`
  const [stem, extension] = splitExtension(name)
  return fit(stem, extension, maxBytes)
}

/**
 * Reduces an untrusted name to one safe file name: only its last path segment is kept (both `/`
 * and `\` separate), invisible and control characters are removed, characters Windows refuses
 * become `_`, trailing dots and spaces go, a Windows device name gets a `_` in front, and a long
 * name is cut to `maxBytes` of UTF-8 keeping its extension. When nothing usable is left (empty,
 * `.`, `..`), the result is `fallback` made safe the same way (or `file`).
 */
export function safeFileName(
  raw: string | null | undefined,
  fallback: string,
  maxBytes = MAX_FILE_NAME_BYTES
): string {
  return clean(String(raw ?? ''), maxBytes) || clean(fallback, maxBytes) || 'file'
}

/** The key two names collide on: case-insensitive, as on Windows and macOS by default. */
export function fileNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase()
}

/**
 * Returns `name`, or `name (1).ext`, `name (2).ext`, ... : the first whose key is not in `taken`,
 * within `maxBytes`; adds the chosen name's key to `taken`.
 */
export function uniqueFileName(
  name: string,
  taken: Set<string>,
  maxBytes = MAX_FILE_NAME_BYTES
): string {
  let candidate = name
  const [stem, extension] = splitExtension(name)
  for (let n = 1; taken.has(fileNameKey(candidate)); n++) {
    candidate = fit(stem, ` (${n})${extension}`, maxBytes)
  }
  taken.add(fileNameKey(candidate))
  return candidate
}

/** `safeFileName` then `uniqueFileName`: the name a downloaded file gets inside its folder. */
export function allocateFileName(
  raw: string | null | undefined,
  fallback: string,
  taken: Set<string>,
  maxBytes = MAX_FILE_NAME_BYTES
): string {
  return uniqueFileName(safeFileName(raw, fallback, maxBytes), taken, maxBytes)
}
