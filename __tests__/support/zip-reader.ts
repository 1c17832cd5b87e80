// Reads zips back with Python's zipfile: a reader independent of the zip code under test, and one
// that Linux and Windows runners both have (`unzip` is not a Windows command).
import { pythonOutput, pythonText } from './platform.js'

/** Every entry's name in archive order, folders (ending in '/') included. */
export function zipNames(zipFile: string): string[] {
  const script =
    'import sys,zipfile\nsys.stdout.buffer.write("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()).encode())'
  const text = pythonOutput(script, [zipFile]).toString()
  return text === '' ? [] : text.split('\n')
}

/** One entry's content, decoded as UTF-8. */
export function zipEntryText(zipFile: string, name: string): string {
  const script =
    'import sys,zipfile\nsys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))'
  return pythonOutput(script, [zipFile, name]).toString()
}

/**
 * One line per entry, by name: its name, the system that made it (3 = Unix) and its Unix mode in
 * octal, e.g. `run.sh 3 0o100755`; the text ends with a newline.
 */
export function zipEntryModes(zipFile: string): string {
  const script =
    'import sys,zipfile\nfor i in sorted(zipfile.ZipFile(sys.argv[1]).infolist(), key=lambda i: i.filename): print(i.filename, i.create_system, oct(i.external_attr >> 16))'
  return pythonText(script, [zipFile])
}
