// `node -r ./test/helpers/register-typescript.js src/cli.ts` runs the sources as they are, without a
// build: each .ts file is transpiled as it is required (the type checks run separately in npm test).
const { readFileSync } = require('node:fs')
const ts = require('typescript')

const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true }

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename })
  module._compile(outputText, filename)
}
