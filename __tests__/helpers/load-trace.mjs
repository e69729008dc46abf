// Preloaded with `node --import` by the start-up budget test: records every module file the
// step loads (the bundle and its chunks) and, as it exits, every built-in module of Node, into
// the file named by LOAD_TRACE_FILE.
import { appendFileSync } from 'node:fs'
import { register } from 'node:module'

const traceFile = process.env.LOAD_TRACE_FILE
if (traceFile) {
  register(
    'data:text/javascript,' +
      encodeURIComponent(`
        import { appendFileSync } from 'node:fs'
        export async function load(url, context, next) {
          if (url.startsWith('file:')) appendFileSync(${JSON.stringify(traceFile)}, 'file ' + url + '\\n')
          return next(url, context)
        }`)
  )
  process.on('exit', () => {
    const builtins = process.moduleLoadList
      .filter(entry => entry.startsWith('NativeModule '))
      .map(entry => `builtin ${entry.slice('NativeModule '.length)}`)
    appendFileSync(traceFile, `${builtins.join('\n')}\n`)
  })
}
