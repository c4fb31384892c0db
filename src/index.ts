import { run } from './main.js'

// Once the run has reported (outputs, summary, exit code), nothing may keep the process waiting: a
// keep-alive socket or a timer left by a library would otherwise hold the job until the runner
// kills it. The timer is unref'd, so a process that is already done exits at once; it only fires
// when something else still holds the event loop, after giving stdout a second to drain.
void run().finally(() =>
  setTimeout(() => {
    process.stdout.write(`::debug::the run is over but ${process.getActiveResourcesInfo().join(', ')} still held the process; exiting\n`)
    process.exit()
  }, 1000).unref()
)
