// `npm run release -- X.Y.Z [--dry-run] [--cwd DIR]`: checks that the repository is ready to be
// released as X.Y.Z, creates the annotated tag vX.Y.Z (its message is the changelog's section)
// and moves the major tag vX to the same commit. It pushes nothing: it prints the commands, so
// that a person looks at the tags before users of @vX get the new code.
import { spawnSync } from 'node:child_process'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

const USAGE = 'usage: npm run release -- X.Y.Z [--dry-run] [--cwd DIR]'
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/

/** Why the release cannot go ahead: every problem found, each saying what to do. */
class Refusal extends Error {
  readonly problems: string[]
  constructor(problems: string[]) {
    super(problems.join('; '))
    this.problems = problems
  }
}

class UsageError extends Error {}

interface Options {
  version: string
  dryRun: boolean
  cwd: string
}

function readOptions(argv: string[]): Options {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      options: { 'dry-run': { type: 'boolean' }, cwd: { type: 'string' } },
      allowPositionals: true
    })
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  const [version, ...rest] = parsed.positionals
  if (version === undefined || rest.length > 0) throw new UsageError('give one version')
  if (!SEMVER.test(version)) {
    throw new UsageError(`'${version}' is not a version X.Y.Z (no leading v, no pre-release)`)
  }
  return {
    version,
    dryRun: parsed.values['dry-run'] ?? false,
    cwd: path.resolve(parsed.values.cwd ?? process.cwd())
  }
}

interface Ran {
  status: number | null
  stdout: string
  stderr: string
}

function run(command: string, args: string[], cwd: string): Ran {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    // npm is npm.cmd on Windows, which only a shell starts.
    shell: process.platform === 'win32' && command === 'npm'
  })
  if (result.error) throw result.error
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

function git(cwd: string, ...args: string[]): string {
  const ran = run('git', args, cwd)
  if (ran.status !== 0) {
    throw new Error(`git ${args.join(' ')} failed: ${ran.stderr.trim() || `exit ${ran.status}`}`)
  }
  return ran.stdout.trimEnd()
}

function tagExists(root: string, tag: string): boolean {
  return run('git', ['rev-parse', '--quiet', '--verify', `refs/tags/${tag}`], root).status === 0
}

async function readText(root: string, file: string): Promise<string | undefined> {
  return fs.readFile(path.join(root, file), 'utf8').catch(() => undefined)
}

