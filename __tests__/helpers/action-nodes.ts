export interface ActionNode {
  /** e.g. `v24.21.0` */
  version: string
  path: string
}

/** The Node binaries the end-to-end suites run dist/index.js under (set by the global setup). */
export function actionNodes(): ActionNode[] {
  const list = process.env.ACTION_NODES
  if (!list) throw new Error('ACTION_NODES is not set: run the tests through jest.config.js')
  return JSON.parse(list) as ActionNode[]
}
