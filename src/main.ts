import * as core from '@actions/core'

export async function run(): Promise<void> {
  try {
    core.info('digest-release')
    throw new Error('not implemented yet')
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}
