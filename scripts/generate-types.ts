import { readFile, writeFile } from 'node:fs/promises'
import { renderGeneratedTypes } from './generated-types'

/** Writes the generated-types.ts files, or with --check fails when any is out of step with the fields. */
async function main(check: boolean): Promise<void> {
  const stale: string[] = []
  for (const [file, contents] of await renderGeneratedTypes()) {
    const current = await readFile(file, 'utf8').catch(() => '')
    if (current === contents) continue
    if (check) stale.push(file)
    else {
      await writeFile(file, contents)
      console.log(`wrote ${file}`)
    }
  }
  if (stale.length > 0) {
    console.error(`Out of step with the field definitions (run npm run types):\n  ${stale.join('\n  ')}`)
    process.exitCode = 1
  } else if (check) console.log('generated types match the field definitions')
}

main(process.argv.includes('--check')).catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
