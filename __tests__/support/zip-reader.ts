// Reads zips back with Python's zipfile: a reader independent of the zip code under test, and one
// that Linux and Windows runners both have (`unzip` is not a Windows command).
import { pythonOutput } from './platform.js'

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
