import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'

// The layers of src/ (docs/architecture.md): imports only go down, and only the action layer
// knows it runs inside GitHub Actions.
const MAY_IMPORT: Record<string, string[]> = {
  action: ['action', 'run', 'platform', 'http', 'findings', 'output', 'util'],
  run: ['run', 'platform', 'http', 'output', 'util'],
  platform: ['platform', 'http', 'util'],
  http: ['http', 'util'],
  findings: ['findings', 'util'],
  output: ['output', 'util'],
  util: ['util']
}
const ENTRY_POINTS = ['index.ts', 'post.ts', 'main.ts', 'post-main.ts']
const SRC = path.join(process.cwd(), 'src')

async function sources(): Promise<Array<{ file: string; layer: string; text: string }>> {
  const entries = await fs.readdir(SRC, { withFileTypes: true, recursive: true })
  const files = entries
    .filter(entry => entry.isFile() && entry.name.endsWith('.ts'))
    .map(entry => path.join(entry.parentPath, entry.name))
  return Promise.all(
    files.map(async file => ({
      file: path.relative(SRC, file),
      layer: path.relative(SRC, file).split(path.sep)[0]!,
      text: await fs.readFile(file, 'utf8')
    }))
  )
}

function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*)'([^']+)'/g)].map(match => match[1]!)
}

describe('the layers of src/', () => {
  it('has only the entry points at the top and the seven layer folders below them', async () => {
    const layers = new Set((await sources()).map(source => source.layer))
    // index.ts and post.ts are the runner's; main.ts and post-main.ts export `run` for
    // @github/local-action.
    expect([...layers].sort()).toEqual(
      [
        'action',
        'findings',
        'http',
        'index.ts',
        'main.ts',
        'output',
        'platform',
        'post-main.ts',
        'post.ts',
        'run',
        'util'
      ].sort()
    )
  })

  it('imports only down the layers', async () => {
    const upward: string[] = []
    for (const { file, layer, text } of await sources()) {
      if (ENTRY_POINTS.includes(layer)) continue
      for (const target of importsOf(text).filter(spec => spec.startsWith('.'))) {
        const resolved = path.relative(SRC, path.resolve(SRC, path.dirname(file), target))
        const targetLayer = resolved.split(path.sep)[0]!
        if (!MAY_IMPORT[layer]!.includes(targetLayer)) upward.push(`${file} -> ${resolved}`)
      }
    }
    expect(upward).toEqual([])
  })

  it('keeps @actions/*, the runner environment and process.exit in the action layer', async () => {
    const leaks: string[] = []
    for (const { file, layer, text } of await sources()) {
      if (layer === 'action' || ENTRY_POINTS.includes(layer)) continue
      if (importsOf(text).some(spec => spec.startsWith('@actions/')))
        leaks.push(`${file}: @actions`)
      if (/\bprocess\.(env|exit)\b/.test(text)) leaks.push(`${file}: process.env/exit`)
    }
    expect(leaks).toEqual([])
  })
})
