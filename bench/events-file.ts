import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import type { SegmentEvent } from '@segment/actions-core'

/** Lines handed to the file at once: fewer, larger writes keep generating a million events to seconds. */
const LINES_PER_WRITE = 1000

/**
 * Writes events 0 to `count` - 1 of `eventAt` to `path` as NDJSON, streaming: memory holds one chunk of
 * lines whatever the count.
 */
export async function writeEvents(path: string, count: number, eventAt: (n: number) => SegmentEvent): Promise<void> {
  const file = createWriteStream(path)
  for (let start = 0; start < count; start += LINES_PER_WRITE) {
    let lines = ''
    for (let n = start; n < Math.min(count, start + LINES_PER_WRITE); n++) lines += `${JSON.stringify(eventAt(n))}\n`
    if (!file.write(lines)) await once(file, 'drain')
  }
  file.end()
  await once(file, 'close')
}
