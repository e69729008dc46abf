import { promises as fs } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { ACTION_NAME, ACTION_VERSION, USER_AGENT } from '../../../src/util/version.js'

async function packageJson(): Promise<{ name: string; version: string }> {
  const text = await fs.readFile(path.join(process.cwd(), 'package.json'), 'utf8')
  return JSON.parse(text) as { name: string; version: string }
}

describe('version', () => {
  it("equals package.json's version", async () => {
    expect(ACTION_VERSION).toBe((await packageJson()).version)
  })

  it("has package.json's name", async () => {
    expect(ACTION_NAME).toBe((await packageJson()).name)
  })

  it('puts the name and the version in the User-Agent', async () => {
    const { name, version } = await packageJson()
    expect(USER_AGENT).toContain(name)
    expect(USER_AGENT).toContain(version)
    expect(USER_AGENT).toBe(`${name}/${version}`)
  })
})
