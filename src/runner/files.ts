import { createReadStream } from 'node:fs'
import { open, readFile, stat, type FileHandle } from 'node:fs/promises'
import type { Readable } from 'node:stream'

/** Input that cannot be read: a missing or unreadable file, or a read that failed midway. */
export class InputError extends Error {}

const FS_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory'
}

function describe(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string }
  return (code && FS_PROBLEMS[code]) ?? message ?? String(error)
}

/** The text of a stream as chunks; a failed read becomes an InputError naming `name`. */
export async function* textOf(stream: Readable, name: string): AsyncGenerator<string> {
  stream.setEncoding('utf8')
  try {
    for await (const chunk of stream) yield chunk as string
  } catch (error) {
    throw new InputError(`cannot read ${name}: ${describe(error)}`)
  }
}

/** Fails early, with an InputError, when `path` is not a readable file. */
export async function checkReadable(path: string): Promise<void> {
  let handle: FileHandle | undefined
  try {
    if ((await stat(path)).isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' })
    handle = await open(path, 'r')
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${describe(error)}`)
  } finally {
    await handle?.close()
  }
}

/** A file's text as chunks, read as they are consumed. */
export function fileText(path: string): AsyncIterable<string> {
  return textOf(createReadStream(path), path)
}

export async function readWholeFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${describe(error)}`)
  }
}

/** A file opened for writing, truncated; an InputError when it cannot be. */
export async function openForWriting(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'w')
  } catch (error) {
    throw new InputError(`cannot write ${path}: ${describe(error)}`)
  }
}