/** The body of the changelog's `## X.Y.Z` (or `## [X.Y.Z] - date`) section, or undefined. */
function changelogSection(changelog: string, version: string): string | undefined {
  const lines = changelog.split(/\r?\n/)
  const heading = new RegExp(`^##\\s+\\[?${version.replace(/\./g, '\\.')}\\]?(\\s|$)`)
  const start = lines.findIndex(line => heading.test(line))
  if (start === -1) return undefined
  const after = lines.slice(start + 1)
  const end = after.findIndex(line => /^##\s/.test(line))
  return (end === -1 ? after : after.slice(0, end)).join('\n').trim()
}

function shortList(porcelain: string): string {
  const lines = porcelain.split('\n')
  const shown = lines.slice(0, 10).map(line => `      ${line}`)
  if (lines.length > 10) shown.push(`      … and ${lines.length - 10} more`)
  return shown.join('\n')
}

/** Everything that can be checked without building, reported together. */
async function checkRepository(root: string, version: string): Promise<string> {
  const problems: string[] = []
  const tag = `v${version}`

  const dirty = git(root, 'status', '--porcelain', '--untracked-files=all')
  if (dirty !== '') {
    problems.push(`the working tree is not clean: commit or stash first\n${shortList(dirty)}`)
  }

  const bump = `bump it to ${version}, commit, and run the release again`
  const packageText = await readText(root, 'package.json')
  const packageVersion = packageText
    ? (JSON.parse(packageText) as { version?: unknown }).version
    : undefined
  if (packageVersion !== version) {
    problems.push(`package.json's version is ${JSON.stringify(packageVersion)}: ${bump}`)
  }
  const versionSource = await readText(root, 'src/util/version.ts')
  const actionVersion = /ACTION_VERSION\s*=\s*['"]([^'"]*)['"]/.exec(versionSource ?? '')?.[1]
  if (actionVersion !== version) {
    problems.push(
      `ACTION_VERSION in src/util/version.ts is ${JSON.stringify(actionVersion)}: ${bump}`
    )
  }

  const changelog = await readText(root, 'CHANGELOG.md')
  const section = changelog === undefined ? undefined : changelogSection(changelog, version)
  if (changelog === undefined) {
    problems.push('there is no CHANGELOG.md')
  } else if (section === undefined) {
    problems.push(`CHANGELOG.md has no '## ${version}' section: write one (from Unreleased)`)
  } else if (section === '') {
    problems.push(`CHANGELOG.md's '## ${version}' section is empty`)
  }

  if (tagExists(root, tag)) problems.push(`the tag ${tag} exists already`)

  if (problems.length > 0) throw new Refusal(problems)
  return section ?? ''
}

/** dist/ must be what the sources build to: the tag is what `uses: …@vX` runs. */
function checkBundle(root: string): void {
  process.stdout.write('Building dist/ (npm run package) to compare it with the commit…\n')
  const built = run('npm', ['run', 'package'], root)
  if (built.status !== 0) {
    throw new Refusal([`npm run package failed:\n${built.stdout}${built.stderr}`.trimEnd()])
  }
  const changed = git(root, 'status', '--porcelain', '--untracked-files=all', '--', 'dist/')
  if (changed !== '') {
    throw new Refusal([
      `dist/ is not what the sources build to: commit what npm run package wrote\n${shortList(changed)}`
    ])
  }
}

function remoteName(root: string): string {
  const remotes = git(root, 'remote').split('\n').filter(Boolean)
  return remotes.includes('origin') ? 'origin' : (remotes[0] ?? '<remote>')
}

async function release(options: Options): Promise<void> {
  const root = git(options.cwd, 'rev-parse', '--show-toplevel')
  const { version } = options
  const tag = `v${version}`
  const major = `v${version.split('.')[0] ?? ''}`

  const section = await checkRepository(root, version)
  checkBundle(root)

  const head = git(root, 'rev-parse', 'HEAD')
  const short = head.slice(0, 12)
  const previous = tagExists(root, major) ? git(root, 'rev-parse', `${major}^{commit}`) : undefined
  if (options.dryRun) {
    const verb = previous === undefined ? 'create' : 'move'
    process.stdout.write(
      `Dry run: every check passed. Would tag ${short} as ${tag} and ${verb} ${major} there. ` +
        'Nothing was created.\n'
    )
    return
  }

  // `whitespace`, not the default `strip`, which would drop the section's `### Added` lines.
  git(root, 'tag', '--annotate', '--cleanup=whitespace', '-m', `${tag}\n\n${section}`, tag, head)
  git(root, 'tag', '--force', '--annotate', '-m', `${major}: ${tag}`, major, head)
  const majorNote =
    previous === undefined
      ? `created ${major} there`
      : previous === head
        ? `${major} was there already`
        : `moved ${major} there from ${previous.slice(0, 12)}`
  const remote = remoteName(root)
  process.stdout.write(
    [
      `Tagged ${short} as ${tag} and ${majorNote}. Nothing was pushed: check the tags, then run`,
      '',
      `  git push ${remote} ${tag}`,
      // Forced: the major tag moves from release to release by design.
      `  git push --force ${remote} ${major}`,
      '',
      `and publish the release: gh release create ${tag} --verify-tag --notes-from-tag`,
      ''
    ].join('\n')
  )
}

async function main(): Promise<number> {
  try {
    await release(readOptions(process.argv.slice(2)))
    return 0
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`release: ${error.message}\n${USAGE}\n`)
      return 2
    }
    if (error instanceof Refusal) {
      const list = error.problems.map(problem => `  - ${problem}`).join('\n')
      process.stderr.write(`release: refused, nothing was tagged:\n${list}\n`)
      return 1
    }
    process.stderr.write(`release: ${error instanceof Error ? error.message : String(error)}\n`)
    return 1
  }
}

process.exitCode = await main()
