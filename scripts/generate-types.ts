import { writeFile } from 'node:fs/promises'
import { renderGeneratedTypes } from './generated-types'

async function main(): Promise<void> {
  for (const [file, contents] of await renderGeneratedTypes()) {
    await writeFile(file, contents)
    console.log(`wrote ${file}`)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
