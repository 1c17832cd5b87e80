import type { On } from '../context.js'

export function registerLogs(_on: On): void {}
