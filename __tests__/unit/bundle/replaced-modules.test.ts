import { promises as fs } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from '@jest/globals'

// `@actions/http-client` and `@actions/exec` are replaced by the stand-ins in stubs/ wherever the
// action is built or tested (stubs/README.md says what and why). This suite fails when the
// mapping differs between the bundle and the tests, or when a dependency imports a name a
// stand-in does not provide: an upgrade of @actions/core that needs more of them is caught
// here, not by a bundle that crashes at load.

const ROOT = process.cwd()
const REPLACED: Record<string, string> = {
  '@actions/http-client': 'stubs/actions-http-client/lib/index.js',
  '@actions/http-client/lib/auth': 'stubs/actions-http-client/lib/auth.js',
  '@actions/exec': 'stubs/actions-exec/lib/index.js'
}
// The packages that import the replaced ones.
const IMPORTERS = ['node_modules/@actions/core/lib', 'node_modules/@actions/github/lib']

async function jsFiles(folder: string): Promise<string[]> {
  const entries = await fs.readdir(path.join(ROOT, folder), {
    recursive: true,
    withFileTypes: true
  })
  return entries
    .filter(entry => entry.isFile() && entry.name.endsWith('.js'))
    .map(entry => path.join(entry.parentPath, entry.name))
}

/** The names each file takes from a replaced module: named imports, and `ns.name` of a namespace. */
async function namesImported(): Promise<Array<{ file: string; module: string; name: string }>> {
  const found: Array<{ file: string; module: string; name: string }> = []
  for (const folder of IMPORTERS) {
    for (const file of await jsFiles(folder)) {
      const text = await fs.readFile(file, 'utf8')
      for (const match of text.matchAll(/import\s+([^;]+?)\s+from\s+['"]([^'"]+)['"]/g)) {
        const [, clause = '', module = ''] = match
        if (!(module in REPLACED)) continue
        const named = /\{([^}]*)\}/.exec(clause)?.[1]
        for (const part of named?.split(',') ?? []) {
          const name = part.trim().split(/\s+as\s+/)[0]
          if (name) found.push({ file, module, name })
        }
        const namespace = /\*\s+as\s+(\w+)/.exec(clause)?.[1]
        if (namespace) {
          for (const use of text.matchAll(new RegExp(`\\b${namespace}\\.(\\w+)`, 'g'))) {
            found.push({ file, module, name: use[1]! })
          }
        }
      }
    }
  }
  return found
}

describe('the modules replaced in the bundle and the tests', () => {
  it('are mapped the same way by tsconfig.json (for ncc) and by jest', async () => {
    const tsconfig = JSON.parse(await fs.readFile(path.join(ROOT, 'tsconfig.json'), 'utf8')) as {
      compilerOptions: { paths: Record<string, string[]> }
    }
    const paths = Object.fromEntries(
      Object.entries(tsconfig.compilerOptions.paths).map(([name, [target = '']]) => [
        name,
        path.normalize(target)
      ])
    )
    expect(paths).toEqual(REPLACED)
    const config = (await import(pathToFileURL(path.join(ROOT, 'jest.config.js')).href)) as {
      default: { moduleNameMapper: Record<string, string> }
    }
    const mapper = config.default.moduleNameMapper
    for (const [name, target] of Object.entries(REPLACED)) {
      const key = `^${name}$`
      expect(mapper[key]).toBe(`<rootDir>/${target}`)
    }
  })

  it('provide every name the dependencies import from them', async () => {
    const imported = await namesImported()
    // Today: HttpClient, BearerCredentialHandler, exec.getExecOutput, and httpClient's names.
    expect(imported.length).toBeGreaterThanOrEqual(3)
    const missing: string[] = []
    for (const { file, module, name } of imported) {
      const url = pathToFileURL(path.join(ROOT, REPLACED[module]!)).href
      const stand = (await import(url)) as Record<string, unknown>
      if (!(name in stand)) missing.push(`${path.relative(ROOT, file)}: ${module} ${name}`)
    }
    expect(missing).toEqual([])
  })
})
