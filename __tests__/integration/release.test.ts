import { execFile, execFileSync } from 'node:child_process'
import { mkdirSync, promises as fs, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from '@jest/globals'

// scripts/release.ts run as a person runs it (through tsx, in a child process), each time in a
// small repository of its own: a package.json whose `package` script builds nothing, so that
// dist/ is what "the sources build to" exactly when it is committed.

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const SCRIPT = path.join(ROOT, 'scripts', 'release.ts')
const run = promisify(execFile)

// Without jest's --experimental-vm-modules, which the script has no use for.
const inherited = { ...process.env }
delete inherited.NODE_OPTIONS

const folders: string[] = []
afterEach(async () => {
  await Promise.all(folders.splice(0).map(f => fs.rm(f, { recursive: true, force: true })))
})

interface RepoOptions {
  version?: string
  actionVersion?: string
  changelog?: string
  packageScript?: string
}

interface Repo {
  dir: string
  /** A bare repository as `origin`, to show that the script pushes nothing. */
  remote: string
  env: NodeJS.ProcessEnv
  git(...args: string[]): string
  commit(message: string, files: Record<string, string>): void
}

async function makeRepo(options: RepoOptions = {}): Promise<Repo> {
  const base = await fs.mkdtemp(path.join(os.tmpdir(), 'release-test-'))
  folders.push(base)
  const dir = path.join(base, 'repo')
  const remote = path.join(base, 'origin.git')
  await fs.mkdir(dir)
  // The machine's own git configuration (signing, hooks, a default branch) must not take part.
  const globalConfig = path.join(base, 'gitconfig')
  await fs.writeFile(globalConfig, '')
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    GIT_CONFIG_GLOBAL: globalConfig,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Release Test',
    GIT_AUTHOR_EMAIL: 'release-test@example.invalid',
    GIT_COMMITTER_NAME: 'Release Test',
    GIT_COMMITTER_EMAIL: 'release-test@example.invalid'
  }
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' }).trim()
  const commit = (message: string, files: Record<string, string>): void => {
    for (const [name, text] of Object.entries(files)) {
      const file = path.join(dir, name)
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, text)
    }
    git('add', '--all')
    git('commit', '--quiet', '-m', message)
  }

  execFileSync('git', ['init', '--quiet', '--bare', remote], { env })
  git('init', '--quiet', '--initial-branch', 'main')
  git('remote', 'add', 'origin', remote)
  const version = options.version ?? '1.2.3'
  commit('Release 1.2.3', {
    'package.json': JSON.stringify(
      {
        name: 'fake-action',
        version,
        private: true,
        scripts: { package: options.packageScript ?? 'node -e ""' }
      },
      null,
      2
    ),
    'src/util/version.ts': `export const ACTION_VERSION = '${options.actionVersion ?? version}'\n`,
    'CHANGELOG.md':
      options.changelog ??
      '# Changelog\n\n## Unreleased\n\n## 1.2.3\n\n### Added\n\n- Something new.\n\n## 1.2.2\n\n- Older.\n',
    'dist/index.js': 'console.log("bundle")\n'
  })
  return { dir, remote, env, git, commit }
}

interface Result {
  code: number
  stdout: string
  stderr: string
}

async function release(repo: Repo, ...args: string[]): Promise<Result> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', SCRIPT, ...args, '--cwd', repo.dir], {
      cwd: ROOT,
      env: repo.env
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string }
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' }
  }
}

function tags(repo: Repo): string[] {
  return repo.git('tag', '--list').split('\n').filter(Boolean)
}

