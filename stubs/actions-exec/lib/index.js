// See ../../README.md: @actions/core imports @actions/exec for
// `platform.getDetails()`, which this action never calls; this keeps child_process unloaded.
const unavailable = name => () => {
  throw new Error(`@actions/exec is not part of this action (${name} was called)`)
}
export const exec = unavailable('exec')
export const getExecOutput = unavailable('getExecOutput')
