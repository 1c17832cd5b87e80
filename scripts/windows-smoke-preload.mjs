// Loaded with `node --import` into every action that scripts/windows-smoke.mjs runs under wine. It
// works around two gaps of wine 8.0 (Debian 12) that a real Windows runner does not have, so the
// actions' own code runs unchanged (wine 10.0 has neither; both shims then change nothing):
// - wine passes a Windows process only the environment variables whose names are identifiers, so
//   INPUT_ACCESS-KEY would vanish: the smoke script puts those in a JSON file, set here before the
//   action starts.
// - a TCP keep-alive set on a socket that is still connecting makes wine fail the connect
//   (`connect UNKNOWN`); undici (fetch) does exactly that. Here it is set once connected.
import { readFileSync } from 'node:fs'
import net from 'node:net'

const file = process.env.WINDOWS_SMOKE_ENV
if (file) {
  delete process.env.WINDOWS_SMOKE_ENV
  Object.assign(process.env, JSON.parse(readFileSync(file, 'utf8')))
}

const setKeepAlive = net.Socket.prototype.setKeepAlive
net.Socket.prototype.setKeepAlive = function (enable, initialDelay) {
  if (!this.connecting) return setKeepAlive.call(this, enable, initialDelay)
  this.once('connect', () => setKeepAlive.call(this, enable, initialDelay))
  return this
}