describe('npm run release', () => {
  it('refuses a dirty working tree, and tags nothing', async () => {
    const repo = await makeRepo()
    await fs.writeFile(path.join(repo.dir, 'notes.txt'), 'not committed\n')
    const result = await release(repo, '1.2.3')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('the working tree is not clean')
    expect(result.stderr).toContain('notes.txt')
    expect(tags(repo)).toEqual([])
  })

  it('refuses a version with no section in CHANGELOG.md', async () => {
    const repo = await makeRepo({
      changelog: '# Changelog\n\n## Unreleased\n\n## 1.2.2\n\n- Old.\n'
    })
    const result = await release(repo, '1.2.3')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain("CHANGELOG.md has no '## 1.2.3' section")
    expect(tags(repo)).toEqual([])
  })

  it('refuses when package.json and ACTION_VERSION do not both say the version', async () => {
    const repo = await makeRepo({ actionVersion: '1.2.2' })
    const result = await release(repo, '1.2.3')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('ACTION_VERSION in src/util/version.ts is "1.2.2"')
    expect(result.stderr).not.toContain("package.json's version")

    // It does not bump anything itself: asked for 1.2.4, it names both files to bump.
    const other = await release(repo, '1.2.4')
    expect(other.code).toBe(1)
    expect(other.stderr).toContain(`package.json's version is "1.2.3": bump it to 1.2.4`)
    expect(other.stderr).toContain('ACTION_VERSION in src/util/version.ts is "1.2.2"')
    expect(repo.git('status', '--porcelain')).toBe('')
    expect(tags(repo)).toEqual([])
  })

  it('refuses a dist/ that is not what the sources build to', async () => {
    const repo = await makeRepo({
      packageScript: `node -e "require('fs').writeFileSync('dist/index.js', 'rebuilt')"`
    })
    const result = await release(repo, '1.2.3')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('dist/ is not what the sources build to')
    expect(tags(repo)).toEqual([])
  })

  it('tags vX.Y.Z, moves vX to the same commit, and pushes nothing', async () => {
    const repo = await makeRepo()
    // The previous release: v1 is where a new release must move it from.
    repo.git('tag', '-a', 'v1.2.2', '-m', 'v1.2.2')
    repo.git('tag', '-a', 'v1', '-m', 'v1: v1.2.2')
    const previous = repo.git('rev-parse', 'v1^{commit}')
    repo.commit('Release 1.2.3 for real', { 'src/feature.ts': 'export const x = 1\n' })
    const head = repo.git('rev-parse', 'HEAD')
    expect(previous).not.toBe(head)

    const result = await release(repo, '1.2.3')

    // The whole result on failure: the script's stderr says why.
    expect(result).toMatchObject({ code: 0 })
    expect(repo.git('rev-parse', 'v1.2.3^{commit}')).toBe(head)
    expect(repo.git('rev-parse', 'v1^{commit}')).toBe(head)
    expect(repo.git('cat-file', '-t', 'v1.2.3')).toBe('tag')
    expect(repo.git('cat-file', '-t', 'v1')).toBe('tag')
    expect(repo.git('rev-parse', 'v1.2.2^{commit}')).toBe(previous)
    // The changelog's section is the tag's message, `###` headings included.
    const message = repo.git('tag', '--list', '--format=%(contents)', 'v1.2.3')
    expect(message).toContain('### Added')
    expect(message).toContain('- Something new.')
    expect(message).not.toContain('Older.')
    expect(result.stdout).toContain('git push origin v1.2.3')
    expect(result.stdout).toContain('git push --force origin v1')
    expect(execFileSync('git', ['ls-remote', '--tags', repo.remote], { encoding: 'utf8' })).toBe('')
  })

  it('with --dry-run checks everything and creates nothing', async () => {
    const repo = await makeRepo()
    const result = await release(repo, '1.2.3', '--dry-run')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Dry run')
    expect(result.stdout).toContain('Would tag')
    expect(tags(repo)).toEqual([])

    // A dry run still refuses what the release would refuse.
    await fs.writeFile(path.join(repo.dir, 'stray.txt'), 'x\n')
    const refused = await release(repo, '1.2.3', '--dry-run')
    expect(refused.code).toBe(1)
    expect(tags(repo)).toEqual([])
  })

  it('refuses an existing tag and a version that is not X.Y.Z', async () => {
    const repo = await makeRepo()
    repo.git('tag', 'v1.2.3')
    const again = await release(repo, '1.2.3')
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('the tag v1.2.3 exists already')

    for (const bad of ['v1.2.3', '1.2', '1.2.3-rc.1']) {
      const result = await release(repo, bad)
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('is not a version X.Y.Z')
    }
  })
})
