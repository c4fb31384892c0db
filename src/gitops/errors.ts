/** The deploy repository could not be cloned, patched, committed or pushed. */
export class DeployError extends Error {
  override name = 'DeployError'
}
