// Kept in step with package.json by a unit test; the bundle cannot read package.json at run time.
export const ACTION_NAME = 'run-ai-planet-workflow'
export const ACTION_VERSION = '1.0.0'
export const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`
