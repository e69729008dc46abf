import { afterEach } from '@jest/globals'
import { removeRunnerFolders } from '../../scripts/action-runner.js'

// Every step a test runs gets a workspace and RUNNER_TEMP of its own (the memory scenario
// writes a 64 MB output file there): none outlives its test.
afterEach(removeRunnerFolders)
