import type { On } from '../context.js'

export function registerDatapools(_on: On): void {}
